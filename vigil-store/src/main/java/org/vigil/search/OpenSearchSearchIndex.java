/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.search;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.access.MarkingPolicy;
import org.vigil.access.Viewer;
import org.vigil.model.Entity;
import org.vigil.model.Marking;
import org.vigil.model.Schema;
import org.vigil.model.Tlp;

/**
 * The search index on an OpenSearch cluster, over its REST API: the same documents ({@link
 * IndexDocument}), the same analysis (standard tokenizer, lower case, ASCII folding, no gap between
 * values), the same query and the same grouping, captions, snippets and facets as the Lucene index,
 * so that both pass one contract.
 *
 * <p>Markings: every query carries the viewer's marking filter ({@link #visibleTo}), and every
 * document that comes back is checked again with {@link MarkingPolicy#canSee} before any of it is
 * counted or shown, so a wrongly indexed or tampered document is dropped rather than trusted.
 *
 * <p>Searches and writes go through an alias; {@link #rebuild} fills a new index behind it and
 * swaps the alias in one atomic step, so searches see the old index until the new one is complete
 * and never an empty or half-built one. Updates made during a rebuild go to both indices, and are
 * written into the new one again just before the swap, after the rebuild's own (possibly older)
 * documents. Every write is refreshed before it returns (searchable at once, like the Lucene
 * index's commit). Relevance uses index-wide term statistics ({@code dfs_query_then_fetch}), so the
 * number of shards does not change the order of hits. Thread-safe.
 */
final class OpenSearchSearchIndex implements SearchIndex {
  private static final Logger LOG = LoggerFactory.getLogger(OpenSearchSearchIndex.class);

  static final String RECORD = "record";

  /** The document's own id, also as a field: the last key of a stable sort. */
  static final String KEY = "key";

  static final String SCHEMA = "schema";
  static final String SCHEMA_ISA = "schema_isa";
  static final String NAMES = "names";
  static final String TEXT = "text";
  static final String MAIN_NAMES = "main_names";
  static final String TITLES = "titles";
  static final String FACET = "facet";
  static final String TLP = "m_tlp";
  static final String OWNER = "m_owner";
  static final String NAMED = "m_named";
  static final String RESTRICTED = "m_restricted";
  static final String UNRESTRICTED = "m_open";

  private static final float NAME_BOOST = 3.0f;
  private static final int SNIPPETS_PER_HIT = 3;
  private static final int PAGE = 5_000;
  private static final int BULK_DOCS = 2_000;
  private static final int BULK_BYTES = 8 << 20;

  private static final List<String> MATCH_FIELDS =
      List.of(RECORD, FACET, TLP, OWNER, NAMED, RESTRICTED);

  private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(3);

  private final OpenSearchClient client;
  private final String alias;
  private final int shards;
  private final int replicas;
  private final SearchIndex.Resolver resolver;
  private final Analyzer analyzer = TextAnalysis.analyzer();
  private final AtomicLong generation = new AtomicLong(System.currentTimeMillis());

  /** The index a rebuild is filling, which updates also reach; empty when none runs. */
  private volatile Optional<String> building = Optional.empty();

  /**
   * Writes to the index being built, and the replay of the updates made during the build, hold this
   * lock, so the newest documents of a record are always the last written there.
   */
  private final Object buildWrites = new Object();

  /**
   * The newest documents of each record updated while a rebuild runs. The rebuild's own reading may
   * have read a record before such an update and write its older documents (under its older
   * marking) after it; replaying these once the new index is filled and refreshed, before the alias
   * swaps, makes the update win. Without this, a record marked stricter during a rebuild could keep
   * a document under its old marking in the new index.
   */
  private final Map<String, List<IndexDocument>> updatedDuringBuild = new LinkedHashMap<>();

  private OpenSearchSearchIndex(
      OpenSearchClient client,
      String alias,
      int shards,
      int replicas,
      SearchIndex.Resolver resolver) {
    this.client = client;
    this.alias = alias;
    this.shards = shards;
    this.replicas = replicas;
    this.resolver = resolver;
  }

  /**
   * Opens the index behind {@code alias}, creating a first index and the alias when the cluster has
   * neither.
   */
  static OpenSearchSearchIndex open(
      OpenSearchClient client,
      String alias,
      int shards,
      int replicas,
      SearchIndex.Resolver resolver) {
    requireNonNull(client, "client");
    requireNonNull(resolver, "resolver");
    if (!alias.matches("[a-z0-9][a-z0-9_-]{0,100}")) {
      throw new IllegalArgumentException(
          "an index alias is lower-case letters, digits, '-' and '_', not '" + alias + "'");
    }
    if (shards < 1 || replicas < 0) {
      throw new IllegalArgumentException(shards + " shards, " + replicas + " replicas");
    }
    OpenSearchSearchIndex index =
        new OpenSearchSearchIndex(client, alias, shards, replicas, resolver);
    if (client.find("_alias/" + alias).isEmpty()) {
      String first = alias + "-initial";
      try {
        client.put(first, index.indexDefinition(replicas, "1s"));
      } catch (IllegalStateException e) {
        // another node created it a moment ago; the alias below is idempotent
        LOG.debug("index {} exists already", first, e);
      }
      client.post(
          "_aliases",
          Map.of("actions", List.of(Map.of("add", Map.of("index", first, "alias", alias)))));
    }
    return index;
  }

  @Override
  public void update(Collection<Entity> records) {
    requireNonNull(records, "records");
    if (records.isEmpty()) {
      return;
    }
    List<IndexDocument> docs = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    for (Entity record : records) {
      ids.add(record.id());
      docs.addAll(IndexDocument.of(record));
    }
    replace(ids, docs);
  }

  @Override
  public void updateTexts(Collection<IndexedText> texts) {
    requireNonNull(texts, "texts");
    if (texts.isEmpty()) {
      return;
    }
    List<IndexDocument> docs = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    for (IndexedText text : texts) {
      ids.add(text.id());
      docs.add(IndexDocument.of(text));
    }
    replace(ids, docs);
  }

  /**
   * Replaces every document of these records with their new documents, in bulk requests refreshed
   * at the end, so a search sees a record's old documents or its new ones. The documents to delete
   * are those the index holds for the records (found by a search) that the new ones do not
   * overwrite.
   */
  private void replace(Set<String> recordIds, List<IndexDocument> docs) {
    // Under the lock as a whole: an update written to the old index just before the alias swaps
    // must also reach the new one, or it would be lost from it.
    synchronized (buildWrites) {
      rewrite(alias, recordIds, docs);
      Optional<String> next = building;
      if (next.isPresent()) {
        Map<String, List<IndexDocument>> byRecord = new LinkedHashMap<>();
        recordIds.forEach(id -> byRecord.put(id, new ArrayList<>()));
        docs.forEach(d -> byRecord.computeIfAbsent(d.record(), k -> new ArrayList<>()).add(d));
        updatedDuringBuild.putAll(byRecord);
        // The index being built refreshes only when asked: without this, the search for the
        // record's documents there would miss those the rebuild wrote a moment ago.
        client.post(next.get() + "/_refresh", Map.of());
        rewrite(next.get(), recordIds, docs);
      }
    }
  }

  /** Replaces the documents of these records in {@code target} with {@code docs}. */
  private void rewrite(String target, Set<String> recordIds, List<IndexDocument> docs) {
    Set<String> stale = new TreeSet<>();
    for (List<String> chunk : chunks(new ArrayList<>(recordIds), 10_000)) {
      ObjectNode q = client.json.createObjectNode();
      ArrayNode values = q.putObject("terms").putArray(RECORD);
      chunk.forEach(values::add);
      stale.addAll(keys(target, q));
    }
    bulk(target, docs, stale, true);
  }

  /**
   * Writes the newest documents of the records updated during the rebuild into {@code next} again,
   * after the rebuild's own writes, which may hold older ones.
   */
  private void replayUpdatesInto(String next) {
    synchronized (buildWrites) {
      if (updatedDuringBuild.isEmpty()) {
        return;
      }
      client.post(next + "/_refresh", Map.of());
      List<IndexDocument> docs = new ArrayList<>();
      updatedDuringBuild.values().forEach(docs::addAll);
      rewrite(next, new LinkedHashSet<>(updatedDuringBuild.keySet()), docs);
      updatedDuringBuild.clear();
    }
  }

  private static <T> List<List<T>> chunks(List<T> all, int size) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += size) {
      out.add(all.subList(i, Math.min(all.size(), i + size)));
    }
    return out;
  }

  /** The ids of the documents in {@code index} that match {@code query}. */
  private Set<String> keys(String index, ObjectNode query) {
    Set<String> out = new TreeSet<>();
    Optional<JsonNode> after = Optional.empty();
    while (true) {
      ObjectNode body = client.json.createObjectNode();
      body.set("query", query);
      body.put("size", PAGE);
      body.put("_source", false);
      body.putArray("docvalue_fields").add(KEY);
      body.putArray("sort").addObject().putObject(KEY).put("order", "asc");
      after.ifPresent(a -> body.set("search_after", a));
      JsonNode hits = client.post(index + "/_search", body).path("hits").path("hits");
      hits.forEach(h -> out.add(h.path("_id").asText()));
      if (hits.size() < PAGE) {
        return out;
      }
      after = Optional.of(hits.get(hits.size() - 1).path("sort"));
    }
  }

  /**
   * Deletes the {@code stale} documents (those not written again) and indexes {@code docs}, in bulk
   * requests; throws if OpenSearch refused any item.
   */
  private void bulk(String index, List<IndexDocument> docs, Set<String> stale, boolean refresh) {
    Map<String, Integer> perRecord = new HashMap<>();
    List<String> ids = new ArrayList<>(docs.size());
    for (IndexDocument d : docs) {
      ids.add(d.record() + "#" + perRecord.merge(d.record(), 1, Integer::sum));
    }
    Set<String> deletes = new TreeSet<>(stale);
    ids.forEach(deletes::remove);
    StringBuilder body = new StringBuilder();
    int count = 0;
    int total = deletes.size() + docs.size();
    int done = 0;
    for (String id : deletes) {
      body.append(client.write(Map.of("delete", Map.of("_id", id)))).append('\n');
      count++;
      done++;
      if (done < total && count >= BULK_DOCS) {
        sendBulk(index, body.toString(), false);
        body.setLength(0);
        count = 0;
      }
    }
    for (int i = 0; i < docs.size(); i++) {
      appendIndexAction(body, docs.get(i), ids.get(i));
      count++;
      done++;
      if (done < total && (count >= BULK_DOCS || body.length() >= BULK_BYTES)) {
        sendBulk(index, body.toString(), false);
        body.setLength(0);
        count = 0;
      }
    }
    if (body.length() > 0) {
      sendBulk(index, body.toString(), refresh);
    }
  }

  private void appendIndexAction(StringBuilder body, IndexDocument d, String id) {
    body.append(client.write(Map.of("index", Map.of("_id", id))))
        .append('\n')
        .append(client.write(source(id, d)))
        .append('\n');
  }

  private void sendBulk(String index, String ndjson, boolean refresh) {
    JsonNode answer = client.bulk(index + "/_bulk" + (refresh ? "?refresh=true" : ""), ndjson);
    if (answer.path("errors").asBoolean(false)) {
      for (JsonNode item : answer.path("items")) {
        JsonNode action = item.elements().next();
        JsonNode error = action.path("error");
        if (!error.isMissingNode()) {
          throw new IllegalStateException(
              "OpenSearch refused the document "
                  + action.path("_id").asText()
                  + ": "
                  + error.path("reason").asText());
        }
      }
    }
  }

  private static Map<String, Object> source(String id, IndexDocument d) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put(KEY, id);
    doc.put(RECORD, d.record());
    doc.put(SCHEMA, d.schema().ftmName());
    doc.put(SCHEMA_ISA, d.schemaIsA());
    doc.put(NAMES, d.names());
    doc.put(TEXT, d.text());
    doc.put(MAIN_NAMES, d.mainNames());
    doc.put(TITLES, d.titles());
    doc.put(FACET, List.copyOf(d.facets()));
    Marking m = d.marking();
    doc.put(TLP, m.tlp().name());
    doc.put(OWNER, m.ownerOrg());
    doc.put(NAMED, List.copyOf(m.namedUsers()));
    doc.put(RESTRICTED, List.copyOf(m.restrictedToOrgs()));
    doc.put(UNRESTRICTED, m.restrictedToOrgs().isEmpty());
    return doc;
  }

  @Override
  public long rebuild(Consumer<Consumer<Entity>> source) {
    requireNonNull(source, "source");
    String next = alias + "-" + generation.incrementAndGet();
    // Built with no replicas and no refresh, which bulk loading does best; both set before the
    // swap.
    client.put(next, indexDefinition(0, "-1"));
    synchronized (buildWrites) {
      updatedDuringBuild.clear();
      building = Optional.of(next);
    }
    AtomicLong count = new AtomicLong();
    try {
      List<IndexDocument> pending = new ArrayList<>();
      source.accept(
          record -> {
            pending.addAll(IndexDocument.of(record));
            count.incrementAndGet();
            if (pending.size() >= BULK_DOCS) {
              bulk(next, pending, Set.of(), false);
              pending.clear();
            }
          });
      bulk(next, pending, Set.of(), false);
      client.put(
          next + "/_settings",
          Map.of("index", Map.of("number_of_replicas", replicas, "refresh_interval", "1s")));
      client.post(next + "/_refresh", Map.of());
      replayUpdatesInto(next);
      client.get(
          "_cluster/health/"
              + next
              + "?wait_for_status="
              + (replicas == 0 ? "green" : "yellow")
              + "&timeout=60s");
      Set<String> old = currentIndices();
      List<Object> actions = new ArrayList<>();
      actions.add(Map.of("add", Map.of("index", next, "alias", alias)));
      for (String index : old) {
        actions.add(Map.of("remove", Map.of("index", index, "alias", alias)));
      }
      synchronized (buildWrites) {
        // Updates since the replay were written to both indices in order; replay again for any
        // that raced the health check, then swap with no update in between.
        replayUpdatesInto(next);
        client.post("_aliases", Map.of("actions", actions));
        building = Optional.empty();
        updatedDuringBuild.clear();
      }
      for (String index : old) {
        client.delete(index);
      }
      return count.get();
    } catch (RuntimeException e) {
      synchronized (buildWrites) {
        building = Optional.empty();
        updatedDuringBuild.clear();
      }
      try {
        client.delete(next); // the alias still names the old index: nothing half-built is seen
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  /** The indices the alias names now. */
  private Set<String> currentIndices() {
    Set<String> out = new TreeSet<>();
    client
        .find("_alias/" + alias)
        .ifPresent(answer -> answer.fieldNames().forEachRemaining(out::add));
    return out;
  }

  @Override
  public SearchResults search(SearchQuery query, Viewer viewer) {
    requireNonNull(query, "query");
    requireNonNull(viewer, "viewer");
    UserQuery parsed = UserQuery.parse(query.text(), analyzer);
    if (parsed.isEmpty()) {
      return new SearchResults(0, List.of());
    }
    ObjectNode bool = client.json.createObjectNode();
    ArrayNode must = bool.putArray("must");
    for (List<String> clause : parsed.clauses()) {
      must.add(clauseQuery(clause));
    }
    ArrayNode filter = bool.putArray("filter");
    filter.add(visibleTo(viewer));
    query.schema().ifPresent(s -> filter.add(term(SCHEMA_ISA, s.ftmName())));
    for (SearchQuery.Filter f : query.filters()) {
      filter.add(term(FACET, IndexDocument.facet(f.dimension(), f.value())));
    }
    ObjectNode q = client.json.createObjectNode();
    q.set("bool", bool);

    Map<String, HitGroup<Match>> groups = new HashMap<>();
    Map<String, Set<String>> countedFacets = new HashMap<>();
    FacetTally tally = new FacetTally();
    scan(
        q,
        true,
        hit -> {
          HitGroup<Match> group =
              groups.computeIfAbsent(
                  resolver.canonicalId(hit.record(), viewer),
                  id -> new HitGroup<>(id, Match::score));
          group.add(hit);
          Set<String> counted = countedFacets.computeIfAbsent(hit.record(), k -> new HashSet<>());
          for (String facet : hit.facets()) {
            if (counted.add(facet)) {
              tally.add(facet, 1);
            }
            if (facet.startsWith(FacetDimension.MARKING.key() + ":")) {
              group.mark(facet);
            }
          }
        },
        viewer);
    List<HitGroup<Match>> page = HitGroup.page(groups.values(), query.limit());
    Map<String, Captions> captions = captions(page, viewer);
    Map<String, JsonNode> shown = sources(page, viewer);
    List<SearchResults.Hit> hits = new ArrayList<>(page.size());
    for (HitGroup<Match> group : page) {
      Set<String> snippets = new LinkedHashSet<>();
      Schema schema = null;
      for (Match m : group.docs) {
        JsonNode doc = shown.get(m.id());
        if (doc == null) {
          continue; // deleted since the search, or no longer visible: shows nothing
        }
        if (schema == null) {
          schema = Schema.expect(doc.path(SCHEMA).asText());
        }
        for (String field : List.of(NAMES, TEXT)) {
          for (JsonNode value : doc.path(field)) {
            if (snippets.size() < SNIPPETS_PER_HIT) {
              Snippets.highlight(analyzer, value.asText(), parsed.terms()).ifPresent(snippets::add);
            }
          }
        }
      }
      if (schema == null) {
        continue;
      }
      String caption =
          captions.getOrDefault(group.canonicalId, new Captions()).best().orElse(group.canonicalId);
      List<String> markings =
          group.markings.stream()
              .map(f -> f.substring(FacetDimension.MARKING.key().length() + 1))
              .sorted(Comparator.comparingInt(LuceneSearchIndex::tlpRank))
              .toList();
      hits.add(
          new SearchResults.Hit(
              group.canonicalId, schema, caption, group.best, List.copyOf(snippets), markings));
    }
    return new SearchResults(groups.size(), hits, tally.counts());
  }

  @Override
  public List<String> recordsCiting(String sourceId, Viewer viewer, int limit) {
    requireNonNull(sourceId, "sourceId");
    requireNonNull(viewer, "viewer");
    ObjectNode q = client.json.createObjectNode();
    ArrayNode filter = q.putObject("bool").putArray("filter");
    filter.add(term(FACET, IndexDocument.facet(FacetDimension.SOURCE, sourceId)));
    filter.add(visibleTo(viewer));
    SortedSet<String> ids = new TreeSet<>();
    scan(
        q,
        false,
        hit -> {
          if (!hit.record().equals(sourceId)) {
            ids.add(hit.record());
          }
        },
        viewer);
    return ids.stream().limit(Math.max(0, limit)).toList();
  }

  /**
   * The cluster's health, asked with a 3 s budget: ready when green or yellow (every primary shard
   * placed); red or no answer is not ready.
   */
  @Override
  public Health health() {
    try {
      String status =
          client.get("_cluster/health?timeout=2s", HEALTH_TIMEOUT).path("status").asText("red");
      return new Health("opensearch", status, !status.equals("red"));
    } catch (SearchUnavailableException | IllegalStateException e) {
      return new Health("opensearch", "unreachable", false);
    }
  }

  @Override
  public void close() {
    // The HTTP client holds no connection that outlives a request; the cluster stays up.
  }

  /** One matching document: its id, record, score and facet values. */
  private record Match(String id, String record, float score, List<String> facets) {}

  /**
   * Visits every document that matches {@code query} and that the viewer may see by {@link
   * MarkingPolicy}, page by page ({@code search_after} on score and id).
   */
  private void scan(ObjectNode query, boolean scored, Consumer<Match> sink, Viewer viewer) {
    Optional<ArrayNode> after = Optional.empty();
    while (true) {
      ObjectNode body = client.json.createObjectNode();
      body.set("query", query);
      body.put("size", PAGE);
      body.put("_source", false);
      body.put("track_total_hits", false);
      ArrayNode fields = body.putArray("docvalue_fields");
      MATCH_FIELDS.forEach(fields::add);
      ArrayNode sort = body.putArray("sort");
      if (scored) {
        sort.addObject().putObject("_score").put("order", "desc");
        body.put("track_scores", true);
      }
      sort.addObject().putObject(KEY).put("order", "asc");
      after.ifPresent(a -> body.set("search_after", a));
      JsonNode answer =
          client.post(
              alias + "/_search" + (scored ? "?search_type=dfs_query_then_fetch" : ""), body);
      JsonNode hits = answer.path("hits").path("hits");
      for (JsonNode hit : hits) {
        JsonNode f = hit.path("fields");
        if (!visible(f, viewer)) {
          LOG.warn("the search index returned {} to a viewer who may not see it", hit.path("_id"));
          continue;
        }
        List<String> facets = new ArrayList<>();
        f.path(FACET).forEach(v -> facets.add(v.asText()));
        sink.accept(
            new Match(
                hit.path("_id").asText(),
                f.path(RECORD).path(0).asText(),
                (float) hit.path("_score").asDouble(0),
                facets));
      }
      if (hits.size() < PAGE) {
        return;
      }
      after = Optional.of((ArrayNode) hits.get(hits.size() - 1).path("sort"));
    }
  }

  /** Whether the marking a document carries lets the viewer see it, asked of MarkingPolicy. */
  private static boolean visible(JsonNode fields, Viewer viewer) {
    if (viewer.isSystem()) {
      return true;
    }
    try {
      SortedSet<String> named = new TreeSet<>();
      fields.path(NAMED).forEach(v -> named.add(v.asText()));
      SortedSet<String> restricted = new TreeSet<>();
      fields.path(RESTRICTED).forEach(v -> restricted.add(v.asText()));
      Marking marking =
          new Marking(
              Tlp.valueOf(fields.path(TLP).path(0).asText()),
              fields.path(OWNER).path(0).asText(),
              named,
              restricted);
      return MarkingPolicy.canSee(viewer, marking);
    } catch (RuntimeException e) {
      return false; // a document whose marking cannot be read is shown to no one
    }
  }

  /** The visible names and titles of every member of the hits on the page, by canonical id. */
  private Map<String, Captions> captions(List<HitGroup<Match>> page, Viewer viewer) {
    List<String> members = new ArrayList<>();
    for (HitGroup<Match> group : page) {
      members.addAll(resolver.members(group.canonicalId, viewer));
    }
    Map<String, Captions> out = new HashMap<>();
    for (List<String> chunk : chunks(members, 10_000)) {
      ObjectNode q = client.json.createObjectNode();
      ArrayNode filter = q.putObject("bool").putArray("filter");
      ObjectNode terms = filter.addObject().putObject("terms");
      ArrayNode values = terms.putArray(RECORD);
      chunk.forEach(values::add);
      filter.add(visibleTo(viewer));
      for (JsonNode doc : fetch(q, List.of(RECORD, MAIN_NAMES, NAMES, TITLES), viewer)) {
        Captions c =
            out.computeIfAbsent(
                resolver.canonicalId(doc.path(RECORD).asText(), viewer), k -> new Captions());
        doc.path(MAIN_NAMES).forEach(v -> c.names.merge(v.asText(), 1, Integer::sum));
        doc.path(NAMES).forEach(v -> c.otherNames.merge(v.asText(), 1, Integer::sum));
        doc.path(TITLES).forEach(v -> c.titles.merge(v.asText(), 1, Integer::sum));
      }
    }
    return out;
  }

  /** The stored values of the best documents of the hits on the page, by document id. */
  private Map<String, JsonNode> sources(List<HitGroup<Match>> page, Viewer viewer) {
    List<String> ids = new ArrayList<>();
    for (HitGroup<Match> group : page) {
      group.docs.forEach(m -> ids.add(m.id()));
    }
    Map<String, JsonNode> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    ObjectNode q = client.json.createObjectNode();
    ArrayNode filter = q.putObject("bool").putArray("filter");
    ArrayNode values = filter.addObject().putObject("ids").putArray("values");
    ids.forEach(values::add);
    filter.add(visibleTo(viewer));
    for (JsonNode doc : fetch(q, List.of("_id", SCHEMA, NAMES, TEXT), viewer)) {
      out.put(doc.path("_id").asText(), doc);
    }
    return out;
  }

  /**
   * The sources of every document matching {@code query} (a filter of few documents), each
   * re-checked against MarkingPolicy, with {@code _id} added.
   */
  private List<JsonNode> fetch(ObjectNode query, List<String> fields, Viewer viewer) {
    ObjectNode body = client.json.createObjectNode();
    body.set("query", query);
    body.put("size", PAGE);
    ArrayNode includes = body.putObject("_source").putArray("includes");
    fields.forEach(includes::add);
    List.of(TLP, OWNER, NAMED, RESTRICTED).forEach(includes::add);
    JsonNode answer = client.post(alias + "/_search", body);
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode hit : answer.path("hits").path("hits")) {
      ObjectNode source = (ObjectNode) hit.path("_source");
      ObjectNode asFields = client.json.createObjectNode();
      for (String f : List.of(TLP, OWNER, NAMED, RESTRICTED)) {
        JsonNode v = source.path(f);
        asFields.set(f, v.isArray() ? v : client.json.createArrayNode().add(v));
      }
      if (visible(asFields, viewer)) {
        source.put("_id", hit.path("_id").asText());
        out.add(source);
      }
    }
    return out;
  }

  private ObjectNode clauseQuery(List<String> terms) {
    ObjectNode clause = client.json.createObjectNode();
    ArrayNode should = clause.putObject("bool").putArray("should");
    if (terms.size() == 1) {
      should
          .addObject()
          .putObject("term")
          .putObject(NAMES)
          .put("value", terms.get(0))
          .put("boost", NAME_BOOST);
      should.addObject().putObject("term").putObject(TEXT).put("value", terms.get(0));
    } else {
      // The terms are already analysed; analysing them again gives the same terms.
      String phrase = String.join(" ", terms);
      should
          .addObject()
          .putObject("match_phrase")
          .putObject(NAMES)
          .put("query", phrase)
          .put("boost", NAME_BOOST);
      should.addObject().putObject("match_phrase").putObject(TEXT).put("query", phrase);
    }
    return clause;
  }

  private ObjectNode term(String field, String value) {
    ObjectNode t = client.json.createObjectNode();
    t.putObject("term").put(field, value);
    return t;
  }

  /**
   * The documents {@code viewer} may see, as {@link MarkingFilter#forViewer} says for Lucene:
   * (CLEAR or GREEN, or AMBER owned by their organisation or a partner, or AMBER+STRICT owned by
   * their organisation, or RED naming them) and (restricted to no one, or to a set that holds their
   * organisation).
   */
  private ObjectNode visibleTo(Viewer viewer) {
    ObjectNode out = client.json.createObjectNode();
    if (viewer.isSystem()) {
      out.putObject("match_all");
      return out;
    }
    ArrayNode filter = out.putObject("bool").putArray("filter");
    ObjectNode levelBool = filter.addObject().putObject("bool");
    levelBool.put("minimum_should_match", 1);
    ArrayNode level = levelBool.putArray("should");
    ArrayNode open = level.addObject().putObject("terms").putArray(TLP);
    open.add(Tlp.CLEAR.name()).add(Tlp.GREEN.name());
    ArrayNode amberOwners = client.json.createArrayNode().add(viewer.orgId());
    viewer.partnerOrgs().forEach(amberOwners::add);
    level.add(both(term(TLP, Tlp.AMBER.name()), termsOf(OWNER, amberOwners)));
    level.add(both(term(TLP, Tlp.AMBER_STRICT.name()), term(OWNER, viewer.orgId())));
    level.add(both(term(TLP, Tlp.RED.name()), term(NAMED, viewer.userId())));
    ObjectNode reachBool = filter.addObject().putObject("bool");
    reachBool.put("minimum_should_match", 1);
    ArrayNode reach = reachBool.putArray("should");
    reach.add(termBoolean(UNRESTRICTED, true));
    reach.add(term(RESTRICTED, viewer.orgId()));
    return out;
  }

  private ObjectNode termsOf(String field, ArrayNode values) {
    ObjectNode t = client.json.createObjectNode();
    t.putObject("terms").set(field, values);
    return t;
  }

  private ObjectNode termBoolean(String field, boolean value) {
    ObjectNode t = client.json.createObjectNode();
    t.putObject("term").put(field, value);
    return t;
  }

  private ObjectNode both(ObjectNode a, ObjectNode b) {
    ObjectNode out = client.json.createObjectNode();
    out.putObject("bool").putArray("filter").add(a).add(b);
    return out;
  }

  /** Settings and mappings of one index; the analyser mirrors {@link TextAnalysis#analyzer()}. */
  Map<String, Object> indexDefinition(int replicaCount, String refreshInterval) {
    Map<String, Object> text =
        Map.of("type", "text", "analyzer", "vigil_text", "position_increment_gap", 0);
    Map<String, Object> keyword = Map.of("type", "keyword");
    Map<String, Object> shown = Map.of("type", "keyword", "index", false, "doc_values", false);
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(KEY, keyword);
    properties.put(RECORD, keyword);
    properties.put(SCHEMA, shown);
    properties.put(SCHEMA_ISA, keyword);
    properties.put(NAMES, text);
    properties.put(TEXT, text);
    properties.put(MAIN_NAMES, shown);
    properties.put(TITLES, shown);
    properties.put(FACET, keyword);
    properties.put(TLP, keyword);
    properties.put(OWNER, keyword);
    properties.put(NAMED, keyword);
    properties.put(RESTRICTED, keyword);
    properties.put(UNRESTRICTED, Map.of("type", "boolean"));
    return Map.of(
        "settings",
        Map.of(
            "index",
            Map.of(
                "number_of_shards",
                shards,
                "number_of_replicas",
                replicaCount,
                "refresh_interval",
                refreshInterval,
                "max_result_window",
                PAGE),
            "analysis",
            Map.of(
                "analyzer",
                Map.of(
                    "vigil_text",
                    Map.of(
                        "type",
                        "custom",
                        "tokenizer",
                        "standard",
                        "filter",
                        List.of("lowercase", "asciifolding"))))),
        "mappings",
        Map.of("dynamic", "strict", "properties", properties));
  }
}
