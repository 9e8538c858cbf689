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
 * <p>Layout: one OpenSearch document per record (unmerged entity, or stored text), id the record's
 * id, holding its {@link IndexDocument}s (one per marking) as nested {@value #PARTS}. A query
 * matches a record when one of its parts matches the words, the filters and the viewer's marking
 * filter together; the record scores its best part's score. So the engine itself counts matching
 * records ({@code track_total_hits}), counts facet values once per record (a terms aggregation on
 * the matching parts, each bucket counted in records by {@code reverse_nested}) and ranks records,
 * and a search reads only its page from the cluster, whatever the number of matches. Resolution
 * clusters are per reader and live in Vigil, not in the index: the records that share a cluster
 * with another for this reader ({@link SearchIndex.Resolver#clustered}) are fetched apart (only
 * those that match), grouped here, and the engine's count and ranking corrected for them.
 *
 * <p>Markings: every query carries the viewer's marking filter on the parts ({@link #visibleTo}),
 * and every part that comes back to be shown (hits, snippets, captions, records citing a source) is
 * checked again with {@link MarkingPolicy#canSee} before any of it is shown, so a wrongly indexed
 * or tampered part is dropped rather than trusted.
 *
 * <p>Searches and writes go through an alias; {@link #rebuild} fills a new index behind it and
 * swaps the alias in one atomic step once the new index is green (or yellow, when the cluster has
 * too few nodes for its replicas or they take too long), so searches see the old index until the
 * new one is complete and never an empty or half-built one. Updates made during a rebuild go to
 * both indices, and are written into the new one again just before the swap, after the rebuild's
 * own (possibly older) documents. Every write is refreshed before it returns (searchable at once,
 * like the Lucene index's commit). Relevance uses index-wide term statistics ({@code
 * dfs_query_then_fetch}), so the number of shards does not change the order of hits. Thread-safe.
 */
final class OpenSearchSearchIndex implements SearchIndex {
  private static final Logger LOG = LoggerFactory.getLogger(OpenSearchSearchIndex.class);

  static final String RECORD = "record";
  static final String SCHEMA = "schema";

  /** The nested documents of a record: one per marking among its statements. */
  static final String PARTS = "parts";

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
  private static final int IDS_PER_QUERY = 10_000;
  private static final int BULK_DOCS = 2_000;
  private static final int BULK_BYTES = 8 << 20;

  /** The parts of one record a search reads back at most (index.max_inner_result_window). */
  static final int PARTS_READ = 1_000;

  /**
   * Facet values each shard reports per dimension: the counts are exact while a dimension has no
   * more distinct values among one shard's matching records.
   */
  static final int FACET_SHARD_SIZE = 10_000;

  private static final List<String> MARKING_FIELDS = List.of(TLP, OWNER, NAMED, RESTRICTED);

  private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(3);

  /** How long a rebuild waits for its new index's replicas before it swaps the alias anyway. */
  static final Duration GREEN_TIMEOUT = Duration.ofMinutes(30);

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
    } else {
      index.warnIfOlderLayout();
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
   * Replaces the document of each of these records with its new one (or deletes it when the record
   * has none), in bulk requests refreshed at the end, so a search sees a record's old parts or its
   * new ones, never a mix.
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
        rewrite(next.get(), recordIds, docs);
      }
    }
  }

  /**
   * Logs an error when the alias names an index of the layout before nested parts (one document per
   * marking): searches there fail until {@code vigil reindex --target opensearch} rebuilds it.
   */
  private void warnIfOlderLayout() {
    try {
      client
          .find(alias + "/_mapping")
          .ifPresent(
              answer ->
                  answer
                      .fields()
                      .forEachRemaining(
                          e -> {
                            String type =
                                e.getValue()
                                    .path("mappings")
                                    .path("properties")
                                    .path(PARTS)
                                    .path("type")
                                    .asText("");
                            if (!type.equals("nested")) {
                              LOG.error(
                                  "the search index {} behind alias {} was built by an older Vigil"
                                      + " (one document per marking); run `vigil reindex --target"
                                      + " opensearch` to rebuild it, searches fail until then",
                                  e.getKey(),
                                  alias);
                            }
                          }));
    } catch (RuntimeException e) {
      LOG.debug("cannot read the mapping of {}", alias, e);
    }
  }

  /** Replaces the documents of these records in {@code target} with {@code docs}. */
  private void rewrite(String target, Set<String> recordIds, List<IndexDocument> docs) {
    bulk(target, docs, recordIds, true);
  }

  private static <T> List<List<T>> chunks(List<T> all, int size) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += size) {
      out.add(all.subList(i, Math.min(all.size(), i + size)));
    }
    return out;
  }

  /**
   * Indexes each record of {@code docs} as one document (its parts nested) and deletes the records
   * of {@code replaced} that have no document left, in bulk requests; throws if OpenSearch refused
   * any item.
   */
  private void bulk(String index, List<IndexDocument> docs, Set<String> replaced, boolean refresh) {
    Map<String, List<IndexDocument>> byRecord = new LinkedHashMap<>();
    for (IndexDocument d : docs) {
      byRecord.computeIfAbsent(d.record(), k -> new ArrayList<>()).add(d);
    }
    List<String> deletes = new ArrayList<>();
    for (String id : new TreeSet<>(replaced)) {
      if (!byRecord.containsKey(id)) {
        deletes.add(id);
      }
    }
    StringBuilder body = new StringBuilder();
    int count = 0;
    int total = deletes.size() + byRecord.size();
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
    for (Map.Entry<String, List<IndexDocument>> e : byRecord.entrySet()) {
      body.append(client.write(Map.of("index", Map.of("_id", e.getKey()))))
          .append('\n')
          .append(client.write(source(e.getKey(), e.getValue())))
          .append('\n');
      count += e.getValue().size();
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

  /**
   * Writes the newest documents of the records updated during the rebuild into {@code next} again,
   * after the rebuild's own writes, which may hold older ones.
   */
  private void replayUpdatesInto(String next) {
    synchronized (buildWrites) {
      if (updatedDuringBuild.isEmpty()) {
        return;
      }
      List<IndexDocument> docs = new ArrayList<>();
      updatedDuringBuild.values().forEach(docs::addAll);
      rewrite(next, new LinkedHashSet<>(updatedDuringBuild.keySet()), docs);
      updatedDuringBuild.clear();
    }
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

  /** A record as one document: its id, schema, and one nested part per marking. */
  private static Map<String, Object> source(String record, List<IndexDocument> docs) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put(RECORD, record);
    doc.put(SCHEMA, docs.get(0).schema().ftmName());
    List<Map<String, Object>> parts = new ArrayList<>(docs.size());
    for (IndexDocument d : docs) {
      Map<String, Object> part = new LinkedHashMap<>();
      part.put(SCHEMA, d.schema().ftmName());
      part.put(SCHEMA_ISA, d.schemaIsA());
      part.put(NAMES, d.names());
      part.put(TEXT, d.text());
      part.put(MAIN_NAMES, d.mainNames());
      part.put(TITLES, d.titles());
      part.put(FACET, List.copyOf(d.facets()));
      Marking m = d.marking();
      part.put(TLP, m.tlp().name());
      part.put(OWNER, m.ownerOrg());
      part.put(NAMED, List.copyOf(m.namedUsers()));
      part.put(RESTRICTED, List.copyOf(m.restrictedToOrgs()));
      part.put(UNRESTRICTED, m.restrictedToOrgs().isEmpty());
      parts.add(part);
    }
    doc.put(PARTS, parts);
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
      waitForReplicas(next, GREEN_TIMEOUT);
      swap(next);
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

  /** Points the alias at {@code next} alone, in one atomic request, and deletes the old indices. */
  private void swap(String next) {
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
  }

  /**
   * Waits until the new index is green (every replica copied), so that the swap does not leave the
   * new index's only copy of a shard on one node; at most {@code timeout}. When the cluster has too
   * few data nodes to place the replicas (a one-node cluster with replicas), or they are not copied
   * in time, says so and waits for yellow only (every primary placed): searches then run on the
   * primaries until the replicas follow.
   */
  private void waitForReplicas(String next, Duration timeout) {
    int dataNodes = client.get("_cluster/health").path("number_of_data_nodes").asInt(0);
    String status = healthToWaitFor(replicas, dataNodes);
    if (status.equals("yellow")) {
      LOG.warn(
          "the cluster has {} data node(s), too few for {} replica(s) of each shard: the index {}"
              + " cannot be green; swapping the alias once it is yellow (primaries only)",
          dataNodes,
          replicas,
          next);
    } else if (waitFor(next, "green", timeout)) {
      LOG.info("the index {} is green: every replica copied; swapping the alias", next);
      return;
    } else {
      LOG.warn(
          "the index {} is not green after {} (replicas still being copied); swapping the alias"
              + " once it is yellow: until the replicas are copied, a node lost takes its"
              + " primaries of the new index with it",
          next,
          timeout);
    }
    if (!waitFor(next, "yellow", Duration.ofMinutes(2))) {
      throw new IllegalStateException(
          "the new search index " + next + " is not even yellow after 2 minutes");
    }
  }

  /** Waits for {@code status} of {@code index}, in waits of a minute; whether it came in time. */
  private boolean waitFor(String index, String status, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = Math.max(1, Math.min(60, (deadline - System.nanoTime()) / 1_000_000_000L));
      JsonNode health =
          client.get(
              "_cluster/health/" + index + "?wait_for_status=" + status + "&timeout=" + left + "s",
              Duration.ofSeconds(left + 30));
      if (!health.path("timed_out").asBoolean(false)) {
        return true;
      }
      if (System.nanoTime() >= deadline) {
        return false;
      }
    }
  }

  /**
   * The health a new index can reach: green when every replica can be placed on a node apart from
   * its primary (more data nodes than replicas, or no replicas), else yellow.
   */
  static String healthToWaitFor(int replicas, int dataNodes) {
    return replicas == 0 || dataNodes > replicas ? "green" : "yellow";
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
    ObjectNode part = partQuery(parsed, query, viewer);
    Set<String> clustered = resolver.clustered(viewer);
    Map<String, Float> clusteredMatches =
        clustered.isEmpty() ? Map.of() : clusteredScores(part, clustered);
    Ranked ranked = rank(part, query.limit(), clustered, clusteredMatches.size());
    Map<String, Float> best = new HashMap<>(ranked.records());
    clusteredMatches.forEach(
        (record, score) -> best.merge(resolver.canonicalId(record, viewer), score, Math::max));
    long clusteredGroups = best.size() - ranked.records().size();
    long total = ranked.total() - clusteredMatches.size() + clusteredGroups;
    List<String> page =
        best.entrySet().stream()
            .sorted(
                Comparator.comparingDouble((Map.Entry<String, Float> e) -> -e.getValue())
                    .thenComparing(Map.Entry::getKey))
            .limit(query.limit())
            .map(Map.Entry::getKey)
            .toList();
    return new SearchResults(total, hits(page, part, parsed, viewer), ranked.facets());
  }

  /** The page's hits, in the page's order, from the matching parts of each entity's records. */
  private List<SearchResults.Hit> hits(
      List<String> page, ObjectNode part, UserQuery parsed, Viewer viewer) {
    Map<String, HitGroup<Match>> groups = matchingParts(page, part, viewer);
    Map<String, Captions> captions = captions(page, viewer);
    List<SearchResults.Hit> hits = new ArrayList<>(page.size());
    for (String canonicalId : page) {
      HitGroup<Match> group = groups.get(canonicalId);
      if (group == null || group.docs.isEmpty()) {
        continue; // deleted since the search, or no longer visible: shows nothing
      }
      Schema schema = Schema.expect(group.docs.get(0).part().path(SCHEMA).asText());
      Set<String> snippets = new LinkedHashSet<>();
      for (Match m : group.docs) {
        for (String field : List.of(NAMES, TEXT)) {
          for (JsonNode value : m.part().path(field)) {
            if (snippets.size() < SNIPPETS_PER_HIT) {
              Snippets.highlight(analyzer, value.asText(), parsed.terms()).ifPresent(snippets::add);
            }
          }
        }
      }
      String caption =
          captions.getOrDefault(canonicalId, new Captions()).best().orElse(canonicalId);
      List<String> markings =
          group.markings.stream()
              .map(f -> f.substring(FacetDimension.MARKING.key().length() + 1))
              .sorted(Comparator.comparingInt(LuceneSearchIndex::tlpRank))
              .toList();
      hits.add(
          new SearchResults.Hit(
              canonicalId, schema, caption, group.best, List.copyOf(snippets), markings));
    }
    return hits;
  }

  /**
   * The engine's count of matching records, its facet counts, and the first {@code limit} matching
   * records that stand alone for this reader (not {@code clustered}), best first, ties by id: the
   * only records that can be on the page besides the clustered ones. Reads {@code limit} records
   * plus as many as the clustered records that match, whatever the number of matches.
   */
  private Ranked rank(ObjectNode part, int limit, Set<String> clustered, int clusteredMatching) {
    int size = Math.min(PAGE, limit + clusteredMatching);
    Map<String, Float> records = new LinkedHashMap<>();
    long total = 0;
    Map<FacetDimension, List<SearchResults.FacetCount>> facets = Map.of();
    Optional<JsonNode> after = Optional.empty();
    while (true) {
      ObjectNode body = rankedBody(nested(part, "max"), size);
      body.put("track_total_hits", after.isEmpty());
      if (after.isEmpty()) {
        body.set("aggs", facetAggregations(part));
      }
      after.ifPresent(a -> body.set("search_after", a));
      JsonNode answer = client.post(alias + "/_search?search_type=dfs_query_then_fetch", body);
      if (after.isEmpty()) {
        total = answer.path("hits").path("total").path("value").asLong();
        facets = facets(answer.path("aggregations").path(PARTS).path("matching"));
      }
      JsonNode hits = answer.path("hits").path("hits");
      for (JsonNode hit : hits) {
        String record = hit.path("fields").path(RECORD).path(0).asText();
        if (!clustered.contains(record) && records.size() < limit) {
          records.put(record, (float) hit.path("_score").asDouble(0));
        }
      }
      if (records.size() >= limit || hits.size() < size) {
        return new Ranked(records, total, facets);
      }
      after = Optional.of(hits.get(hits.size() - 1).path("sort"));
    }
  }

  /** A search body: {@code size} records best first (ties by id), their ids and scores only. */
  private ObjectNode rankedBody(ObjectNode query, int size) {
    ObjectNode body = client.json.createObjectNode();
    body.set("query", query);
    body.put("size", size);
    body.put("_source", false);
    body.put("track_scores", true);
    body.putArray("docvalue_fields").add(RECORD);
    ArrayNode sort = body.putArray("sort");
    sort.addObject().putObject("_score").put("order", "desc");
    sort.addObject().putObject(RECORD).put("order", "asc");
    return body;
  }

  /**
   * The score of every record of {@code clustered} that matches (its best matching part's): the
   * records whose grouping the index cannot know. Reads only those that match, in requests of at
   * most {@value #IDS_PER_QUERY} ids.
   */
  private Map<String, Float> clusteredScores(ObjectNode part, Set<String> clustered) {
    Map<String, Float> out = new HashMap<>();
    for (List<String> chunk : chunks(new ArrayList<>(new TreeSet<>(clustered)), IDS_PER_QUERY)) {
      ObjectNode q = client.json.createObjectNode();
      ObjectNode bool = q.putObject("bool");
      bool.putArray("must").add(nested(part, "max"));
      bool.putArray("filter").add(termsOf(RECORD, chunk));
      Optional<JsonNode> after = Optional.empty();
      while (true) {
        ObjectNode body = rankedBody(q, PAGE);
        body.put("track_total_hits", false);
        after.ifPresent(a -> body.set("search_after", a));
        JsonNode hits =
            client
                .post(alias + "/_search?search_type=dfs_query_then_fetch", body)
                .path("hits")
                .path("hits");
        for (JsonNode hit : hits) {
          out.put(
              hit.path("fields").path(RECORD).path(0).asText(),
              (float) hit.path("_score").asDouble(0));
        }
        if (hits.size() < PAGE) {
          break;
        }
        after = Optional.of(hits.get(hits.size() - 1).path("sort"));
      }
    }
    return out;
  }

  /**
   * Per facet dimension, its most frequent values among the matching parts, each counted in records
   * ({@code reverse_nested}: a record whose several parts have the value counts once).
   */
  private ObjectNode facetAggregations(ObjectNode part) {
    ObjectNode aggs = client.json.createObjectNode();
    ObjectNode parts = aggs.putObject(PARTS);
    parts.putObject("nested").put("path", PARTS);
    ObjectNode matching = parts.putObject("aggs").putObject("matching");
    matching.set("filter", part);
    ObjectNode byDimension = matching.putObject("aggs");
    for (FacetDimension d : FacetDimension.values()) {
      ObjectNode agg = byDimension.putObject(d.key());
      ObjectNode terms = agg.putObject("terms");
      terms.put("field", p(FACET));
      terms.put("include", d.key() + ":.*");
      terms.put("size", FacetTally.FACET_VALUES_SHOWN);
      terms.put("shard_size", FACET_SHARD_SIZE);
      ArrayNode order = terms.putArray("order");
      order.addObject().put("records", "desc");
      order.addObject().put("_key", "asc");
      agg.putObject("aggs").putObject("records").putObject("reverse_nested");
    }
    return aggs;
  }

  /**
   * The facet counts in the aggregation {@link #facetAggregations} asked for, as Lucene gives them.
   */
  static Map<FacetDimension, List<SearchResults.FacetCount>> facets(JsonNode matching) {
    Map<FacetDimension, List<SearchResults.FacetCount>> out = new LinkedHashMap<>();
    for (FacetDimension d : FacetDimension.values()) {
      List<SearchResults.FacetCount> counts = new ArrayList<>();
      for (JsonNode bucket : matching.path(d.key()).path("buckets")) {
        String key = bucket.path("key").asText();
        long records = bucket.path("records").path("doc_count").asLong();
        if (records > 0) {
          counts.add(new SearchResults.FacetCount(key.substring(key.indexOf(':') + 1), records));
        }
      }
      if (!counts.isEmpty()) {
        counts.sort(
            Comparator.comparingLong((SearchResults.FacetCount c) -> -c.count())
                .thenComparing(SearchResults.FacetCount::value));
        out.put(d, List.copyOf(counts));
      }
    }
    return out;
  }

  /**
   * The matching parts of every record of the entities on the page that the viewer may see by
   * {@link MarkingPolicy}, grouped by entity: each entity's best parts and the markings of all.
   */
  private Map<String, HitGroup<Match>> matchingParts(
      List<String> page, ObjectNode part, Viewer viewer) {
    List<String> members = new ArrayList<>();
    for (String canonicalId : page) {
      members.addAll(resolver.members(canonicalId, viewer));
    }
    Map<String, HitGroup<Match>> groups = new HashMap<>();
    for (List<String> chunk : chunks(members, PAGE)) {
      ObjectNode q = client.json.createObjectNode();
      ObjectNode bool = q.putObject("bool");
      ObjectNode nested = nested(part, "max");
      innerHits(nested, List.of(SCHEMA, NAMES, TEXT, FACET));
      bool.putArray("must").add(nested);
      bool.putArray("filter").add(termsOf(RECORD, chunk));
      for (Map.Entry<String, List<Match>> e : parts(q, chunk.size(), viewer).entrySet()) {
        HitGroup<Match> group =
            groups.computeIfAbsent(
                resolver.canonicalId(e.getKey(), viewer), id -> new HitGroup<>(id, Match::score));
        for (Match m : e.getValue()) {
          group.add(m);
          m.part()
              .path(FACET)
              .forEach(
                  f -> {
                    if (f.asText().startsWith(FacetDimension.MARKING.key() + ":")) {
                      group.mark(f.asText());
                    }
                  });
        }
      }
    }
    return groups;
  }

  /** Asks the nested query to bring back its matching parts with these fields and the marking. */
  private void innerHits(ObjectNode nested, List<String> fields) {
    ObjectNode inner = ((ObjectNode) nested.path("nested")).putObject("inner_hits");
    inner.put("size", PARTS_READ);
    ArrayNode includes = inner.putObject("_source").putArray("includes");
    fields.forEach(f -> includes.add(p(f)));
    MARKING_FIELDS.forEach(f -> includes.add(p(f)));
  }

  /**
   * The records matching {@code query} (at most {@code size}) with the parts its nested query
   * brought back, each part checked again against MarkingPolicy: a part the viewer may not see is
   * dropped, and logged, for the index should never have returned it.
   */
  private Map<String, List<Match>> parts(ObjectNode query, int size, Viewer viewer) {
    ObjectNode body = client.json.createObjectNode();
    body.set("query", query);
    body.put("size", size);
    body.putObject("_source").putArray("includes").add(RECORD);
    JsonNode answer = client.post(alias + "/_search?search_type=dfs_query_then_fetch", body);
    Map<String, List<Match>> out = new LinkedHashMap<>();
    for (JsonNode hit : answer.path("hits").path("hits")) {
      String record = hit.path("_source").path(RECORD).asText();
      List<Match> matches = new ArrayList<>();
      for (JsonNode inner : hit.path("inner_hits").path(PARTS).path("hits").path("hits")) {
        JsonNode part = inner.path("_source");
        if (!visible(markingOf(part), viewer)) {
          LOG.warn(
              "the search index returned a part of {} to a viewer who may not see it",
              hit.path("_id"));
          continue;
        }
        matches.add(
            new Match(
                record + "#" + inner.path("_nested").path("offset").asInt(),
                record,
                (float) inner.path("_score").asDouble(0),
                part));
      }
      out.put(record, matches);
    }
    return out;
  }

  /** A part's marking fields, each as an array, as {@link #visible} reads them. */
  private ObjectNode markingOf(JsonNode part) {
    ObjectNode fields = client.json.createObjectNode();
    for (String f : MARKING_FIELDS) {
      JsonNode v = part.path(f);
      fields.set(f, v.isArray() ? v : client.json.createArrayNode().add(v));
    }
    return fields;
  }

  @Override
  public List<String> recordsCiting(String sourceId, Viewer viewer, int limit) {
    requireNonNull(sourceId, "sourceId");
    requireNonNull(viewer, "viewer");
    ObjectNode part = client.json.createObjectNode();
    ArrayNode filter = part.putObject("bool").putArray("filter");
    filter.add(term(p(FACET), IndexDocument.facet(FacetDimension.SOURCE, sourceId)));
    filter.add(visibleTo(viewer));
    ObjectNode nested = nested(part, "none");
    innerHits(nested, List.of());
    List<String> ids = new ArrayList<>();
    int size = (int) Math.min(PAGE, Math.max(1L, limit) + 1); // one more: the source itself
    Optional<JsonNode> after = Optional.empty();
    while (ids.size() < limit) {
      ObjectNode body = client.json.createObjectNode();
      body.set("query", nested);
      body.put("size", size);
      body.put("track_total_hits", false);
      body.putObject("_source").putArray("includes").add(RECORD);
      body.putArray("sort").addObject().putObject(RECORD).put("order", "asc");
      after.ifPresent(a -> body.set("search_after", a));
      JsonNode hits = client.post(alias + "/_search", body).path("hits").path("hits");
      for (JsonNode hit : hits) {
        String record = hit.path("_source").path(RECORD).asText();
        boolean seen = false;
        for (JsonNode inner : hit.path("inner_hits").path(PARTS).path("hits").path("hits")) {
          seen |= visible(markingOf(inner.path("_source")), viewer);
        }
        if (seen && !record.equals(sourceId) && ids.size() < limit) {
          ids.add(record);
        }
      }
      if (hits.size() < size) {
        break;
      }
      after = Optional.of(hits.get(hits.size() - 1).path("sort"));
    }
    return ids;
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

  /** One matching part: its id (record and position), record, score and stored values. */
  private record Match(String id, String record, float score, JsonNode part) {}

  /**
   * What the engine counted and ranked: its matching records, facet counts and the best records
   * that stand alone, with their scores, best first.
   */
  private record Ranked(
      Map<String, Float> records,
      long total,
      Map<FacetDimension, List<SearchResults.FacetCount>> facets) {}

  /** Whether the marking a part carries lets the viewer see it, asked of MarkingPolicy. */
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
      return false; // a part whose marking cannot be read is shown to no one
    }
  }

  /** The visible names and titles of every member of the hits on the page, by canonical id. */
  private Map<String, Captions> captions(List<String> page, Viewer viewer) {
    List<String> members = new ArrayList<>();
    for (String canonicalId : page) {
      members.addAll(resolver.members(canonicalId, viewer));
    }
    Map<String, Captions> out = new HashMap<>();
    for (List<String> chunk : chunks(members, PAGE)) {
      ObjectNode q = client.json.createObjectNode();
      ArrayNode filter = q.putObject("bool").putArray("filter");
      filter.add(termsOf(RECORD, chunk));
      ObjectNode nested = nested(visibleTo(viewer), "none");
      innerHits(nested, List.of(MAIN_NAMES, NAMES, TITLES));
      filter.add(nested);
      for (Map.Entry<String, List<Match>> e : parts(q, chunk.size(), viewer).entrySet()) {
        Captions c =
            out.computeIfAbsent(resolver.canonicalId(e.getKey(), viewer), k -> new Captions());
        for (Match m : e.getValue()) {
          m.part().path(MAIN_NAMES).forEach(v -> c.names.merge(v.asText(), 1, Integer::sum));
          m.part().path(NAMES).forEach(v -> c.otherNames.merge(v.asText(), 1, Integer::sum));
          m.part().path(TITLES).forEach(v -> c.titles.merge(v.asText(), 1, Integer::sum));
        }
      }
    }
    return out;
  }

  /**
   * What one part must match: every clause of the words (in names or other text), the viewer's
   * marking filter, the schema and the facet filters.
   */
  private ObjectNode partQuery(UserQuery parsed, SearchQuery query, Viewer viewer) {
    ObjectNode q = client.json.createObjectNode();
    ObjectNode bool = q.putObject("bool");
    ArrayNode must = bool.putArray("must");
    for (List<String> clause : parsed.clauses()) {
      must.add(clauseQuery(clause));
    }
    ArrayNode filter = bool.putArray("filter");
    filter.add(visibleTo(viewer));
    query.schema().ifPresent(s -> filter.add(term(p(SCHEMA_ISA), s.ftmName())));
    for (SearchQuery.Filter f : query.filters()) {
      filter.add(term(p(FACET), IndexDocument.facet(f.dimension(), f.value())));
    }
    return q;
  }

  /** A query on records: those with a part that matches {@code part}. */
  private ObjectNode nested(ObjectNode part, String scoreMode) {
    ObjectNode q = client.json.createObjectNode();
    ObjectNode nested = q.putObject("nested");
    nested.put("path", PARTS);
    nested.set("query", part);
    nested.put("score_mode", scoreMode);
    return q;
  }

  /** A part's field as queries name it. */
  private static String p(String field) {
    return PARTS + "." + field;
  }

  private ObjectNode clauseQuery(List<String> terms) {
    ObjectNode clause = client.json.createObjectNode();
    ArrayNode should = clause.putObject("bool").putArray("should");
    if (terms.size() == 1) {
      should
          .addObject()
          .putObject("term")
          .putObject(p(NAMES))
          .put("value", terms.get(0))
          .put("boost", NAME_BOOST);
      should.addObject().putObject("term").putObject(p(TEXT)).put("value", terms.get(0));
    } else {
      // The terms are already analysed; analysing them again gives the same terms.
      String phrase = String.join(" ", terms);
      should
          .addObject()
          .putObject("match_phrase")
          .putObject(p(NAMES))
          .put("query", phrase)
          .put("boost", NAME_BOOST);
      should.addObject().putObject("match_phrase").putObject(p(TEXT)).put("query", phrase);
    }
    return clause;
  }

  private ObjectNode term(String field, String value) {
    ObjectNode t = client.json.createObjectNode();
    t.putObject("term").put(field, value);
    return t;
  }

  private ObjectNode termsOf(String field, Collection<String> values) {
    ArrayNode array = client.json.createArrayNode();
    values.forEach(array::add);
    return termsOf(field, array);
  }

  /**
   * The parts {@code viewer} may see, as {@link MarkingFilter#forViewer} says for Lucene: (CLEAR or
   * GREEN, or AMBER owned by their organisation or a partner, or AMBER+STRICT owned by their
   * organisation, or RED naming them) and (restricted to no one, or to a set that holds their
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
    ArrayNode open = level.addObject().putObject("terms").putArray(p(TLP));
    open.add(Tlp.CLEAR.name()).add(Tlp.GREEN.name());
    ArrayNode amberOwners = client.json.createArrayNode().add(viewer.orgId());
    viewer.partnerOrgs().forEach(amberOwners::add);
    level.add(both(term(p(TLP), Tlp.AMBER.name()), termsOf(p(OWNER), amberOwners)));
    level.add(both(term(p(TLP), Tlp.AMBER_STRICT.name()), term(p(OWNER), viewer.orgId())));
    level.add(both(term(p(TLP), Tlp.RED.name()), term(p(NAMED), viewer.userId())));
    ObjectNode reachBool = filter.addObject().putObject("bool");
    reachBool.put("minimum_should_match", 1);
    ArrayNode reach = reachBool.putArray("should");
    reach.add(termBoolean(p(UNRESTRICTED), true));
    reach.add(term(p(RESTRICTED), viewer.orgId()));
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
    Map<String, Object> part = new LinkedHashMap<>();
    part.put(SCHEMA, shown);
    part.put(SCHEMA_ISA, keyword);
    part.put(NAMES, text);
    part.put(TEXT, text);
    part.put(MAIN_NAMES, shown);
    part.put(TITLES, shown);
    part.put(FACET, keyword);
    part.put(TLP, keyword);
    part.put(OWNER, keyword);
    part.put(NAMED, keyword);
    part.put(RESTRICTED, keyword);
    part.put(UNRESTRICTED, Map.of("type", "boolean"));
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(RECORD, keyword);
    properties.put(SCHEMA, shown);
    properties.put(PARTS, Map.of("type", "nested", "properties", part));
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
                PAGE,
                "max_inner_result_window",
                PARTS_READ),
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
