/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.store.Fixtures.T0;
import static org.vigil.store.Fixtures.T1;
import static org.vigil.store.Fixtures.fact;
import static org.vigil.store.Fixtures.green;
import static org.vigil.store.Fixtures.person;
import static org.vigil.store.Fixtures.source;
import static org.vigil.store.Fixtures.viewer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Organization;
import org.vigil.access.Role;
import org.vigil.access.User;
import org.vigil.access.Viewer;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditEvent;
import org.vigil.audit.AuditRecord;
import org.vigil.audit.ChainVerification;
import org.vigil.model.Credibility;
import org.vigil.model.Entity;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Marking;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.Tlp;
import org.vigil.resolve.Judgement;
import org.vigil.resolve.Verdict;
import org.vigil.search.SearchQuery;
import org.vigil.search.SearchResults;

/**
 * The store's contract, run against every database it supports: each subclass supplies a fresh,
 * empty database per test.
 */
abstract class StoreContract {
  private static final Viewer SYSTEM = Viewer.system();
  private static final Viewer ANALYST_A = viewer("u-a1", "org-a");
  private static final org.vigil.resolve.Audience AUDIENCE_A =
      org.vigil.resolve.Audience.of("org-a", java.util.Set.of("u-a1", "u-a2"));
  private static final Viewer ANALYST_B = viewer("u-b1", "org-b");
  private static final Viewer PARTNER_C = viewer("u-c1", "org-c", "org-a");

  @TempDir Path dataDir;

  private StoreConfig config;
  private Store store;

  /** A store configuration on a fresh, empty database, with its index under {@code dataDir}. */
  protected abstract StoreConfig freshConfig(Path dataDir) throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    config = freshConfig(dataDir);
    store = Store.open(config);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void anotherOrganisationCannotTakeOverReMarkOrRetitleASource() {
    Source report = source("src-owned", Marking.of(Tlp.AMBER_STRICT, "org-a"));
    store.statements().write(report, List.of(person("p-owned", "Owned Name", report)));
    Source takeover =
        new Source(
            "src-owned",
            report.kind(),
            "Forged title",
            org.vigil.model.Reliability.F,
            Marking.of(Tlp.CLEAR, "org-b"),
            Optional.empty(),
            Optional.empty(),
            T1);

    assertThatThrownBy(
            () ->
                store
                    .statements()
                    .write(takeover, List.of(fact("p-owned", "alias", "Planted", takeover))))
        .isInstanceOfSatisfying(
            SourceConflictException.class,
            e -> assertThat(e.kind()).isEqualTo(SourceConflictException.Kind.OWNED_ELSEWHERE));

    assertThat(store.statements().source("src-owned", ANALYST_A)).contains(report);
    assertThat(store.statements().source("src-owned", ANALYST_B)).isEmpty();
    assertThat(store.statements().entity("p-owned", SYSTEM).orElseThrow().statements())
        .extracting(org.vigil.model.Statement::value)
        .containsExactly("Owned Name");
  }

  @Test
  void writeCountsTellAWriterOnlyOfStatementsTheyMaySee() {
    Source report = source("src-counted", Marking.of(Tlp.GREEN, "org-a"));
    org.vigil.model.Statement red =
        org.vigil.model.Statement.about("p-red", Schema.PERSON)
            .set("name", "Red Only Name")
            .marking(Marking.red("org-a", Set.of("u-a1")))
            .from(report)
            .seen(T0)
            .build();
    store.statements().write(report, List.of(red));

    assertThat(store.statements().write(report, List.of(red), viewer("u-a2", "org-a")))
        .as("a colleague not named on the RED statement")
        .isEqualTo(new StatementRepository.WriteSummary("src-counted", 1, 0));
    assertThat(store.statements().write(report, List.of(red), ANALYST_A))
        .isEqualTo(new StatementRepository.WriteSummary("src-counted", 0, 1));
  }

  @Test
  void aWriteNeverChangesTheMarkingOfAStoredSourceButItsOwnerMayRetitleIt() {
    Source report = source("src-fixed", Marking.of(Tlp.GREEN, "org-a"));
    store.statements().write(report, List.of(person("p-fixed", "Fixed Name", report)));
    Source clear =
        new Source(
            "src-fixed",
            report.kind(),
            report.title(),
            report.reliability(),
            Marking.of(Tlp.CLEAR, "org-a"),
            Optional.empty(),
            Optional.empty(),
            T1);

    assertThatThrownBy(
            () ->
                store.statements().write(clear, List.of(fact("p-fixed", "alias", "Other", clear))))
        .isInstanceOfSatisfying(
            SourceConflictException.class,
            e -> assertThat(e.kind()).isEqualTo(SourceConflictException.Kind.MARKING_FIXED));
    assertThat(store.statements().source("src-fixed", SYSTEM).orElseThrow().marking())
        .isEqualTo(Marking.of(Tlp.GREEN, "org-a"));

    Source retitled =
        new Source(
            "src-fixed",
            report.kind(),
            "Corrected title",
            org.vigil.model.Reliability.A,
            report.marking(),
            Optional.empty(),
            Optional.empty(),
            T1);
    store.statements().write(retitled, List.of(fact("p-fixed", "alias", "Other", retitled)));
    Source stored = store.statements().source("src-fixed", SYSTEM).orElseThrow();
    assertThat(stored.title()).isEqualTo("Corrected title");
    assertThat(stored.reliability()).isEqualTo(org.vigil.model.Reliability.A);
    assertThat(stored.uri()).as("kept when a write names none").isEqualTo(report.uri());
  }

  @Test
  void sourceAndStatementsRoundTripWithTheirProvenance() {
    Source report = source("src-1", Marking.of(Tlp.AMBER, "org-a"));
    Marking strict = Marking.of(Tlp.AMBER_STRICT, "org-a").restrictedTo(Set.of("org-a", "org-c"));
    org.vigil.model.Statement name =
        org.vigil.model.Statement.about("p-ivan", Schema.PERSON)
            .set("name", "Ivan Petrov")
            .from(report)
            .span(120, 131)
            .extractor("corenlp-ner", 0.87)
            .credibility(Credibility.PROBABLY_TRUE)
            .seen(T0)
            .build();
    org.vigil.model.Statement birth =
        org.vigil.model.Statement.about("p-ivan", Schema.PERSON)
            .set("birthDate", "1971-05")
            .marking(strict)
            .from(report)
            .seen(T1)
            .build();

    StatementRepository.WriteSummary summary =
        store.statements().write(report, List.of(name, birth));

    assertThat(summary).isEqualTo(new StatementRepository.WriteSummary("src-1", 2, 0));
    assertThat(store.statements().source("src-1", SYSTEM)).contains(report);
    Entity ivan = store.statements().entity("p-ivan", SYSTEM).orElseThrow();
    assertThat(ivan.id()).isEqualTo("p-ivan");
    assertThat(ivan.schema()).isEqualTo(Schema.PERSON);
    assertThat(ivan.statements()).containsExactlyInAnyOrder(name, birth);
    org.vigil.model.Statement stored =
        ivan.statements().stream().filter(s -> s.property().equals("name")).findFirst().get();
    assertThat(stored.span()).contains(new org.vigil.model.Span(120, 131));
    assertThat(stored.extractor()).isEqualTo("corenlp-ner");
    assertThat(stored.confidence()).isEqualTo(0.87);
    assertThat(stored.credibility()).contains(Credibility.PROBABLY_TRUE);
    assertThat(stored.marking()).isEqualTo(Marking.of(Tlp.AMBER, "org-a"));
    assertThat(stored.firstSeen()).isEqualTo(T0);
    assertThat(stored.lastSeen()).isEqualTo(T0);
    assertThat(store.statements().count()).isEqualTo(2);
  }

  @Test
  void entitiesReadTogetherAreTheEntitiesReadOneByOne() {
    Source green = green("src-1");
    Source strict = source("src-2", Marking.of(Tlp.AMBER_STRICT, "org-a"));
    store
        .statements()
        .write(
            green,
            List.of(person("p-1", "Olga Ivanova", green), person("p-2", "Lena Vogel", green)));
    store.statements().write(strict, List.of(person("p-3", "Hidden Person", strict)));

    List<String> ids = List.of("p-2", "p-3", "p-1", "no-such-id", "not an id!");
    for (Viewer viewer : List.of(ANALYST_A, ANALYST_B)) {
      java.util.Map<String, org.vigil.model.Entity> together =
          store.statements().entities(ids, viewer);
      java.util.Map<String, org.vigil.model.Entity> oneByOne = new java.util.LinkedHashMap<>();
      for (String id : ids) {
        store.statements().entity(id, viewer).ifPresent(e -> oneByOne.put(id, e));
      }
      assertThat(together).isEqualTo(oneByOne);
      assertThat(List.copyOf(together.keySet())).isEqualTo(List.copyOf(oneByOne.keySet()));
    }
    assertThat(store.statements().entities(ids, ANALYST_B)).containsOnlyKeys("p-2", "p-1");
  }

  @Test
  void writingAStatementAgainMovesItsLastSeenInsteadOfDuplicatingIt() {
    Source report = green("src-1");
    org.vigil.model.Statement first = person("p-1", "Olga Ivanova", report);
    store.statements().write(report, List.of(first));

    StatementRepository.WriteSummary again =
        store
            .statements()
            .write(
                report, List.of(first.seenAgain(T1), fact("p-1", "alias", "O. Ivanova", report)));

    assertThat(again.inserted()).isEqualTo(1);
    assertThat(again.updated()).isEqualTo(1);
    assertThat(store.statements().count()).isEqualTo(2);
    org.vigil.model.Statement stored =
        store.statements().entity("p-1", SYSTEM).orElseThrow().statements().stream()
            .filter(s -> s.id().equals(first.id()))
            .findFirst()
            .orElseThrow();
    assertThat(stored.firstSeen()).isEqualTo(T0);
    assertThat(stored.lastSeen()).isEqualTo(T1);
  }

  @Test
  void aBadBatchWritesNothingAndNamesEveryProblem() {
    Source report = green("src-1");
    Source other = green("src-2");
    org.vigil.model.Statement ownerOnly =
        org.vigil.model.Statement.about("own-1", Schema.OWNERSHIP)
            .set("owner", "c-1")
            .from(report)
            .build();
    List<org.vigil.model.Statement> batch =
        List.of(
            person("p-1", "Karim Nassar", report), ownerOnly, person("p-2", "Lena Vogel", other));

    assertThatThrownBy(() -> store.statements().write(report, batch))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("own-1")
        .hasMessageContaining("asset")
        .hasMessageContaining("src-2");
    assertThat(store.statements().count()).isZero();
    assertThat(store.statements().source("src-1", SYSTEM)).isEmpty();
  }

  @Test
  void aFailureInTheMiddleOfABatchLeavesNothingOfTheSource() throws SQLException {
    try (Connection c = rawConnection();
        Statement sql = c.createStatement()) {
      sql.execute("ALTER TABLE statements ADD CONSTRAINT no_poison CHECK (value_text <> 'poison')");
    }
    Source report = green("src-1");
    List<org.vigil.model.Statement> batch = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      batch.add(person("p-" + i, i == 2_500 ? "poison" : "Person " + i, report));
    }

    assertThatThrownBy(() -> store.statements().write(report, batch))
        .isInstanceOf(StoreException.class);

    assertThat(store.statements().count()).isZero();
    assertThat(store.statements().source("src-1", SYSTEM)).isEmpty();
    assertThat(store.search().search(query("Person"), SYSTEM).total()).isZero();
    // The store is still usable afterwards.
    store.statements().write(report, batch.subList(0, 10));
    assertThat(store.statements().count()).isEqualTo(10);
  }

  @Test
  void amberStrictStaysInsideTheOwningOrganisation() {
    Source open = green("src-open");
    Source strict = source("src-strict", Marking.of(Tlp.AMBER_STRICT, "org-a"));
    store.statements().write(open, List.of(person("p-target", "Omar Haddad", open)));
    store
        .statements()
        .write(
            strict,
            concat(
                associate("assoc-1", "p-secret", "p-target", strict),
                person("p-secret", "Viktor Sokolov", strict)));

    for (Viewer outsider : List.of(ANALYST_B, PARTNER_C)) {
      assertThat(store.statements().entity("p-secret", outsider)).isEmpty();
      assertThat(store.statements().referencing("p-target", outsider, 10)).isEmpty();
      assertThat(store.search().search(query("Sokolov"), outsider).hits()).isEmpty();
      assertThat(store.statements().source("src-strict", outsider)).isEmpty();
    }
    assertThat(store.statements().entity("p-secret", ANALYST_A)).isPresent();
    assertThat(store.statements().referencing("p-target", ANALYST_A, 10))
        .extracting(Entity::id)
        .containsExactly("assoc-1");
    assertThat(store.search().search(query("Sokolov"), ANALYST_A).hits())
        .extracting(SearchResults.Hit::entityId)
        .containsExactly("p-secret");
  }

  @Test
  void aPartnerSeesAmberButNotAmberStrict() {
    Source amber = source("src-amber", Marking.of(Tlp.AMBER, "org-a"));
    Source strict = source("src-strict", Marking.of(Tlp.AMBER_STRICT, "org-a"));
    store.statements().write(amber, List.of(person("p-1", "Farid Karimi", amber)));
    store.statements().write(strict, List.of(fact("p-1", "alias", "The Courier", strict)));

    Entity seenByPartner = store.statements().entity("p-1", PARTNER_C).orElseThrow();
    assertThat(seenByPartner.values("name")).containsExactly("Farid Karimi");
    assertThat(seenByPartner.values("alias")).isEmpty();
    assertThat(store.statements().entity("p-1", ANALYST_A).orElseThrow().values("alias"))
        .containsExactly("The Courier");
    assertThat(store.statements().entity("p-1", ANALYST_B)).isEmpty();
    assertThat(store.search().search(query("Karimi"), PARTNER_C).total()).isEqualTo(1);
    assertThat(store.search().search(query("Courier"), PARTNER_C).total()).isZero();
    assertThat(store.search().search(query("Karimi"), ANALYST_B).total()).isZero();
  }

  @Test
  void everyoneSeesGreenOnlyNamedUsersSeeRedAndRestrictionsApplyOnTop() {
    Source green = green("src-green");
    Source red = source("src-red", Marking.red("org-a", Set.of("u-b1")));
    Source restricted =
        source(
            "src-restricted",
            Marking.of(Tlp.GREEN, "org-a").restrictedTo(Set.of("org-a", "org-c")));
    store.statements().write(green, List.of(person("p-green", "Greta Lind", green)));
    store.statements().write(red, List.of(person("p-red", "Rustam Aliyev", red)));
    store
        .statements()
        .write(restricted, List.of(person("p-restricted", "Rita Moreno", restricted)));

    for (Viewer anyone : List.of(ANALYST_A, ANALYST_B, PARTNER_C)) {
      assertThat(store.statements().entity("p-green", anyone)).isPresent();
      assertThat(store.search().search(query("Greta"), anyone).total()).isEqualTo(1);
    }
    assertThat(store.statements().entity("p-red", ANALYST_B)).isPresent();
    assertThat(store.statements().entity("p-red", ANALYST_A)).isEmpty();
    assertThat(store.statements().entity("p-red", viewer("u-b2", "org-b"))).isEmpty();
    assertThat(store.search().search(query("Rustam"), ANALYST_B).total()).isEqualTo(1);
    assertThat(store.search().search(query("Rustam"), ANALYST_A).total()).isZero();
    assertThat(store.statements().entity("p-restricted", PARTNER_C)).isPresent();
    assertThat(store.statements().entity("p-restricted", ANALYST_B)).isEmpty();
    assertThat(store.search().search(query("Moreno"), ANALYST_B).total()).isZero();
    assertThat(store.search().search(query("Moreno"), PARTNER_C).total()).isEqualTo(1);
  }

  @Test
  void reviewQueueIsReplacedByEachRunAndRankedByImpact() {
    org.vigil.resolve.PairScore low =
        new org.vigil.resolve.PairScore(
            "r-a",
            "r-b",
            0.8,
            List.of("name: A ~ B"),
            List.of(),
            org.vigil.resolve.Decision.REVIEW);
    org.vigil.resolve.PairScore high =
        new org.vigil.resolve.PairScore(
            "r-c",
            "r-d",
            0.75,
            List.of("alias: X = X"),
            List.of("nationality: ir vs af"),
            org.vigil.resolve.Decision.REVIEW);
    store
        .resolution()
        .replaceReviewQueue(
            java.util.Map.of(
                AUDIENCE_A,
                List.of(
                    new org.vigil.resolve.ReviewItem(low, 1.5),
                    new org.vigil.resolve.ReviewItem(high, 12.0))),
            java.time.Instant.parse("2026-01-01T00:00:00Z"));

    List<org.vigil.resolve.ReviewItem> queue = store.resolution().reviewQueue(ANALYST_A, 10);
    assertThat(queue).extracting(r -> r.pair().left()).containsExactly("r-c", "r-a");
    assertThat(queue.get(0).pair().reasons())
        .containsExactly("alias: X = X", "conflict: nationality: ir vs af");
    assertThat(store.resolution().reviewCount(ANALYST_A)).isEqualTo(2);
    assertThat(store.resolution().reviewQueue(ANALYST_B, 10)).isEmpty();
    assertThat(store.resolution().reviewCount(ANALYST_B)).isZero();
    assertThat(store.resolution().reviewCount(SYSTEM)).isEqualTo(2);

    store.resolution().replaceReviewQueue(java.util.Map.of(), java.time.Instant.now());
    assertThat(store.resolution().reviewCount(ANALYST_A)).isZero();
  }

  @Test
  void aPossibleMatchFoundAgainIsNoNewAlert() {
    org.vigil.resolve.PossibleMatch match =
        new org.vigil.resolve.PossibleMatch(
            0,
            "x-person-1",
            "ofac-sdn-39017",
            "ofac-sdn",
            "KHATIB, Esmail",
            List.of("IFSR", "CYBER2"),
            0.91,
            List.of("aligned: khatib~khatib (exact)", "birth date agrees (1961)"),
            java.time.Instant.parse("2026-01-01T00:00:00Z"),
            false);

    List<org.vigil.resolve.PossibleMatch> first =
        store.resolution().recordMatches(AUDIENCE_A, List.of(match));
    List<org.vigil.resolve.PossibleMatch> again =
        store.resolution().recordMatches(AUDIENCE_A, List.of(match));

    assertThat(first).hasSize(1);
    assertThat(first.get(0).id()).isPositive();
    assertThat(again).isEmpty();
    assertThat(store.resolution().alerts(ANALYST_A, 10)).containsExactly(first.get(0));
    assertThat(store.resolution().matchesOf("x-person-1", ANALYST_A).get(0).programmes())
        .containsExactly("IFSR", "CYBER2");
    assertThat(store.resolution().alertCount(ANALYST_A)).isEqualTo(1);
  }

  @Test
  void theMatchesOnOneListEntryAreFoundByItsIdBestFirstForTheirAudienceOnly() {
    java.time.Instant found = java.time.Instant.parse("2026-01-01T00:00:00Z");
    List<org.vigil.resolve.PossibleMatch> matches =
        List.of(
            new org.vigil.resolve.PossibleMatch(
                0,
                "x-person-1",
                "ofac-sdn-39017",
                "ofac-sdn",
                "KHATIB, Esmail",
                List.of("IFSR"),
                0.82,
                List.of("\"Ismail Khatib\" matched"),
                found,
                false),
            new org.vigil.resolve.PossibleMatch(
                0,
                "x-person-2",
                "ofac-sdn-39017",
                "ofac-sdn",
                "KHATIB, Esmail",
                List.of("IFSR"),
                0.93,
                List.of("\"Esmail Khatib\" matched"),
                found,
                false),
            new org.vigil.resolve.PossibleMatch(
                0,
                "x-person-1",
                "un-iri-001",
                "un-sc",
                "KHATIB, Ismail",
                List.of("IRAN"),
                0.80,
                List.of("\"Ismail Khatib\" matched"),
                found,
                false));
    store.resolution().recordMatches(AUDIENCE_A, matches);

    assertThat(store.resolution().matchesOnEntry("ofac-sdn-39017", ANALYST_A))
        .extracting(org.vigil.resolve.PossibleMatch::entityId)
        .containsExactly("x-person-2", "x-person-1");
    assertThat(store.resolution().matchesOnEntry("un-iri-001", ANALYST_A))
        .extracting(org.vigil.resolve.PossibleMatch::entityId)
        .containsExactly("x-person-1");
    assertThat(store.resolution().matchesOnEntry("ofac-sdn-39017", ANALYST_B)).isEmpty();
    assertThat(store.resolution().matchesOnEntry("ofac-sdn-00000", ANALYST_A)).isEmpty();
  }

  @Test
  void aPossibleMatchReachesOnlyTheAudienceItWasFoundFor() {
    org.vigil.resolve.PossibleMatch match =
        new org.vigil.resolve.PossibleMatch(
            0,
            "x-person-1",
            "ofac-sdn-39017",
            "ofac-sdn",
            "KHATIB, Esmail",
            List.of("IFSR"),
            0.91,
            List.of("\"Esmail Khatib\" matched"),
            java.time.Instant.parse("2026-01-01T00:00:00Z"),
            false);
    store.resolution().recordMatches(AUDIENCE_A, List.of(match));

    assertThat(store.resolution().alerts(ANALYST_B, 10)).isEmpty();
    assertThat(store.resolution().alertCount(ANALYST_B)).isZero();
    assertThat(store.resolution().matchesOf("x-person-1", ANALYST_B)).isEmpty();
    assertThat(store.resolution().alerts(PARTNER_C, 10)).isEmpty();
    assertThat(store.resolution().alerts(SYSTEM, 10)).hasSize(1);

    List<org.vigil.resolve.PossibleMatch> forB =
        store
            .resolution()
            .recordMatches(
                org.vigil.resolve.Audience.of("org-b", java.util.Set.of("u-b1")), List.of(match));
    assertThat(forB)
        .as("found again for another audience, it is that audience's new alert")
        .hasSize(1);
    assertThat(store.resolution().alerts(ANALYST_B, 10)).containsExactly(forB.get(0));
    assertThat(store.resolution().alertCount(ANALYST_A)).isEqualTo(1);
  }

  @Test
  void aMatchWhoseEntryLeftItsListIsRaisedAgainAsDelistedAndReviewedOnlyByItsReaders() {
    org.vigil.resolve.PossibleMatch match =
        new org.vigil.resolve.PossibleMatch(
            0,
            "x-person-1",
            "ofac-sdn-39017",
            "ofac-sdn",
            "KHATIB, Esmail",
            List.of("IFSR"),
            0.91,
            List.of("\"Esmail Khatib\" matched"),
            java.time.Instant.parse("2026-01-01T00:00:00Z"),
            false);
    org.vigil.resolve.PossibleMatch stored =
        store.resolution().recordMatches(AUDIENCE_A, List.of(match)).get(0);
    assertThat(stored.listEntryId()).isEqualTo("39017");
    java.time.Instant later = java.time.Instant.parse("2026-02-01T00:00:00Z");

    assertThat(
            store
                .resolution()
                .delistMissing(
                    AUDIENCE_A,
                    java.util.Set.of("ofac-sdn"),
                    java.util.Set.of("ofac-sdn-39017"),
                    later))
        .as("still listed")
        .isEmpty();
    assertThat(
            store
                .resolution()
                .delistMissing(AUDIENCE_A, java.util.Set.of("un"), java.util.Set.of(), later))
        .as("another dataset changed")
        .isEmpty();
    List<org.vigil.resolve.PossibleMatch> delisted =
        store
            .resolution()
            .delistMissing(AUDIENCE_A, java.util.Set.of("ofac-sdn"), java.util.Set.of(), later);
    assertThat(delisted)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.id()).isEqualTo(stored.id());
              assertThat(m.change()).isEqualTo(org.vigil.resolve.PossibleMatch.Change.DELISTED);
              assertThat(m.foundAt()).isEqualTo(later);
            });
    assertThat(
            store
                .resolution()
                .delistMissing(AUDIENCE_A, java.util.Set.of("ofac-sdn"), java.util.Set.of(), later))
        .as("raised once")
        .isEmpty();

    assertThat(store.resolution().review(stored.id(), ANALYST_B, "bob", later)).isEmpty();
    assertThat(store.resolution().alert(stored.id(), ANALYST_B)).isEmpty();
    assertThat(store.resolution().alert(stored.id(), ANALYST_A).orElseThrow().reviewed()).isFalse();
    org.vigil.resolve.PossibleMatch reviewed =
        store.resolution().review(stored.id(), ANALYST_A, "alice", later).orElseThrow();
    assertThat(reviewed.review())
        .contains(new org.vigil.resolve.PossibleMatch.Review("alice", later));

    List<org.vigil.resolve.PossibleMatch> relisted =
        store
            .resolution()
            .recordMatches(
                AUDIENCE_A,
                List.of(
                    new org.vigil.resolve.PossibleMatch(
                        0,
                        "x-person-1",
                        "ofac-sdn-39017",
                        "ofac-sdn",
                        "KHATIB, Esmail",
                        List.of("IFSR"),
                        0.92,
                        List.of("listed again"),
                        java.time.Instant.parse("2026-03-01T00:00:00Z"),
                        false)));
    assertThat(relisted)
        .as("listed again: a new designation, new and unreviewed")
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.change()).isEqualTo(org.vigil.resolve.PossibleMatch.Change.LISTED);
              assertThat(m.reviewed()).isFalse();
            });
  }

  @Test
  void aFailedListUpdateIsAnAlertThatCanBeReviewedOnce() {
    java.time.Instant at = java.time.Instant.parse("2026-02-01T00:00:00Z");
    ListAlert raised =
        store.resolution().raiseListFailure("ofac-sdn", "ofac-sdn: download failed: timeout", at);
    assertThat(raised.id()).isPositive();
    assertThat(store.resolution().listAlerts(10)).containsExactly(raised);
    ListAlert reviewed =
        store.resolution().reviewListAlert(raised.id(), "alice", at.plusSeconds(60)).orElseThrow();
    assertThat(reviewed.review().orElseThrow().by()).isEqualTo("alice");
    assertThat(
            store
                .resolution()
                .reviewListAlert(raised.id(), "bob", at.plusSeconds(120))
                .orElseThrow()
                .review()
                .orElseThrow()
                .by())
        .as("the first review stands")
        .isEqualTo("alice");
    assertThat(store.resolution().reviewListAlert(raised.id() + 1000, "bob", at)).isEmpty();
  }

  @Test
  void retiredSourcesTakeTheirStatementsAndNothingElse() {
    Source old = green("src-old");
    Source kept = green("src-kept");
    store.statements().write(old, List.of(person("p-1", "Olga Ivanova", old)));
    store.statements().write(kept, List.of(person("p-2", "Lena Vogel", kept)));

    assertThat(store.statements().retireSources(List.of("src-old"))).isEqualTo(1);

    assertThat(store.statements().entity("p-1", SYSTEM)).isEmpty();
    assertThat(store.statements().entity("p-2", SYSTEM)).isPresent();
    assertThat(store.statements().retireSources(List.of())).isZero();
  }

  @Test
  void aSameJudgementMergesAndUndoSplitsAgain() {
    Source one = green("src-1");
    Source two = green("src-2");
    store.statements().write(one, List.of(person("rec-b", "Anna Schmidt", one)));
    store
        .statements()
        .write(
            two,
            List.of(
                fact("rec-a", "alias", "Anja Schmidt", two), person("rec-a", "Anna Schmidt", two)));

    Judgement same =
        store.judgements().judge(ANALYST_A, "rec-b", "rec-a", Verdict.SAME, "same passport");

    for (String id : List.of("rec-a", "rec-b")) {
      Entity merged = store.statements().entity(id, ANALYST_A).orElseThrow();
      assertThat(merged.id()).isEqualTo("rec-a");
      assertThat(merged.memberIds()).containsExactlyInAnyOrder("rec-a", "rec-b");
      assertThat(merged.statements()).hasSize(3);
    }
    assertThat(store.judgements().canonicalId("rec-b", ANALYST_A)).isEqualTo("rec-a");
    assertThat(store.judgements().members("rec-b", ANALYST_A)).containsExactly("rec-a", "rec-b");
    SearchResults merged = store.search().search(query("Schmidt"), ANALYST_A);
    assertThat(merged.hits()).extracting(SearchResults.Hit::entityId).containsExactly("rec-a");
    assertThat(merged.hits().get(0).caption()).isEqualTo("Anna Schmidt");

    Judgement undone = store.judgements().undo(same.id(), ANALYST_A);

    assertThat(undone.undoneBy()).contains("u-a1");
    assertThat(store.statements().entity("rec-b", ANALYST_A).orElseThrow().id()).isEqualTo("rec-b");
    assertThat(store.statements().entity("rec-b", ANALYST_A).orElseThrow().statements()).hasSize(1);
    assertThat(store.statements().entity("rec-a", ANALYST_A).orElseThrow().statements()).hasSize(2);
    assertThat(store.search().search(query("Schmidt"), ANALYST_A).total()).isEqualTo(2);
    assertThat(store.judgements().history("rec-a", ANALYST_A)).containsExactly(undone);
    assertThatThrownBy(() -> store.judgements().undo(same.id(), ANALYST_A))
        .isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void aLaterContradictingJudgementWinsAndBothStayInTheHistory() {
    Source one = green("src-1");
    store
        .statements()
        .write(
            one,
            List.of(
                person("rec-1", "Hamid Rezaei", one),
                person("rec-2", "Hamid Rezai", one),
                person("rec-3", "H. Rezaei", one)));
    Judgement same =
        store
            .judgements()
            .record(
                "rec-1",
                "rec-2",
                Verdict.SAME,
                "machine",
                "name match",
                OptionalDouble.of(0.91),
                AUDIENCE_A);
    store.judgements().judge(ANALYST_A, "rec-2", "rec-3", Verdict.SAME, "");
    assertThat(store.judgements().members("rec-3", ANALYST_A))
        .containsExactly("rec-1", "rec-2", "rec-3");

    Judgement different =
        store
            .judgements()
            .judge(ANALYST_A, "rec-2", "rec-1", Verdict.DIFFERENT, "different fathers");

    assertThat(store.judgements().history("rec-1", ANALYST_A)).containsExactly(same, different);
    assertThat(store.judgements().canonicalId("rec-1", ANALYST_A)).isEqualTo("rec-1");
    assertThat(store.judgements().members("rec-1", ANALYST_A)).containsExactly("rec-1");
    assertThat(store.judgements().members("rec-3", ANALYST_A)).containsExactly("rec-2", "rec-3");
    assertThat(store.statements().entity("rec-3", ANALYST_A).orElseThrow().id()).isEqualTo("rec-2");

    store.judgements().undo(different.id(), ANALYST_A);
    assertThat(store.judgements().members("rec-1", ANALYST_A))
        .containsExactly("rec-1", "rec-2", "rec-3");
    assertThatThrownBy(
            () -> store.judgements().judge(ANALYST_A, "rec-1", "rec-1", Verdict.SAME, ""))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void judgementsSurviveReopeningTheStore() {
    store
        .judgements()
        .record("rec-1", "rec-2", Verdict.SAME, "u-a1", "", OptionalDouble.empty(), AUDIENCE_A);
    Judgement undone =
        store
            .judgements()
            .record("rec-2", "rec-3", Verdict.SAME, "u-a1", "", OptionalDouble.empty(), AUDIENCE_A);
    store.judgements().undo(undone.id(), ANALYST_A);
    store.close();
    store = Store.open(config);

    assertThat(store.judgements().members("rec-2", ANALYST_A)).containsExactly("rec-1", "rec-2");
    assertThat(store.judgements().history("rec-2", ANALYST_A)).hasSize(2);
    assertThat(store.judgements().history("rec-2", ANALYST_A).get(0).audience())
        .isEqualTo(AUDIENCE_A);
    assertThat(store.judgements().members("rec-2", ANALYST_B)).containsExactly("rec-2");
  }

  @Test
  void aJudgementJoinsNothingAndDoesNotExistOutsideItsAudience() {
    Source one = green("src-1");
    store
        .statements()
        .write(
            one,
            List.of(person("rec-1", "Hamid Rezaei", one), person("rec-2", "Hamid Rezai", one)));

    Judgement same =
        store.judgements().judge(ANALYST_A, "rec-1", "rec-2", Verdict.SAME, "CANARY note of A");

    assertThat(same.audience().ownerOrg()).isEqualTo("org-a");
    assertThat(same.audience().readers()).contains("u-a1");
    assertThat(store.statements().entity("rec-2", ANALYST_A).orElseThrow().id()).isEqualTo("rec-1");
    assertThat(store.statements().entity("rec-2", ANALYST_B).orElseThrow().id()).isEqualTo("rec-2");
    assertThat(store.statements().entity("rec-2", ANALYST_B).orElseThrow().memberIds())
        .containsExactly("rec-2");
    assertThat(store.judgements().members("rec-1", ANALYST_B)).containsExactly("rec-1");
    assertThat(store.judgements().history("rec-1", ANALYST_B)).isEmpty();
    assertThat(store.judgements().all(ANALYST_B)).isEmpty();
    assertThat(store.judgements().byId(same.id(), ANALYST_B)).isEmpty();
    assertThat(store.search().search(query("Hamid"), ANALYST_B).total()).isEqualTo(2);
    assertThat(store.search().search(query("Hamid"), ANALYST_A).total()).isEqualTo(1);
    assertThatThrownBy(() -> store.judgements().undo(same.id(), ANALYST_B))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage("there is no judgement " + same.id() + " in force");
    assertThat(store.judgements().byId(same.id(), ANALYST_A).orElseThrow().inForce()).isTrue();
  }

  @Test
  void judgingAnEntityTheJudgeMayNotSeeIsAnsweredLikeAnUnknownId() {
    Source green = green("src-1");
    Source strict = source("src-strict", Marking.of(Tlp.AMBER_STRICT, "org-a"));
    store.statements().write(green, List.of(person("rec-green", "Hamid Rezaei", green)));
    store.statements().write(strict, List.of(person("rec-strict", "Hamid Rezai", strict)));

    assertThatThrownBy(
            () -> store.judgements().judge(ANALYST_B, "rec-green", "rec-strict", Verdict.SAME, ""))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage("no entity rec-strict");
    assertThatThrownBy(
            () -> store.judgements().judge(ANALYST_B, "rec-green", "rec-nowhere", Verdict.SAME, ""))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage("no entity rec-nowhere");
    assertThat(store.judgements().all(SYSTEM)).isEmpty();
  }

  @Test
  void anEntityReadNamesOnlyTheMembersTheReaderMaySee() {
    Source green = green("src-1");
    Source strict = source("src-strict", Marking.of(Tlp.AMBER_STRICT, "org-a"));
    store.statements().write(green, List.of(person("rec-z-green", "Hamid Rezaei", green)));
    store.statements().write(strict, List.of(person("rec-a-strict", "Hamid Rezai", strict)));
    // A judgement whose audience reaches a reader who may not see one of its records (as after a
    // marking was narrowed): the reader still sees only the record they may see, under its own id.
    store
        .judgements()
        .record(
            "rec-z-green",
            "rec-a-strict",
            Verdict.SAME,
            "machine",
            "",
            OptionalDouble.empty(),
            org.vigil.resolve.Audience.of("org-b", java.util.Set.of("u-b1")));

    Entity seen = store.statements().entity("rec-z-green", ANALYST_B).orElseThrow();
    assertThat(seen.id()).isEqualTo("rec-z-green");
    assertThat(seen.memberIds()).containsExactly("rec-z-green");
    assertThat(store.statements().entity("rec-a-strict", ANALYST_B)).isEmpty();
  }

  @Test
  void referencingFindsTheEdgesOfAMergedEntity() {
    Source one = green("src-1");
    store
        .statements()
        .write(
            one,
            concat(
                associate("assoc-1", "p-3", "p-2", one),
                person("p-1", "Sara Novak", one),
                person("p-2", "S. Novak", one),
                person("p-3", "Jan Novak", one)));
    store.judgements().judge(ANALYST_B, "p-1", "p-2", Verdict.SAME, "");

    List<Entity> edges = store.statements().referencing("p-1", ANALYST_B, 10);

    assertThat(edges).extracting(Entity::id).containsExactly("assoc-1");
    assertThat(edges.get(0).values("associate")).containsExactly("p-2");
    assertThat(store.statements().referencing("p-3", ANALYST_B, 10))
        .extracting(Entity::id)
        .containsExactly("assoc-1");
  }

  @Test
  void scanHandsOverEveryRecordInIdOrder() {
    Source one = green("src-1");
    store
        .statements()
        .write(
            one,
            List.of(
                person("p-b", "B", one), person("p-a", "A", one), fact("p-a", "alias", "AA", one)));
    List<Entity> seen = new ArrayList<>();

    store.statements().scanEntities(seen::add);

    assertThat(seen).extracting(Entity::id).containsExactly("p-a", "p-b");
    assertThat(seen.get(0).statements()).hasSize(2);
  }

  @Test
  void reindexRebuildsTheSearchFromTheStatements() throws IOException {
    Source one = green("src-1");
    store.statements().write(one, List.of(person("p-1", "Yusuf Demir", one)));
    store.close();
    deleteTree(config.indexDir());
    store = Store.open(config);
    assertThat(store.search().search(query("Demir"), ANALYST_A).total()).isZero();

    assertThat(store.reindex()).isEqualTo(1);

    assertThat(store.search().search(query("Demir"), ANALYST_A).hits())
        .extracting(SearchResults.Hit::entityId)
        .containsExactly("p-1");
  }

  @Test
  void deferredWritesReachTheSearchAtTheNextReindex() {
    Source one = green("src-1");
    store
        .statements()
        .write(
            one,
            List.of(person("p-1", "Nadia Benali", one)),
            StatementRepository.IndexUpdate.DEFERRED);
    assertThat(store.search().search(query("Benali"), ANALYST_A).total()).isZero();

    store.reindex();

    assertThat(store.search().search(query("Benali"), ANALYST_A).total()).isEqualTo(1);
  }

  @Test
  void searchSnippetsMarkMatchesAndEscapeEverythingElse() {
    Source one = green("src-1");
    store
        .statements()
        .write(
            one,
            List.of(
                person("p-1", "Ivan Petrov", one),
                fact("p-1", "notes", "<b>Ivan</b> & \"co\" met in Wien", one)));

    SearchResults results = store.search().search(query("ivan"), ANALYST_B);

    assertThat(results.hits()).hasSize(1);
    assertThat(results.hits().get(0).caption()).isEqualTo("Ivan Petrov");
    assertThat(results.hits().get(0).snippets())
        .contains(
            "<mark>Ivan</mark> Petrov",
            "&lt;b&gt;<mark>Ivan</mark>&lt;/b&gt; &amp; &quot;co&quot; met in Wien");
    for (String hostile : List.of("\"><script>", "AND OR (", "*:* name:x~2", "\"", "((((", "\\")) {
      assertThat(store.search().search(query(hostile), ANALYST_B).total()).isZero();
    }
  }

  @Test
  void organisationsUsersAndPartnersAreValidated() {
    Organization a = store.accounts().createOrganization("org-a", "Agency A");
    store.accounts().createOrganization("org-b", "Agency B");
    store.accounts().addPartners("org-b", "org-a");
    store.accounts().addPartners("org-a", "org-b");

    assertThat(a).isEqualTo(new Organization("org-a", "Agency A", new java.util.TreeSet<>()));
    assertThat(store.accounts().organization("org-a").orElseThrow().partners())
        .containsExactly("org-b");
    assertThat(store.accounts().organizations())
        .extracting(Organization::id)
        .containsExactly("org-a", "org-b");
    assertThatThrownBy(() -> store.accounts().createOrganization("org-a", "Again"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("taken");
    assertThatThrownBy(() -> store.accounts().createOrganization("Org A", "Bad"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("not a valid organisation id");
    assertThatThrownBy(() -> store.accounts().addPartners("org-a", "org-x"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("unknown organisation 'org-x'");

    User alice = store.accounts().createUser("alice", "org-a", Role.ANALYST, "$argon2id$v=19$hash");

    assertThat(store.accounts().userByName("ALICE")).contains(alice);
    assertThat(store.accounts().userById(alice.id())).contains(alice);
    assertThat(store.accounts().userById("not-a-uuid")).isEmpty();
    assertThat(store.accounts().users()).containsExactly(alice);
    assertThat(store.accounts().userCount()).isEqualTo(1);
    assertThat(store.accounts().viewer(alice).partnerOrgs()).containsExactly("org-b");
    assertThatThrownBy(() -> store.accounts().createUser("Alice", "org-a", Role.VIEWER, "h"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("username 'Alice' is taken");
    assertThatThrownBy(() -> store.accounts().createUser("bob", "org-x", Role.VIEWER, "h"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("unknown organisation 'org-x'");
    assertThatThrownBy(() -> store.accounts().createUser("bob smith", "org-a", Role.VIEWER, "h"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("not a valid username");

    store.accounts().setPasswordHash(alice.id(), "$argon2id$v=19$new");
    assertThat(store.accounts().userById(alice.id()).orElseThrow().passwordHash())
        .isEqualTo("$argon2id$v=19$new");
  }

  @Test
  void sessionsAndApiTokensExpire() {
    store.accounts().createOrganization("org-a", "Agency A");
    User alice = store.accounts().createUser("alice", "org-a", Role.ANALYST, "hash");
    Instant now = Instant.now();
    Instant inAnHour = now.plus(Duration.ofHours(1));

    store.accounts().createSession("session-hash", alice.id(), "csrf-1", inAnHour);
    store.accounts().createApiToken("token-hash", alice.id(), "ingest bot", inAnHour);

    AccountRepository.Session session = store.accounts().session("session-hash", now).orElseThrow();
    assertThat(session.userId()).isEqualTo(alice.id());
    assertThat(session.csrfToken()).isEqualTo("csrf-1");
    assertThat(session.expiresAt()).isEqualTo(Database.stored(inAnHour));
    assertThat(store.accounts().session("session-hash", inAnHour.plusSeconds(1))).isEmpty();
    assertThat(store.accounts().session("other-hash", now)).isEmpty();
    assertThat(store.accounts().userByApiToken("token-hash", now)).contains(alice);
    assertThat(store.accounts().userByApiToken("token-hash", inAnHour.plusSeconds(1))).isEmpty();
    assertThat(store.accounts().userByApiToken("other-hash", now)).isEmpty();
    assertThatThrownBy(
            () ->
                store
                    .accounts()
                    .createSession("s2", "00000000-0000-0000-0000-000000000000", "c", inAnHour))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("unknown user");

    store.accounts().deleteSession("session-hash");
    assertThat(store.accounts().session("session-hash", now)).isEmpty();
  }

  @Test
  void theStoresClockIsTheDatabasesAndSessionsAndTokensAreDatedByIt() {
    Instant database = store.jobs().now();
    Instant clock = store.clock().instant();
    assertThat(Duration.between(database, clock).abs())
        .as("the store's clock reads the database's CURRENT_TIMESTAMP")
        .isLessThan(Duration.ofSeconds(2));
    assertThat(store.clock().instant()).isAfterOrEqualTo(clock);

    store.accounts().createOrganization("org-a", "Agency A");
    User alice = store.accounts().createUser("alice", "org-a", Role.ANALYST, "hash");
    Instant now = store.clock().instant();
    store
        .accounts()
        .createSession("d".repeat(64), alice.id(), "csrf", now.plus(Duration.ofHours(8)), "");
    store
        .accounts()
        .createApiToken("e".repeat(64), alice.id(), "bot", now.plus(Duration.ofDays(1)), List.of());
    Instant after = store.jobs().now();
    AccountRepository.SessionInfo session = store.accounts().sessions(alice.id(), now).get(0);
    assertThat(session.createdAt())
        .as("a session begins at the database's time")
        .isBetween(database.minusSeconds(1), after.plusSeconds(1));
    assertThat(session.lastSeenAt()).isEqualTo(session.createdAt());
    assertThat(store.accounts().apiTokens(alice.id(), now).get(0).createdAt())
        .isBetween(database.minusSeconds(1), after.plusSeconds(1));
    assertThat(alice.createdAt()).isBetween(database.minusSeconds(1), after.plusSeconds(1));
  }

  @Test
  void openingASessionDeletesOnlyTheSessionsExpiredByTheDatabasesClock() {
    store.accounts().createOrganization("org-a", "Agency A");
    User alice = store.accounts().createUser("alice", "org-a", Role.ANALYST, "hash");
    Instant now = store.jobs().now();
    String expired = "1".repeat(64);
    String open = "2".repeat(64);
    String openLonger = "3".repeat(64);
    store.accounts().createSession(expired, alice.id(), "c", now.minusSeconds(5), "");
    store.accounts().createSession(open, alice.id(), "c", now.plus(Duration.ofMinutes(10)), "");
    // a session whose end is far on (as a node a day ahead dates it): the earlier ones stay open
    store.accounts().createSession(openLonger, alice.id(), "c", now.plus(Duration.ofDays(2)), "");

    Instant farOn = now.plus(Duration.ofDays(1));
    assertThat(store.accounts().sessions(alice.id(), now.minus(Duration.ofDays(1))))
        .extracting(AccountRepository.SessionInfo::id)
        .as("the expired one was deleted by the last sign-in, the others stay")
        .containsExactlyInAnyOrder("2".repeat(16), "3".repeat(16));
    assertThat(store.accounts().session(open, now)).isPresent();
    assertThat(store.accounts().session(open, farOn)).isEmpty();
    assertThat(store.accounts().session(openLonger, farOn)).isPresent();
  }

  @Test
  void aPasswordChangeEndsOtherSessionsAndTokensAndDisablingEndsSessions() {
    store.accounts().createOrganization("org-a", "Agency A");
    User alice = store.accounts().createUser("alice", "org-a", Role.ANALYST, "hash-1");
    Instant now = Instant.now();
    Instant later = now.plus(Duration.ofHours(1));
    String keep = "a".repeat(64);
    String other = "b".repeat(64);
    store.accounts().createSession(keep, alice.id(), "csrf-1", later, "192.0.2.1");
    store.accounts().createSession(other, alice.id(), "csrf-2", later, "192.0.2.2");
    store.accounts().createApiToken("c".repeat(64), alice.id(), "read bot", later, List.of("read"));

    assertThat(store.accounts().sessions(alice.id(), now))
        .extracting(AccountRepository.SessionInfo::id)
        .containsExactlyInAnyOrder("a".repeat(16), "b".repeat(16));
    assertThat(store.accounts().apiToken("c".repeat(64), now).orElseThrow().scopes())
        .containsExactly("read");
    assertThat(store.accounts().apiTokens(alice.id(), now))
        .extracting(AccountRepository.TokenInfo::label)
        .containsExactly("read bot");

    store.accounts().changePassword(alice.id(), "hash-2", Optional.of(keep));

    assertThat(store.accounts().userById(alice.id()).orElseThrow().passwordHash())
        .isEqualTo("hash-2");
    assertThat(store.accounts().session(keep, now)).isPresent();
    assertThat(store.accounts().session(other, now)).isEmpty();
    assertThat(store.accounts().apiToken("c".repeat(64), now)).isEmpty();

    store.accounts().setEnabled(alice.id(), false);
    assertThat(store.accounts().session(keep, now)).isEmpty();
    assertThat(store.accounts().userById(alice.id()).orElseThrow().enabled()).isFalse();
    assertThat(store.accounts().deleteSession(alice.id(), "not-an-id")).isFalse();
  }

  @Test
  void aTotpStepIsUsedOnceAndAnOrganisationMayRequireASecondFactor() {
    store.accounts().createOrganization("org-a", "Agency A");
    User alice = store.accounts().createUser("alice", "org-a", Role.ANALYST, "hash-1");

    store.accounts().setPendingTotp(alice.id(), Optional.of("MZXW6YTBOI"));
    assertThat(store.accounts().totp(alice.id()).secret()).isEmpty();
    store.accounts().confirmTotp(alice.id());
    assertThat(store.accounts().totp(alice.id()).secret()).contains("MZXW6YTBOI");
    assertThat(store.accounts().useTotpStep(alice.id(), 100)).isTrue();
    assertThat(store.accounts().useTotpStep(alice.id(), 100)).isFalse();
    assertThat(store.accounts().useTotpStep(alice.id(), 99)).isFalse();
    assertThat(store.accounts().requiresTotp("org-a")).isFalse();
    store.accounts().setRequireTotp("org-a", true);
    assertThat(store.accounts().requiresTotp("org-a")).isTrue();
  }

  @Test
  void theAuditChainVerifiesAndReportsAChangedRow() throws SQLException {
    List<AuditRecord> appended = appendAuditRows(5);
    AuditRecord longDetail =
        store
            .audit()
            .append(
                new AuditEvent(
                    "u-a1",
                    AuditAction.SEARCH,
                    "search",
                    "x".repeat(5_000),
                    "10.0.0.7",
                    Instant.parse("2026-05-01T00:00:00.000000001Z")));

    assertThat(longDetail.event().detail()).hasSize(2_000);
    assertThat(store.audit().recent(2)).containsExactly(longDetail, appended.get(4));
    ChainVerification intact = store.audit().verify();
    assertThat(intact.intact()).as(intact.problems().toString()).isTrue();
    assertThat(intact.checked()).isEqualTo(6);

    execute("UPDATE audit_log SET detail = 'nothing to see' WHERE seq = 3");

    ChainVerification tampered = store.audit().verify();
    assertThat(tampered.intact()).isFalse();
    assertThat(tampered.problems()).anyMatch(p -> p.startsWith("row 3:"));
  }

  @Test
  void rowsAppendedTogetherFollowOneAnotherInTheChain() {
    appendAuditRows(2);
    List<AuditEvent> released = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      released.add(
          new AuditEvent(
              "u-a1",
              AuditAction.EXPORT,
              "taxii:c",
              "released part " + i,
              "10.0.0.7",
              Instant.parse("2026-05-01T00:00:00Z")));
    }
    List<AuditRecord> rows = store.audit().appendAll(released);
    assertThat(rows).extracting(AuditRecord::sequence).containsExactly(3L, 4L, 5L);
    assertThat(store.audit().recent(3))
        .extracting(r -> r.event().detail())
        .containsExactly("released part 3", "released part 2", "released part 1");
    ChainVerification chain = store.audit().verify();
    assertThat(chain.intact()).as(chain.problems().toString()).isTrue();
    assertThat(chain.checked()).isEqualTo(5);
  }

  @Test
  void theAuditChainReportsDeletedRows() throws SQLException {
    appendAuditRows(5);

    execute("DELETE FROM audit_log WHERE seq = 2");
    assertThat(store.audit().verify().problems()).anyMatch(p -> p.contains("row 2"));

    execute("DELETE FROM audit_log WHERE seq = 5");
    assertThat(store.audit().verify().problems())
        .anyMatch(p -> p.contains("rows 5 to 5 are missing"));
  }

  @Test
  void anAuditedWriteAndItsAuditRowAreCommittedTogetherOrNotAtAll() {
    Source kept = green("src-kept");
    Source lost = green("src-lost");

    StatementRepository.WriteSummary written =
        store.audited(
            () -> store.statements().write(kept, List.of(person("p-kept", "Kept Person", kept))),
            summary ->
                new AuditEvent(
                    "u-a1", AuditAction.WRITE, summary.sourceId(), "kept", "192.0.2.1", T0));
    assertThatThrownBy(
            () ->
                store.audited(
                    () -> {
                      store
                          .statements()
                          .write(lost, List.of(person("p-lost", "Lost Person", lost)));
                      throw new IllegalStateException("the request failed after its write");
                    },
                    new AuditEvent("u-a1", AuditAction.WRITE, "src-lost", "lost", "cli", T0)))
        .isInstanceOf(IllegalStateException.class);

    assertThat(written.inserted()).isEqualTo(1);
    assertThat(store.statements().source("src-kept", SYSTEM)).isPresent();
    assertThat(store.statements().source("src-lost", SYSTEM)).isEmpty();
    assertThat(store.statements().entity("p-lost", SYSTEM)).isEmpty();
    assertThat(store.audit().recent(10))
        .extracting(r -> r.event().target())
        .containsExactly("src-kept");
    assertThat(store.search().search(query("Kept"), ANALYST_B).total()).isEqualTo(1);
    assertThat(store.search().search(query("Lost"), ANALYST_B).total()).isZero();
    assertThat(store.audit().verify().intact()).isTrue();
  }

  @Test
  void anAuditedWriteThatFailsInsideIsRolledBackAloneAndTheRestCommits() {
    Source first = green("src-first");
    store.audited(
        () -> {
          store.statements().write(first, List.of(person("p-first", "First Person", first)));
          assertThatThrownBy(
                  () ->
                      store
                          .accounts()
                          .createUser("bob", "org-none", Role.ANALYST, "$argon2id$v=19$hash"))
              .isInstanceOf(InvalidValueException.class);
        },
        new AuditEvent("u-a1", AuditAction.WRITE, "src-first", "partly refused", "cli", T0));

    assertThat(store.statements().source("src-first", SYSTEM)).isPresent();
    assertThat(store.accounts().userByName("bob")).isEmpty();
    assertThat(store.audit().recent(10)).hasSize(1);
  }

  @Test
  void aMiddleRowRewrittenWithEveryLaterHashRecomputedFailsVerification() throws SQLException {
    List<AuditRecord> rows = appendAuditRows(5);
    // What someone with write access to the database can do: rewrite row 3 and recompute the
    // hash chain from there on, head included.
    String previous = rows.get(1).hash();
    for (AuditRecord row : rows.subList(2, 5)) {
      AuditEvent event =
          row.sequence() == 3
              ? new AuditEvent(
                  row.event().actor(),
                  row.event().action(),
                  row.event().target(),
                  "nothing to see",
                  row.event().remoteAddress(),
                  row.event().at())
              : row.event();
      AuditRecord forged = AuditRecord.chain(row.sequence(), event, previous);
      execute(
          "UPDATE audit_log SET detail = '"
              + event.detail()
              + "', prev_hash = '"
              + forged.previousHash()
              + "', row_hash = '"
              + forged.hash()
              + "' WHERE seq = "
              + row.sequence());
      previous = forged.hash();
    }
    execute("UPDATE audit_head SET last_hash = '" + previous + "' WHERE id = 1");

    ChainVerification verification = store.audit().verify();

    assertThat(verification.intact()).isFalse();
    assertThat(verification.problems()).anyMatch(p -> p.startsWith("row 3:") && p.contains("seal"));
  }

  @Test
  void aLogSealedWithAKeyThatIsGoneDoesNotOpen() throws IOException {
    appendAuditRows(2);
    store.close();
    Path backup = dataDir.resolve("audit.key.backup");
    Files.move(config.auditKeyFile(), backup);

    assertThatThrownBy(() -> Store.open(config))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("audit log is sealed with a key that is not at");

    Files.move(backup, config.auditKeyFile());
    store = Store.open(config);
    assertThat(store.audit().verify().intact()).isTrue();
  }

  private List<AuditRecord> appendAuditRows(int n) {
    List<AuditRecord> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(
          store
              .audit()
              .append(
                  new AuditEvent(
                      "u-a1",
                      AuditAction.READ_ENTITY,
                      "p-" + i,
                      "read " + i,
                      "192.0.2.1",
                      Instant.parse("2026-05-01T12:00:00Z").plusNanos(123_456_789L * i))));
    }
    assertThat(out)
        .extracting(AuditRecord::sequence)
        .containsExactly(
            java.util.stream.LongStream.rangeClosed(1, n).boxed().toArray(Long[]::new));
    return out;
  }

  /** An Associate edge: its two ends, each a statement. */
  private static List<org.vigil.model.Statement> associate(
      String id, String person, String other, Source source) {
    return List.of(
        org.vigil.model.Statement.about(id, Schema.ASSOCIATE)
            .set("person", person)
            .from(source)
            .seen(T0)
            .build(),
        org.vigil.model.Statement.about(id, Schema.ASSOCIATE)
            .set("associate", other)
            .from(source)
            .seen(T0)
            .build());
  }

  private static List<org.vigil.model.Statement> concat(
      List<org.vigil.model.Statement> edge, org.vigil.model.Statement... more) {
    List<org.vigil.model.Statement> out = new ArrayList<>(List.of(more));
    out.addAll(edge);
    return out;
  }

  private static SearchQuery query(String text) {
    return new SearchQuery(text, Optional.empty(), 20);
  }

  private Connection rawConnection() throws SQLException {
    return DriverManager.getConnection(
        config.jdbcUrl(), config.user().orElse(null), config.password().orElse(null));
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = rawConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
