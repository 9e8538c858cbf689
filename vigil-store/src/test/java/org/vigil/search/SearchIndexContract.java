/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.access.MarkingPolicy;
import org.vigil.access.Role;
import org.vigil.access.Viewer;
import org.vigil.model.Entity;
import org.vigil.model.Marking;
import org.vigil.model.Schema;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;

/**
 * What every {@link SearchIndex} must do, run against each implementation (Lucene in {@link
 * LuceneSearchIndexContractTest}, OpenSearch in {@link OpenSearchSearchIndexIT}): the same hits,
 * order, totals, captions, snippets and facets, and the same marking filter.
 */
abstract class SearchIndexContract {
  private static final Viewer ORG_B = Viewer.of("u-b", "u-b", "org-b", Set.of(), Role.ANALYST);
  private static final Viewer ORG_A = Viewer.of("u-a", "u-a", "org-a", Set.of(), Role.ANALYST);
  private static final Marking GREEN = Marking.of(Tlp.GREEN, "org-a");
  private static final Marking STRICT = Marking.of(Tlp.AMBER_STRICT, "org-a");

  private static final List<String> ORGS = List.of("org-a", "org-b", "org-c");
  private static final List<Set<String>> NAMED =
      List.of(Set.of(), Set.of("u-1"), Set.of("u-1", "u-2"));
  private static final List<Set<String>> RESTRICTIONS =
      List.of(Set.of(), Set.of("org-a"), Set.of("org-b"), Set.of("org-a", "org-c"));
  private static final List<Set<String>> PARTNERS =
      List.of(Set.of(), Set.of("org-a"), Set.of("org-b", "org-c"));

  private SearchIndex index;

  /** A new, empty index of the implementation under test; the contract closes it. */
  protected abstract SearchIndex newIndex(SearchIndex.Resolver resolver);

  @BeforeEach
  void open() {
    index = newIndex(clusters());
  }

  @AfterEach
  void close() {
    index.close();
  }

  @Test
  void allWordsMustMatchAndNamesRankAboveOtherText() {
    index.update(
        List.of(
            record("p-1", Schema.PERSON, stmt("p-1", "name", "Leyla Aliyeva", GREEN)),
            record(
                "p-2",
                Schema.PERSON,
                stmt("p-2", "name", "Someone Else", GREEN),
                stmt("p-2", "notes", "met Leyla Aliyeva in Baku", GREEN)),
            record("p-3", Schema.PERSON, stmt("p-3", "name", "Leyla Mammadova", GREEN))));

    SearchResults results = search("leyla aliyeva", ORG_B);

    assertThat(results.hits())
        .extracting(SearchResults.Hit::entityId)
        .containsExactly("p-1", "p-2");
    assertThat(results.total()).isEqualTo(2);
  }

  @Test
  void quotedPhrasesMatchWordsInOrderAndDiacriticsFold() {
    index.update(
        List.of(
            record("p-1", Schema.PERSON, stmt("p-1", "name", "Jürgen Müller", GREEN)),
            record("p-2", Schema.PERSON, stmt("p-2", "name", "Muller Jurgen", GREEN))));

    assertThat(search("\"jurgen muller\"", ORG_B).hits())
        .extracting(SearchResults.Hit::entityId)
        .containsExactly("p-1");
    assertThat(search("MÜLLER", ORG_B).total()).isEqualTo(2);
  }

  @Test
  void captionsAndSnippetsComeOnlyFromVisibleStatements() {
    index.update(
        List.of(
            record(
                "p-1",
                Schema.PERSON,
                stmt("p-1", "name", "Hidden Name", STRICT),
                stmt("p-1", "alias", "Public Alias", GREEN),
                stmt("p-1", "notes", "Public notes about Hidden", GREEN))));

    SearchResults results = search("public", ORG_B);

    assertThat(results.hits()).hasSize(1);
    SearchResults.Hit hit = results.hits().get(0);
    assertThat(hit.caption()).isEqualTo("Public Alias");
    assertThat(String.join(" ", hit.snippets())).doesNotContain("Hidden Name");
    assertThat(search("name", ORG_B).total()).isZero();
  }

  @Test
  void hitsOfMergedRecordsAreGroupedUnderTheCanonicalId() {
    index.update(
        List.of(
            record("rec-a", Schema.PERSON, stmt("rec-a", "name", "Pavel Orlov", GREEN)),
            record("rec-b", Schema.PERSON, stmt("rec-b", "alias", "P. Orlov", GREEN))));

    SearchResults results = search("orlov", ORG_B);

    assertThat(results.total()).isEqualTo(1);
    assertThat(results.hits().get(0).entityId()).isEqualTo("rec-a");
    assertThat(results.hits().get(0).caption()).isEqualTo("Pavel Orlov");
  }

  /**
   * A page smaller than the matches: the total counts entities (two merged records are one), the
   * merged entity ranks by its best record though its canonical record matches worse, ties go by
   * id, and facets count every matching record once per value however many of its documents match.
   */
  @Test
  void aPageOfManyMatchesIsRankedCountedAndFacetedOverAllOfThem() {
    Marking amberOfB = Marking.of(Tlp.AMBER, "org-b");
    List<Entity> records = new ArrayList<>();
    records.add(
        record(
            "rec-a",
            Schema.PERSON,
            stmt("rec-a", "name", "Someone Else", GREEN),
            stmt("rec-a", "notes", "Farid was seen with him", GREEN)));
    records.add(record("rec-b", Schema.PERSON, stmt("rec-b", "name", "Farid", GREEN)));
    for (int i = 0; i < 25; i++) {
      String id = "p-" + i;
      List<Statement> statements = new ArrayList<>();
      statements.add(stmt(id, "name", "Farid Number" + i, GREEN));
      if (i < 5) {
        statements.add(stmt(id, "alias", "Farid Other" + i, amberOfB));
      }
      records.add(Entity.assemble(id, List.of(id), statements));
    }
    index.update(records);

    SearchResults page = index.search(new SearchQuery("farid", Optional.empty(), 5), ORG_B);

    assertThat(page.total()).isEqualTo(26);
    assertThat(page.hits())
        .extracting(SearchResults.Hit::entityId)
        .containsExactly("rec-a", "p-0", "p-1", "p-10", "p-11");
    assertThat(page.hits().get(1).markings()).containsExactly("TLP:GREEN", "TLP:AMBER");
    assertThat(page.facets().get(FacetDimension.MARKING))
        .containsExactly(
            new SearchResults.FacetCount("TLP:GREEN", 27),
            new SearchResults.FacetCount("TLP:AMBER", 5));
    assertThat(page.facets().get(FacetDimension.SOURCE))
        .containsExactly(new SearchResults.FacetCount("src-1", 27));
    assertThat(search("farid", ORG_A).total()).isEqualTo(26);
    assertThat(search("other", ORG_A).total()).isZero();
  }

  @Test
  void theSchemaFilterKeepsSubtypes() {
    index.update(
        List.of(
            record("p-1", Schema.PERSON, stmt("p-1", "name", "Atlas Trading", GREEN)),
            record(
                "c-1",
                Schema.COMPANY,
                Statement.about("c-1", Schema.COMPANY)
                    .set("name", "Atlas Trading LLC")
                    .source("src-1")
                    .marking(GREEN)
                    .build())));

    SearchResults companies =
        index.search(new SearchQuery("atlas", Optional.of(Schema.ORGANIZATION), 10), ORG_B);

    assertThat(companies.hits()).extracting(SearchResults.Hit::entityId).containsExactly("c-1");
    assertThat(companies.hits().get(0).schema()).isEqualTo(Schema.COMPANY);
  }

  @Test
  void userTextIsNeverQuerySyntax() {
    index.update(List.of(record("p-1", Schema.PERSON, stmt("p-1", "name", "AND OR NOT", GREEN))));

    assertThat(search("AND OR (", ORG_B).total()).isEqualTo(1);
    for (String hostile :
        List.of("\"><script>alert(1)</script>", "*", "name:*", "a~2 OR b^3", "\"")) {
      assertThat(search(hostile, ORG_B).hits()).isEmpty();
    }
  }

  @Test
  void facetsCountEachEntityOnceFromVisibleStatementsAndFiltersNarrowTheHits() {
    index.update(
        List.of(
            record(
                "p-1",
                Schema.PERSON,
                stmt("p-1", "name", "Qasem Soleimani", GREEN),
                stmt("p-1", "nationality", "ir", GREEN),
                stmt("p-1", "birthDate", "1957-03-11", GREEN),
                stmt("p-1", "nationality", "iq", STRICT)),
            record(
                "p-2",
                Schema.PERSON,
                stmt("p-2", "name", "Qasem Other", GREEN),
                stmt("p-2", "nationality", "ir", GREEN)),
            record("p-3", Schema.PERSON, stmt("p-3", "name", "Qasem Hidden", STRICT))));

    SearchResults outsider = search("qasem", ORG_B);

    assertThat(outsider.total()).isEqualTo(2);
    assertThat(outsider.facets().get(FacetDimension.COUNTRY))
        .containsExactly(new SearchResults.FacetCount("ir", 2));
    assertThat(outsider.facets().get(FacetDimension.YEAR))
        .containsExactly(new SearchResults.FacetCount("1957", 1));
    assertThat(outsider.facets().get(FacetDimension.MARKING))
        .containsExactly(new SearchResults.FacetCount("TLP:GREEN", 2));
    assertThat(outsider.facets().get(FacetDimension.SOURCE))
        .containsExactly(new SearchResults.FacetCount("src-1", 2));

    SearchResults bornIn1957 =
        index.search(
            new SearchQuery(
                "qasem",
                Optional.empty(),
                10,
                List.of(new SearchQuery.Filter(FacetDimension.YEAR, "1957"))),
            ORG_B);
    assertThat(bornIn1957.hits()).extracting(SearchResults.Hit::entityId).containsExactly("p-1");
    SearchResults hiddenCountry =
        index.search(
            new SearchQuery(
                "qasem",
                Optional.empty(),
                10,
                List.of(new SearchQuery.Filter(FacetDimension.COUNTRY, "iq"))),
            ORG_B);
    assertThat(hiddenCountry.total()).isZero();
  }

  @Test
  void aDocumentsTextIsFoundWithASnippetOnlyByThoseWhoMaySeeIt() {
    index.updateTexts(
        List.of(
            new SearchIndex.IndexedText(
                "doc-1",
                "MOIS overview",
                "The ministry hired the Zindashti network for attacks abroad.",
                STRICT,
                Instant.parse("2026-01-02T00:00:00Z"))));

    SearchResults owner =
        index.search(
            new SearchQuery("zindashti", Optional.empty(), 10),
            Viewer.of("u-a", "u-a", "org-a", Set.of(), Role.ANALYST));
    assertThat(owner.hits())
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.schema()).isEqualTo(Schema.DOCUMENT);
              assertThat(h.caption()).isEqualTo("MOIS overview");
              assertThat(h.snippets())
                  .contains(
                      "The ministry hired the <mark>Zindashti</mark> network for attacks abroad.");
            });
    assertThat(owner.facets().get(FacetDimension.YEAR))
        .containsExactly(new SearchResults.FacetCount("2026", 1));
    assertThat(search("zindashti", ORG_B).total()).isZero();
  }

  @Test
  void theMarkingFilterAgreesWithTheMarkingPolicyOnEveryCombination() {
    Map<String, Marking> markings = new LinkedHashMap<>();
    for (Tlp tlp : Tlp.values()) {
      for (String owner : ORGS) {
        for (Set<String> named : tlp == Tlp.RED ? NAMED : List.<Set<String>>of(Set.of())) {
          for (Set<String> restricted : RESTRICTIONS) {
            Marking marking =
                new Marking(tlp, owner, new TreeSet<>(named), new TreeSet<>(restricted));
            markings.put("rec-" + markings.size(), marking);
          }
        }
      }
    }
    List<Viewer> viewers = new ArrayList<>();
    for (String user : List.of("u-1", "u-2", "u-3")) {
      for (String org : ORGS) {
        for (Set<String> partners : PARTNERS) {
          viewers.add(Viewer.of(user, user, org, partners, Role.ANALYST));
        }
      }
    }
    viewers.add(Viewer.system());
    List<Entity> records = new ArrayList<>();
    markings.forEach(
        (id, marking) ->
            records.add(record(id, Schema.PERSON, stmt(id, "name", "Taras Kovalenko", marking))));
    index.update(records);

    int checked = 0;
    for (Viewer viewer : viewers) {
      SearchResults results =
          index.search(
              new SearchQuery("Kovalenko", Optional.empty(), SearchQuery.MAX_LIMIT), viewer);
      Set<String> found = new TreeSet<>();
      results.hits().forEach(h -> found.add(h.entityId()));
      for (Map.Entry<String, Marking> e : markings.entrySet()) {
        assertThat(found.contains(e.getKey()))
            .as("%s sees %s", viewer, e.getValue().describe())
            .isEqualTo(MarkingPolicy.canSee(viewer, e.getValue()));
        checked++;
      }
      assertThat(results.total()).isEqualTo(found.size());
    }
    assertThat(checked).isEqualTo(markings.size() * viewers.size());
  }

  @Test
  void anUpdateReplacesEverythingTheRecordHadInTheIndex() {
    index.update(List.of(record("p-1", Schema.PERSON, stmt("p-1", "name", "Olga Petrova", GREEN))));
    assertThat(search("petrova", ORG_B).total()).isEqualTo(1);

    index.update(
        List.of(record("p-1", Schema.PERSON, stmt("p-1", "name", "Olga Petrova", STRICT))));

    assertThat(search("petrova", ORG_B).total()).isZero();
    assertThat(search("petrova", ORG_A).hits())
        .singleElement()
        .satisfies(h -> assertThat(h.markings()).containsExactly("TLP:AMBER+STRICT"));
  }

  @Test
  void aRebuildReplacesTheWholeIndexAndCountsTheRecords() {
    index.update(List.of(record("p-1", Schema.PERSON, stmt("p-1", "name", "Old Record", GREEN))));

    long count =
        index.rebuild(
            sink -> {
              for (int i = 0; i < 30; i++) {
                String id = "n-" + i;
                sink.accept(record(id, Schema.PERSON, stmt(id, "name", "New Record " + i, GREEN)));
              }
            });

    assertThat(count).isEqualTo(30);
    assertThat(search("old", ORG_B).total()).isZero();
    assertThat(search("record", ORG_B).total()).isEqualTo(30);
    assertThat(search("\"new record 7\"", ORG_B).hits())
        .extracting(SearchResults.Hit::entityId)
        .containsExactly("n-7");
  }

  @Test
  void aRebuildThatFailsLeavesTheOldIndexSearchable() {
    index.update(List.of(record("p-1", Schema.PERSON, stmt("p-1", "name", "Kept Record", GREEN))));

    assertThatThrownBy(
            () ->
                index.rebuild(
                    sink -> {
                      sink.accept(
                          record("n-1", Schema.PERSON, stmt("n-1", "name", "Half Built", GREEN)));
                      throw new IllegalStateException("the statements could not be read");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(search("kept", ORG_B).total()).isEqualTo(1);
    assertThat(search("half", ORG_B).total()).isZero();
  }

  @Test
  void recordsCitingASourceAreThoseTheViewerMaySeeInIdOrder() {
    index.update(
        List.of(
            record("p-3", Schema.PERSON, stmt("p-3", "name", "Third", GREEN)),
            record("p-1", Schema.PERSON, stmt("p-1", "name", "First", GREEN)),
            record("p-2", Schema.PERSON, stmt("p-2", "name", "Hidden", STRICT))));

    assertThat(index.recordsCiting("src-1", ORG_B, 10)).containsExactly("p-1", "p-3");
    assertThat(index.recordsCiting("src-1", ORG_A, 2)).containsExactly("p-1", "p-2");
    assertThat(index.recordsCiting("src-2", ORG_A, 10)).isEmpty();
  }

  private SearchResults search(String text, Viewer viewer) {
    return index.search(new SearchQuery(text, Optional.empty(), 10), viewer);
  }

  private static Statement stmt(String id, String property, String value, Marking marking) {
    return Statement.about(id, Schema.PERSON)
        .set(property, value)
        .source("src-1")
        .marking(marking)
        .seen(Instant.parse("2026-01-01T00:00:00Z"))
        .build();
  }

  private static Entity record(String id, Schema schema, Statement... statements) {
    return Entity.assemble(id, List.of(id), List.of(statements));
  }

  /** rec-a and rec-b are one entity; everything else stands alone. */
  private static SearchIndex.Resolver clusters() {
    Set<String> ab = new TreeSet<>(Set.of("rec-a", "rec-b"));
    return new SearchIndex.Resolver() {
      @Override
      public String canonicalId(String recordId, Viewer viewer) {
        return ab.contains(recordId) ? "rec-a" : recordId;
      }

      @Override
      public Set<String> members(String recordId, Viewer viewer) {
        return ab.contains(recordId) ? ab : Set.of(recordId);
      }

      @Override
      public Set<String> clustered(Viewer viewer) {
        return ab;
      }
    };
  }
}
