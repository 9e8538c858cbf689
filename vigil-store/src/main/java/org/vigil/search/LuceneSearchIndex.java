/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.search;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.vigil.access.Viewer;
import org.vigil.model.Entity;
import org.vigil.model.Schema;

/**
 * The search index in Lucene. Each record (an unmerged entity) is indexed as one document per
 * distinct marking among its statements, holding the text of the statements with that marking:
 * names (boosted at query time) apart from other text, entity references left out. The marking's
 * fields ({@link MarkingFilter}) let every query filter by what the viewer may see, so hits,
 * totals, captions and snippets come only from visible statements.
 *
 * <p>All words and phrases of a query must match (in names or text). Hits are grouped by record,
 * then by canonical id through the {@link SearchIndex.Resolver}; a hit's caption is the "name" its
 * visible statements give most often (ties: alphabetical), else likewise its title, else an alias
 * or other name, else its id.
 *
 * <p>Each {@link #update} and {@link #rebuild} is committed before it returns. Thread-safe.
 */
final class LuceneSearchIndex implements SearchIndex {
  static final String RECORD = "record";
  static final String SCHEMA = "schema";
  static final String SCHEMA_ISA = "schema_isa";
  static final String NAMES = "names";
  static final String TEXT = "text";
  static final String NAME_VALUE = "name_value";
  static final String TEXT_VALUE = "text_value";
  static final String TITLE_VALUE = "title_value";

  /** The values of the "name" property, apart from aliases and other names, for captions. */
  static final String MAIN_NAME_VALUE = "main_name_value";

  /**
   * "dimension:value" for each facet value of a document (see {@link FacetDimension}): indexed for
   * filtering and kept as doc values for counting.
   */
  static final String FACET = "facet";

  private static final float NAME_BOOST = 3.0f;
  private static final int SNIPPETS_PER_HIT = 3;

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Analyzer analyzer;
  private final SearchIndex.Resolver resolver;

  private LuceneSearchIndex(
      Directory directory,
      IndexWriter writer,
      SearcherManager searchers,
      Analyzer analyzer,
      SearchIndex.Resolver resolver) {
    this.directory = directory;
    this.writer = writer;
    this.searchers = searchers;
    this.analyzer = analyzer;
    this.resolver = resolver;
  }

  /** Opens the index in {@code directory}, creating it when empty; closing the index closes it. */
  static LuceneSearchIndex open(Directory directory, SearchIndex.Resolver resolver)
      throws IOException {
    requireNonNull(resolver, "resolver");
    Analyzer analyzer = TextAnalysis.analyzer();
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(64);
    IndexWriter writer = new IndexWriter(directory, config);
    writer.commit(); // a fresh index needs a commit before a reader can open it
    SearcherManager searchers = new SearcherManager(writer, null);
    return new LuceneSearchIndex(directory, writer, searchers, analyzer, resolver);
  }

  @Override
  public void update(Collection<Entity> records) {
    requireNonNull(records, "records");
    try {
      for (Entity record : records) {
        writer.updateDocuments(new Term(RECORD, record.id()), documents(record));
      }
      writer.commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update the search index", e);
    }
  }

  @Override
  public long rebuild(Consumer<Consumer<Entity>> source) {
    requireNonNull(source, "source");
    AtomicLong count = new AtomicLong();
    try {
      writer.deleteAll();
      source.accept(
          record -> {
            try {
              writer.addDocuments(documents(record));
              count.incrementAndGet();
            } catch (IOException e) {
              throw new UncheckedIOException("cannot add to the search index", e);
            }
          });
      writer.commit();
      searchers.maybeRefreshBlocking();
      return count.get();
    } catch (IOException | RuntimeException e) {
      try {
        writer.rollback(); // back to the last commit: the old index, not a half-built one
      } catch (IOException rollbackFailure) {
        e.addSuppressed(rollbackFailure);
      }
      if (e instanceof IOException io) {
        throw new UncheckedIOException("cannot rebuild the search index", io);
      }
      throw (RuntimeException) e;
    }
  }

  @Override
  public SearchResults search(SearchQuery query, Viewer viewer) {
    requireNonNull(query, "query");
    requireNonNull(viewer, "viewer");
    UserQuery parsed = UserQuery.parse(query.text(), analyzer);
    if (parsed.isEmpty()) {
      return new SearchResults(0, List.of());
    }
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    for (List<String> clause : parsed.clauses()) {
      builder.add(clauseQuery(clause), Occur.MUST);
    }
    Query visible = MarkingFilter.forViewer(viewer);
    builder.add(visible, Occur.FILTER);
    query
        .schema()
        .ifPresent(
            s -> builder.add(new TermQuery(new Term(SCHEMA_ISA, s.ftmName())), Occur.FILTER));
    for (SearchQuery.Filter filter : query.filters()) {
      builder.add(
          new TermQuery(new Term(FACET, facet(filter.dimension(), filter.value()))), Occur.FILTER);
    }
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return collect(searcher, builder.build(), visible, parsed.terms(), query.limit(), viewer);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search the index", e);
    }
  }

  @Override
  public void updateTexts(Collection<IndexedText> texts) {
    requireNonNull(texts, "texts");
    try {
      for (IndexedText text : texts) {
        writer.updateDocument(new Term(RECORD, text.id()), document(text));
      }
      writer.commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update the search index", e);
    }
  }

  @Override
  public List<String> recordsCiting(String sourceId, Viewer viewer, int limit) {
    requireNonNull(sourceId, "sourceId");
    requireNonNull(viewer, "viewer");
    Query query =
        new BooleanQuery.Builder()
            .add(
                new TermQuery(new Term(FACET, facet(FacetDimension.SOURCE, sourceId))),
                Occur.FILTER)
            .add(MarkingFilter.forViewer(viewer), Occur.FILTER)
            .build();
    java.util.SortedSet<String> ids = new java.util.TreeSet<>();
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        searcher.search(
            query,
            RecordCollector.manager(
                null,
                (recordId, doc, score, markings) -> {
                  if (!recordId.equals(sourceId)) {
                    ids.add(recordId);
                  }
                }));
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search the index", e);
    }
    return ids.stream().limit(Math.max(0, limit)).toList();
  }

  @Override
  public void close() {
    try {
      searchers.close();
      writer.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the search index", e);
    }
  }

  private Query clauseQuery(List<String> terms) {
    Query names;
    Query text;
    if (terms.size() == 1) {
      names = new TermQuery(new Term(NAMES, terms.get(0)));
      text = new TermQuery(new Term(TEXT, terms.get(0)));
    } else {
      names = new PhraseQuery(NAMES, terms.toArray(String[]::new));
      text = new PhraseQuery(TEXT, terms.toArray(String[]::new));
    }
    return new BooleanQuery.Builder()
        .add(new BoostQuery(names, NAME_BOOST), Occur.SHOULD)
        .add(text, Occur.SHOULD)
        .build();
  }

  private SearchResults collect(
      IndexSearcher searcher,
      Query query,
      Query visible,
      Set<String> terms,
      int limit,
      Viewer viewer)
      throws IOException {
    Map<String, HitGroup<ScoredDoc>> groups = new HashMap<>();
    FacetTally tally = new FacetTally();
    searcher.search(
        query,
        RecordCollector.manager(
            tally,
            (recordId, doc, score, markings) -> {
              HitGroup<ScoredDoc> group =
                  groups.computeIfAbsent(
                      resolver.canonicalId(recordId, viewer),
                      id -> new HitGroup<>(id, ScoredDoc::score));
              group.add(new ScoredDoc(doc, score));
              markings.forEach(group::mark);
            }));
    List<HitGroup<ScoredDoc>> page = HitGroup.page(groups.values(), limit);
    Map<String, Captions> captions = captions(searcher, visible, page, viewer);
    StoredFields stored = searcher.storedFields();
    List<SearchResults.Hit> hits = new ArrayList<>(page.size());
    for (HitGroup<ScoredDoc> group : page) {
      Document best = stored.document(group.docs.get(0).doc());
      Schema schema = Schema.expect(best.get(SCHEMA));
      Set<String> snippets = new LinkedHashSet<>();
      for (ScoredDoc sd : group.docs) {
        Document doc = sd.doc() == group.docs.get(0).doc() ? best : stored.document(sd.doc());
        for (String field : List.of(NAME_VALUE, TEXT_VALUE)) {
          for (String value : doc.getValues(field)) {
            if (snippets.size() < SNIPPETS_PER_HIT) {
              Snippets.highlight(analyzer, value, terms).ifPresent(snippets::add);
            }
          }
        }
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

  static int tlpRank(String label) {
    for (org.vigil.model.Tlp tlp : org.vigil.model.Tlp.values()) {
      if (tlp.label().equals(label)) {
        return tlp.ordinal();
      }
    }
    return Integer.MAX_VALUE;
  }

  static String facet(FacetDimension dimension, String value) {
    return IndexDocument.facet(dimension, value);
  }

  /** The visible names and titles of every member of the hits on the page, by canonical id. */
  private Map<String, Captions> captions(
      IndexSearcher searcher, Query visible, List<HitGroup<ScoredDoc>> page, Viewer viewer)
      throws IOException {
    List<BytesRef> members = new ArrayList<>();
    for (HitGroup<ScoredDoc> group : page) {
      for (String member : resolver.members(group.canonicalId, viewer)) {
        members.add(new BytesRef(member));
      }
    }
    Map<String, Captions> out = new HashMap<>();
    if (members.isEmpty()) {
      return out;
    }
    Query query =
        new BooleanQuery.Builder()
            .add(new TermInSetQuery(RECORD, members), Occur.FILTER)
            .add(visible, Occur.FILTER)
            .build();
    List<Integer> docs = new ArrayList<>();
    searcher.search(
        query, RecordCollector.manager(null, (recordId, doc, score, markings) -> docs.add(doc)));
    StoredFields stored = searcher.storedFields();
    for (int doc : docs) {
      Document d = stored.document(doc, Set.of(RECORD, MAIN_NAME_VALUE, NAME_VALUE, TITLE_VALUE));
      Captions c =
          out.computeIfAbsent(resolver.canonicalId(d.get(RECORD), viewer), k -> new Captions());
      for (String name : d.getValues(MAIN_NAME_VALUE)) {
        c.names.merge(name, 1, Integer::sum);
      }
      for (String name : d.getValues(NAME_VALUE)) {
        c.otherNames.merge(name, 1, Integer::sum);
      }
      for (String title : d.getValues(TITLE_VALUE)) {
        c.titles.merge(title, 1, Integer::sum);
      }
    }
    return out;
  }

  private static List<Document> documents(Entity record) {
    List<Document> docs = new ArrayList<>();
    for (IndexDocument d : IndexDocument.of(record)) {
      docs.add(document(d));
    }
    return docs;
  }

  private static Document document(IndexedText text) {
    return document(IndexDocument.of(text));
  }

  private static Document document(IndexDocument d) {
    Document doc = new Document();
    for (String name : d.names()) {
      doc.add(new TextField(NAMES, name, Field.Store.NO));
      doc.add(new StoredField(NAME_VALUE, name));
    }
    for (String name : d.mainNames()) {
      doc.add(new StoredField(MAIN_NAME_VALUE, name));
    }
    for (String text : d.text()) {
      doc.add(new TextField(TEXT, text, Field.Store.NO));
      doc.add(new StoredField(TEXT_VALUE, text));
    }
    for (String title : d.titles()) {
      doc.add(new StoredField(TITLE_VALUE, title));
    }
    for (String facet : d.facets()) {
      doc.add(new StringField(FACET, facet, Field.Store.NO));
      doc.add(new SortedSetDocValuesField(FACET, new BytesRef(facet)));
    }
    doc.add(new StringField(RECORD, d.record(), Field.Store.YES));
    doc.add(new SortedDocValuesField(RECORD, new BytesRef(d.record())));
    doc.add(new StoredField(SCHEMA, d.schema().ftmName()));
    for (String schema : d.schemaIsA()) {
      doc.add(new StringField(SCHEMA_ISA, schema, Field.Store.NO));
    }
    MarkingFilter.addFields(doc, d.marking());
    return doc;
  }

  /** A matching document (global doc id) and its score. */
  private record ScoredDoc(int doc, float score) {}

  /** Receives each matching document: its record id, global doc id and score. */
  @FunctionalInterface
  private interface HitSink {
    void hit(String recordId, int doc, float score, List<String> markings);
  }

  /**
   * Visits every matching document with its record id, score and (when tallying facets) the
   * "marking:..." facet values of the document, and counts the facets of each matching record.
   */
  private static final class RecordCollector extends SimpleCollector {
    private static final BytesRef MARKING_FROM = new BytesRef(FacetDimension.MARKING.key() + ":");
    private static final BytesRef MARKING_TO = new BytesRef(FacetDimension.MARKING.key() + ";");

    private final HitSink sink;
    private final FacetTally tally;
    private SortedDocValues records;
    private Scorable scorer;
    private int docBase;

    /** This segment's record ids by ordinal, decoded once each: a record has several documents. */
    private String[] idByOrd;

    private SortedSetDocValues facetValues;
    private String[] facetByOrd;
    private long[] facetCounts;
    private long markingFrom;
    private long markingTo;

    // The facet ordinals counted for the record being visited: its documents are adjacent.
    private int currentRecord = -1;
    private long[] countedForRecord = new long[16];
    private int countedSize;

    private RecordCollector(FacetTally tally, HitSink sink) {
      this.tally = tally;
      this.sink = sink;
    }

    /**
     * Collectors that all feed one sink and one tally ({@code null}: no facets). The searchers have
     * no executor, so slices are searched one after another on the calling thread and the sink
     * needs no synchronisation.
     */
    static CollectorManager<RecordCollector, Void> manager(FacetTally tally, HitSink sink) {
      return new CollectorManager<>() {
        @Override
        public RecordCollector newCollector() {
          return new RecordCollector(tally, sink);
        }

        @Override
        public Void reduce(Collection<RecordCollector> collectors) throws IOException {
          for (RecordCollector c : collectors) {
            c.flush();
          }
          return null;
        }
      };
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      flush();
      records = DocValues.getSorted(context.reader(), RECORD);
      docBase = context.docBase;
      idByOrd = new String[records.getValueCount()];
      currentRecord = -1;
      countedSize = 0;
      if (tally != null) {
        facetValues = DocValues.getSortedSet(context.reader(), FACET);
        int values = (int) Math.min(Integer.MAX_VALUE, facetValues.getValueCount());
        facetByOrd = new String[values];
        facetCounts = new long[values];
        markingFrom = insertionPoint(facetValues.lookupTerm(MARKING_FROM));
        markingTo = insertionPoint(facetValues.lookupTerm(MARKING_TO));
      }
    }

    private static long insertionPoint(long lookup) {
      return lookup >= 0 ? lookup : -lookup - 1;
    }

    /** Adds this segment's counts to the tally. */
    private void flush() throws IOException {
      if (tally == null || facetCounts == null) {
        return;
      }
      for (int ord = 0; ord < facetCounts.length; ord++) {
        if (facetCounts[ord] > 0) {
          tally.add(facet(ord), facetCounts[ord]);
        }
      }
      facetCounts = null;
    }

    private String facet(int ord) throws IOException {
      String value = facetByOrd[ord];
      if (value == null) {
        value = facetValues.lookupOrd(ord).utf8ToString();
        facetByOrd[ord] = value;
      }
      return value;
    }

    @Override
    public void setScorer(Scorable scorer) {
      this.scorer = scorer;
    }

    @Override
    public void collect(int doc) throws IOException {
      if (records.advanceExact(doc)) {
        int ord = records.ordValue();
        String id = idByOrd[ord];
        if (id == null) {
          id = records.lookupOrd(ord).utf8ToString();
          idByOrd[ord] = id;
        }
        sink.hit(id, docBase + doc, scorer.score(), tally == null ? List.of() : facets(ord, doc));
      }
    }

    /** Counts the document's facets not yet counted for its record; returns its markings. */
    private List<String> facets(int recordOrd, int doc) throws IOException {
      if (!facetValues.advanceExact(doc)) {
        return List.of();
      }
      if (recordOrd != currentRecord) {
        currentRecord = recordOrd;
        countedSize = 0;
      }
      List<String> markings = List.of();
      for (int i = 0; i < facetValues.docValueCount(); i++) {
        long ord = facetValues.nextOrd();
        if (ord >= markingFrom && ord < markingTo) {
          markings = List.of(facet((int) ord));
        }
        if (!countedForRecord(ord)) {
          facetCounts[(int) ord]++;
        }
      }
      return markings;
    }

    /** Whether {@code ord} was counted for the current record already; remembers it if not. */
    private boolean countedForRecord(long ord) {
      for (int i = 0; i < countedSize; i++) {
        if (countedForRecord[i] == ord) {
          return true;
        }
      }
      if (countedSize == countedForRecord.length) {
        countedForRecord = Arrays.copyOf(countedForRecord, countedSize * 2);
      }
      countedForRecord[countedSize++] = ord;
      return false;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE;
    }
  }
}
