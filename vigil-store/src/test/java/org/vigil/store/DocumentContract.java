/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.store.Fixtures.T0;
import static org.vigil.store.Fixtures.person;
import static org.vigil.store.Fixtures.source;
import static org.vigil.store.Fixtures.viewer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Viewer;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Marking;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.Tlp;
import org.vigil.search.FacetDimension;
import org.vigil.search.SearchQuery;
import org.vigil.search.SearchResults;

/**
 * The document store's contract, run against every database the store supports: each subclass
 * supplies a fresh, empty database per test.
 */
abstract class DocumentContract {
  private static final Viewer ANALYST_A = viewer("u-a1", "org-a");
  private static final Viewer ANALYST_B = viewer("u-b1", "org-b");

  /** Long enough to need a large text column in both databases; Persian to test the encoding. */
  private static final String TEXT =
      "گزارش وزارت اطلاعات. The network was led by Naji Ibrahim Sharifi-Zindashti.\n".repeat(2_000);

  @TempDir Path dataDir;

  private Store store;

  /** A store configuration on a fresh, empty database, with its index under {@code dataDir}. */
  protected abstract StoreConfig freshConfig(Path dataDir) throws Exception;

  private StoreConfig config;

  @BeforeEach
  void openStore() throws Exception {
    config = freshConfig(dataDir);
    store = Store.open(config);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  private static Document document(String id, String hash, Optional<String> nearCopyOf) {
    return new Document(
        id,
        id + ".html",
        "text/html",
        Optional.of("en"),
        hash,
        TEXT,
        "read",
        TEXT.length() + " chars of text/html",
        nearCopyOf,
        nearCopyOf.isPresent() ? 0.82 : 0.0,
        T0);
  }

  @Test
  void documentSourceAndStatementsRoundTripTogether() {
    Source source = source("doc-1", Marking.of(Tlp.GREEN, "org-a"));
    Document document = document("doc-1", "sha256:aa", Optional.empty());

    store
        .documents()
        .write(document, source, List.of(person("p-zindashti", "Naji Zindashti", source)));

    assertThat(store.documents().document("doc-1", ANALYST_A)).contains(document);
    assertThat(store.statements().source("doc-1", ANALYST_A)).contains(source);
    assertThat(store.statements().entity("p-zindashti", ANALYST_A)).isPresent();
    assertThat(store.documents().byContentHash("sha256:aa", ANALYST_A))
        .extracting(DocumentSummary::id)
        .containsExactly("doc-1");
    assertThat(store.documents().byContentHash("sha256:bb", ANALYST_A)).isEmpty();
    assertThat(store.documents().count()).isEqualTo(1);
  }

  @Test
  void aNearCopyNamesItsOriginalAndTheirSimilarity() {
    Source original = source("doc-1", Marking.of(Tlp.CLEAR, "org-a"));
    Source copy = source("doc-2", Marking.of(Tlp.CLEAR, "org-a"));
    store.documents().write(document("doc-1", "sha256:aa", Optional.empty()), original, List.of());

    store.documents().write(document("doc-2", "sha256:bb", Optional.of("doc-1")), copy, List.of());

    Document stored = store.documents().document("doc-2", ANALYST_B).orElseThrow();
    assertThat(stored.nearDuplicateOf()).contains("doc-1");
    assertThat(stored.similarity()).isEqualTo(0.82);
    List<String> scanned = new ArrayList<>();
    store.documents().scanTexts((id, text) -> scanned.add(id + ":" + text.length()));
    assertThat(scanned).containsExactly("doc-1:" + TEXT.length(), "doc-2:" + TEXT.length());
  }

  @Test
  void theMarkingOfItsSourceDecidesWhoSeesADocument() {
    Source amber = source("doc-1", Marking.of(Tlp.AMBER_STRICT, "org-a"));
    store.documents().write(document("doc-1", "sha256:aa", Optional.empty()), amber, List.of());

    assertThat(store.documents().document("doc-1", ANALYST_A)).isPresent();
    assertThat(store.documents().document("doc-1", ANALYST_B)).isEmpty();
    assertThat(store.documents().document("no such id!", ANALYST_A)).isEmpty();
  }

  @Test
  void aDocumentIdIsStoredOnceAndASecondWriteLeavesNothingOfItsOwn() {
    Source first = source("doc-1", Marking.of(Tlp.GREEN, "org-a"));
    store.documents().write(document("doc-1", "sha256:aa", Optional.empty()), first, List.of());

    assertThatThrownBy(
            () ->
                store
                    .documents()
                    .write(
                        document("doc-1", "sha256:bb", Optional.empty()),
                        first,
                        List.of(person("p-copy", "Copied Name", first))))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("doc-1");

    assertThat(store.documents().count()).isEqualTo(1);
    assertThat(store.statements().entity("p-copy", Viewer.system())).isEmpty();
  }

  @Test
  void twoOrganisationsStoreTheSameTextEachAsItsOwnAndSeeOnlyTheirCopy() {
    Source strictA = source("doc-a", Marking.of(Tlp.AMBER_STRICT, "org-a"));
    Source strictB = source("doc-b", Marking.of(Tlp.AMBER_STRICT, "org-b"));
    store.documents().write(document("doc-a", "sha256:aa", Optional.empty()), strictA, List.of());

    store.documents().write(document("doc-b", "sha256:aa", Optional.empty()), strictB, List.of());

    assertThat(store.documents().count()).isEqualTo(2);
    assertThat(store.documents().byContentHash("sha256:aa", ANALYST_A))
        .extracting(DocumentSummary::id)
        .containsExactly("doc-a");
    assertThat(store.documents().byContentHash("sha256:aa", ANALYST_B))
        .extracting(DocumentSummary::id)
        .containsExactly("doc-b");
  }

  @Test
  void aLinkToAnOriginalIsShownOnlyToThoseWhoMaySeeTheOriginal() {
    Source strict = source("doc-1", Marking.of(Tlp.AMBER_STRICT, "org-a"));
    Source clear = source("doc-2", Marking.of(Tlp.CLEAR, "org-a"));
    store.documents().write(document("doc-1", "sha256:aa", Optional.empty()), strict, List.of());
    store.documents().write(document("doc-2", "sha256:bb", Optional.of("doc-1")), clear, List.of());

    assertThat(store.documents().document("doc-2", ANALYST_A).orElseThrow().nearDuplicateOf())
        .contains("doc-1");
    Document seenByB = store.documents().document("doc-2", ANALYST_B).orElseThrow();
    assertThat(seenByB.nearDuplicateOf()).isEmpty();
    assertThat(seenByB.similarity()).isZero();
    assertThat(store.documents().recent(ANALYST_B, 10))
        .singleElement()
        .satisfies(d -> assertThat(d.nearDuplicateOf()).isEmpty());
    assertThat(store.documents().nearCopies("doc-1", ANALYST_B)).isEmpty();
  }

  @Test
  void aDocumentCommittedButNotIndexedBeforeACrashIsSearchableOnTheNextOpen() throws Exception {
    Source source = source("doc-1", Marking.of(Tlp.GREEN, "org-a"));
    store
        .documents()
        .write(
            document("doc-1", "sha256:aa", Optional.empty()),
            source,
            List.of(person("p-zindashti", "Naji Zindashti", source)),
            StatementRepository.IndexUpdate.DEFERRED);
    // The process dies here: its batch never reached its end, nor the index.
    store.close();

    store = Store.open(config);

    SearchQuery query = new SearchQuery("Zindashti", Optional.empty(), 5);
    assertThat(store.search().search(query, ANALYST_A).hits())
        .extracting(SearchResults.Hit::entityId)
        .contains("p-zindashti", "doc-1");
    assertThat(store.documents().unindexedEntities()).isEmpty();
  }

  @Test
  void anOfferOfTheSameBytesByAnotherOrganisationKeepsItsOwnOriginal() {
    store.originals().record(attempt("encrypted", "the document is encrypted", true));
    OriginalAttempt byB =
        new OriginalAttempt(
            FILE_HASH,
            "renamed-by-b.pdf",
            FILE.length,
            "corrupt",
            "broken",
            Marking.of(Tlp.GREEN, "org-b"),
            org.vigil.model.Reliability.F,
            Optional.empty(),
            Optional.empty(),
            T0.plusSeconds(60),
            Optional.of(() -> new java.io.ByteArrayInputStream(FILE)));

    store.originals().record(byB);

    KeptOriginal a = store.originals().find("org-a", FILE_HASH).orElseThrow();
    assertThat(a.fileName()).isEqualTo("report.pdf");
    assertThat(a.marking()).isEqualTo(Marking.of(Tlp.AMBER, "org-a"));
    assertThat(a.status()).isEqualTo("encrypted");
    assertThat(a.attempts()).isEqualTo(1);
    KeptOriginal b = store.originals().find("org-b", FILE_HASH).orElseThrow();
    assertThat(b.fileName()).isEqualTo("renamed-by-b.pdf");
    assertThat(b.marking()).isEqualTo(Marking.of(Tlp.GREEN, "org-b"));
    assertThat(store.originals().content("org-b", FILE_HASH)).isPresent();
    assertThat(store.originals().list()).hasSize(2);
  }

  @Test
  void aDeferredWriteReachesTheSearchWhenItsEntitiesAreIndexed() {
    Source source = source("doc-1", Marking.of(Tlp.GREEN, "org-a"));
    store
        .documents()
        .write(
            document("doc-1", "sha256:aa", Optional.empty()),
            source,
            List.of(person("p-zindashti", "Naji Zindashti", source)),
            StatementRepository.IndexUpdate.DEFERRED);
    SearchQuery query = new SearchQuery("Zindashti", Optional.empty(), 5);
    assertThat(store.search().search(query, ANALYST_A).total()).isZero();

    assertThat(store.documents().unindexedEntities())
        .as("the write recorded what it left out of the index, the document's own text too")
        .containsExactly("doc-1", "p-zindashti");

    store.index(store.documents().unindexedEntities());
    store.documents().markIndexed(List.of("doc-1", "p-zindashti"));

    assertThat(store.search().search(query, ANALYST_A).hits())
        .extracting(SearchResults.Hit::entityId)
        .containsExactlyInAnyOrder("p-zindashti", "doc-1");
    assertThat(store.documents().unindexedEntities()).isEmpty();
  }

  @Test
  void entitiesLeftOutOfTheIndexAreCaughtUpOnceTheirJournalRowsAreOldEnough() {
    Source source = source("doc-1", Marking.of(Tlp.GREEN, "org-a"));
    store
        .documents()
        .write(
            document("doc-1", "sha256:aa", Optional.empty()),
            source,
            List.of(person("p-zindashti", "Naji Zindashti", source)),
            StatementRepository.IndexUpdate.DEFERRED);
    SearchQuery query = new SearchQuery("Zindashti", Optional.empty(), 5);

    assertThat(store.indexLeftOut(Duration.ofHours(1)))
        .as("rows younger than the bound are left to the batch that wrote them")
        .isZero();
    assertThat(store.search().search(query, ANALYST_A).total()).isZero();
    assertThat(store.documents().unindexedEntities()).containsExactly("doc-1", "p-zindashti");

    assertThat(store.indexLeftOut(Duration.ZERO)).isEqualTo(2);

    assertThat(store.search().search(query, ANALYST_A).hits())
        .extracting(SearchResults.Hit::entityId)
        .containsExactlyInAnyOrder("p-zindashti", "doc-1");
    assertThat(store.documents().unindexedEntities()).isEmpty();
    assertThat(store.indexLeftOut(Duration.ZERO)).isZero();
  }

  @Test
  void recentDocumentsAreTheNewestTheViewerMaySee() {
    write("doc-1", Tlp.GREEN, T0);
    write("doc-2", Tlp.AMBER_STRICT, T0.plusSeconds(60));
    write("doc-3", Tlp.CLEAR, T0.plusSeconds(120));

    assertThat(store.documents().recent(ANALYST_A, 10))
        .extracting(DocumentSummary::id)
        .containsExactly("doc-3", "doc-2", "doc-1");
    assertThat(store.documents().recent(ANALYST_B, 10))
        .extracting(DocumentSummary::id)
        .containsExactly("doc-3", "doc-1");
    assertThat(store.documents().recent(ANALYST_B, 1))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.title()).isEqualTo("Report doc-3");
              assertThat(d.marking().tlp()).isEqualTo(Tlp.CLEAR);
            });
  }

  @Test
  void nearCopiesAreListedUnderTheirOriginalForThoseWhoMaySeeThem() {
    Source original = source("doc-1", Marking.of(Tlp.CLEAR, "org-a"));
    Source copy = source("doc-2", Marking.of(Tlp.CLEAR, "org-a"));
    Source strictCopy = source("doc-3", Marking.of(Tlp.AMBER_STRICT, "org-a"));
    store.documents().write(document("doc-1", "sha256:aa", Optional.empty()), original, List.of());
    store.documents().write(document("doc-2", "sha256:bb", Optional.of("doc-1")), copy, List.of());
    store
        .documents()
        .write(document("doc-3", "sha256:cc", Optional.of("doc-1")), strictCopy, List.of());

    assertThat(store.documents().nearCopies("doc-1", ANALYST_A))
        .extracting(DocumentSummary::id)
        .containsExactlyInAnyOrder("doc-2", "doc-3");
    assertThat(store.documents().nearCopies("doc-1", ANALYST_B))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.id()).isEqualTo("doc-2");
              assertThat(d.nearDuplicateOf()).contains("doc-1");
              assertThat(d.similarity()).isEqualTo(0.82);
            });
    assertThat(store.documents().nearCopies("doc-2", ANALYST_A)).isEmpty();
  }

  @Test
  void aDocumentIsFoundByItsTextAndItsEntitiesByTheSourceTheyCite() {
    Source strict = source("doc-1", Marking.of(Tlp.AMBER_STRICT, "org-a"));
    store
        .documents()
        .write(
            document("doc-1", "sha256:aa", Optional.empty()),
            strict,
            List.of(person("p-zindashti", "Naji Zindashti", strict)));
    SearchQuery query = new SearchQuery("Sharifi-Zindashti", Optional.empty(), 5);

    for (int pass = 0; pass < 2; pass++) {
      SearchResults found = store.search().search(query, ANALYST_A);
      assertThat(found.hits())
          .filteredOn(h -> h.entityId().equals("doc-1"))
          .singleElement()
          .satisfies(
              h -> {
                assertThat(h.schema()).isEqualTo(Schema.DOCUMENT);
                assertThat(h.caption()).isEqualTo("Report doc-1");
                assertThat(h.snippets()).anySatisfy(t -> assertThat(t).contains("<mark>"));
              });
      assertThat(found.facets().get(FacetDimension.SCHEMA))
          .extracting(SearchResults.FacetCount::value)
          .contains("Document");
      assertThat(store.search().recordsCiting("doc-1", ANALYST_A, 10))
          .containsExactly("p-zindashti");

      assertThat(store.search().search(query, ANALYST_B).total()).isZero();
      assertThat(store.search().recordsCiting("doc-1", ANALYST_B, 10)).isEmpty();
      store.reindex(); // the second pass: the texts survive a rebuild of the index
    }
  }

  private void write(String id, Tlp tlp, java.time.Instant createdAt) {
    Source source = source(id, Marking.of(tlp, "org-a"));
    Document d = document(id, "sha256:" + id, Optional.empty());
    store
        .documents()
        .write(
            new Document(
                d.sourceId(),
                d.fileName(),
                d.mediaType(),
                d.language(),
                d.contentHash(),
                "text of " + id,
                d.status(),
                d.reason(),
                d.nearDuplicateOf(),
                d.similarity(),
                createdAt),
            source,
            List.of());
  }

  @Test
  void aDocumentMustShareItsSourcesId() {
    Source other = source("doc-9", Marking.of(Tlp.GREEN, "org-a"));

    assertThatThrownBy(
            () ->
                store
                    .documents()
                    .write(document("doc-1", "sha256:aa", Optional.empty()), other, List.of()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("doc-9");
    assertThat(store.documents().count()).isZero();
  }

  private static final String FILE_HASH = "sha256:" + "ab".repeat(32);

  /** Bytes over a megabyte, to need a large binary column in both databases. */
  private static final byte[] FILE = new byte[1_100_000];

  static {
    new java.util.SplittableRandom(11).nextBytes(FILE);
  }

  private static OriginalAttempt attempt(String status, String reason, boolean withBytes) {
    return new OriginalAttempt(
        FILE_HASH,
        "report.pdf",
        FILE.length,
        status,
        reason,
        Marking.of(Tlp.AMBER, "org-a"),
        org.vigil.model.Reliability.B,
        Optional.of("/inbox/report.pdf"),
        Optional.empty(),
        T0,
        withBytes ? Optional.of(() -> new java.io.ByteArrayInputStream(FILE)) : Optional.empty());
  }

  @Test
  void aRejectedFileIsKeptWithItsBytesStatusAndTermsUntilARetrySettlesIt() {
    store.originals().record(attempt("encrypted", "the document is encrypted", true));
    store.originals().record(attempt("timed_out", "parsing took longer than PT1S", true));

    KeptOriginal kept = store.originals().find("org-a", FILE_HASH).orElseThrow();
    assertThat(kept.status()).isEqualTo("timed_out");
    assertThat(kept.reason()).contains("PT1S");
    assertThat(kept.attempts()).isEqualTo(2);
    assertThat(kept.sizeBytes()).isEqualTo(FILE.length);
    assertThat(kept.marking()).isEqualTo(Marking.of(Tlp.AMBER, "org-a"));
    assertThat(kept.reliability()).isEqualTo(org.vigil.model.Reliability.B);
    assertThat(kept.originPath()).contains("/inbox/report.pdf");
    assertThat(kept.firstSeen()).isEqualTo(T0);
    assertThat(kept.contentKept()).isTrue();
    assertThat(kept.isPending()).isTrue();
    assertThat(store.originals().content("org-a", FILE_HASH))
        .hasValueSatisfying(b -> assertThat(b).isEqualTo(FILE));
    assertThat(store.originals().list())
        .extracting(KeptOriginal::fileHash)
        .containsExactly(FILE_HASH);

    store
        .originals()
        .record(attempt("x", "y", false).settled(KeptOriginal.INGESTED, "stored", "doc-1"));

    KeptOriginal settled = store.originals().find("org-a", FILE_HASH).orElseThrow();
    assertThat(settled.isPending()).isFalse();
    assertThat(settled.documentId()).contains("doc-1");
    assertThat(settled.contentKept()).isFalse();
    assertThat(store.originals().content("org-a", FILE_HASH)).isEmpty();
  }

  @Test
  void aTruncatedDocumentAndItsKeptOriginalAreStoredTogetherOrNotAtAll() {
    Source first = source("doc-1", Marking.of(Tlp.GREEN, "org-a"));
    Source second = source("doc-2", Marking.of(Tlp.GREEN, "org-a"));
    store.documents().write(document("doc-1", "sha256:aa", Optional.empty()), first, List.of());

    assertThatThrownBy(
            () ->
                store
                    .documents()
                    .write(
                        document("doc-1", "sha256:bb", Optional.empty()),
                        first,
                        List.of(),
                        StatementRepository.IndexUpdate.IMMEDIATE,
                        Optional.of(attempt("truncated", "cut off", true))))
        .isInstanceOf(StoreException.class);
    assertThat(store.originals().find("org-a", FILE_HASH))
        .as("the failed write kept nothing")
        .isEmpty();

    store
        .documents()
        .write(
            document("doc-2", "sha256:bb", Optional.empty()),
            second,
            List.of(person("p-long", "Long Report Person", second)),
            StatementRepository.IndexUpdate.IMMEDIATE,
            Optional.of(attempt("truncated", "cut off", true)));

    assertThat(store.documents().byContentHash("sha256:bb", ANALYST_A))
        .extracting(DocumentSummary::id)
        .containsExactly("doc-2");
    assertThat(store.originals().find("org-a", FILE_HASH).orElseThrow().contentKept()).isTrue();
  }
}
