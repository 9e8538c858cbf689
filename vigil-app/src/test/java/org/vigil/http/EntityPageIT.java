/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.access.Viewer;
import org.vigil.auth.PasswordHasher;
import org.vigil.documents.EvidenceText;
import org.vigil.ingest.ContentFingerprint;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Span;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;
import org.vigil.resolve.Audience;
import org.vigil.resolve.PossibleMatch;
import org.vigil.resolve.Verdict;
import org.vigil.store.Document;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.watchlists.ListScreening;
import org.vigil.web.NetworkPage;

/**
 * The entity page and the graph explorer's page over a real store, a real list excerpt and a
 * document: every fact beside its sentence and source, screening matches with their reasons, the
 * resolution controls, and nothing a reader may not see.
 */
class EntityPageIT {
  static final String TEXT =
      "Morteza Rezaei met officials of the Ministry of Intelligence in Tehran in March 2021."
          + " Gen. Smith said so.\nHis name is also written مرتضی رضایی in the report.";

  @TempDir static Path dir;
  static TestServer app;
  static Store store;

  @BeforeAll
  static void start() throws URISyntaxException {
    Path excerpt =
        Path.of(EntityPageIT.class.getResource("/lists/sdn-json/ofac-sdn-excerpt.json").toURI());
    app =
        TestServer.start(
            StoreConfig.embedded(dir),
            s -> s,
            Clock.systemUTC(),
            opened -> {
              ListScreening screening = TestServer.load(dir, opened, List.of(excerpt));
              opened.reindex();
              // built before the first page, which would otherwise say "not ready"
              screening.current();
              return screening;
            });
    store = app.store;
    store.accounts().createOrganization("org-a", "A");
    store.accounts().createOrganization("org-b", "B");
    String hash = PasswordHasher.standard().hash(TestServer.PASSWORD);
    store.accounts().createUser("alice", "org-a", Role.ANALYST, hash);
    store.accounts().createUser("bob", "org-b", Role.ANALYST, hash);
    store.accounts().createUser("vera", "org-a", Role.VIEWER, hash);
    writeReport();
  }

  private static void writeReport() {
    Instant now = Instant.now();
    Source source =
        new Source(
            "doc-report-1",
            SourceKind.DOCUMENT,
            "Report on Rezaei",
            Reliability.B,
            Marking.of(Tlp.GREEN, "org-a"),
            Optional.empty(),
            Optional.empty(),
            now);
    List<Statement> s = new ArrayList<>();
    s.add(fact(source, "person-rezaei", Schema.PERSON, "name", "Morteza Rezaei", "Morteza Rezaei"));
    s.add(fact(source, "person-rezaei", Schema.PERSON, "alias", "مرتضی رضایی", "مرتضی رضایی"));
    s.add(
        Statement.about("person-rezaei", Schema.PERSON)
            .set("notes", "Source FALCON says <b>he travels</b>")
            .from(source)
            .marking(Marking.of(Tlp.AMBER_STRICT, "org-a"))
            .build());
    s.add(fact(source, "org-mois", Schema.PUBLIC_BODY, "name", "Ministry of Intelligence", null));
    String sentence = "met officials of the Ministry of Intelligence";
    s.add(fact(source, "link-1", Schema.UNKNOWN_LINK, "subject", "person-rezaei", sentence));
    s.add(fact(source, "link-1", Schema.UNKNOWN_LINK, "object", "org-mois", sentence));
    s.add(fact(source, "link-1", Schema.UNKNOWN_LINK, "role", "met officials of", sentence));
    s.add(fact(source, "link-1", Schema.UNKNOWN_LINK, "startDate", "2021-03", "March 2021"));
    s.add(fact(source, "person-rezaie", Schema.PERSON, "name", "Morteza Rezaie", null));
    store
        .documents()
        .write(
            new Document(
                source.id(),
                "report-1.txt",
                "text/plain",
                Optional.of("en"),
                ContentFingerprint.of(TEXT).exactHash(),
                TEXT,
                "read",
                "test",
                Optional.empty(),
                0.0,
                now),
            source,
            s);
  }

  private static Statement fact(
      Source source, String entity, Schema schema, String property, String value, String quote) {
    Statement.Builder b =
        Statement.about(entity, schema).set(property, value).from(source).extractor("test", 0.9);
    String words = quote == null ? value : quote;
    int at = TEXT.indexOf(words);
    if (at >= 0) {
      b.span(at, at + words.length());
    }
    return b.build();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static Client signedIn(String user) {
    return app.client().signedIn(user);
  }

  @Test
  void namesShowTheirScriptsAndEveryValueItsSourceAndMarking() {
    Client.Reply page = signedIn("alice").page("/entities/person-rezaei");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("<h2>Names</h2>")
        .contains("مرتضی رضایی")
        .contains("Persian (Arabic script)")
        .contains("Latin")
        .contains("href=\"/documents/doc-report-1\"")
        .contains("Report on Rezaei")
        .contains("TLP:AMBER+STRICT")
        .contains("Source FALCON says &lt;b&gt;he travels&lt;/b&gt;")
        .doesNotContain("<b>he travels</b>");
  }

  @Test
  void relationshipsAndMentionsShowTheSentenceTheyWereReadIn() {
    String body = signedIn("alice").page("/entities/person-rezaei").body();
    assertThat(body)
        .contains("<h2>Relationships</h2>")
        .contains("href=\"/entities/org-mois\"")
        .contains(
            "<q>Morteza Rezaei <mark>met officials of the Ministry of Intelligence</mark> in"
                + " Tehran in March 2021.</q>")
        .contains("<h2>Mentions</h2>")
        .contains("<mark>Morteza Rezaei</mark> met officials")
        .contains("His name is also written <mark>مرتضی رضایی</mark> in the report.");
    // "Gen." ends no sentence: the next sentence is read whole.
    int smith = TEXT.indexOf("Smith");
    assertThat(EvidenceText.around(TEXT, new Span(smith, smith + 5)).before()).isEqualTo("Gen. ");
  }

  @Test
  void theTimelineListsDatedFactsOfTheEntityAndItsLinks() {
    String body = signedIn("alice").page("/entities/person-rezaei").body();
    assertThat(body)
        .contains("<h2>Timeline</h2>")
        .contains("<time>2021-03</time> startDate of Other link with Ministry of Intelligence");
  }

  @Test
  void sanctionsMatchesAreScreenedOnTheNamesAndExplained() {
    String body = signedIn("alice").page("/entities/person-rezaei").body();
    assertThat(body).contains("Possible matches on the loaded lists").contains("REZAIE, Morteza");
    assertThat(body).contains("class=\"explanation\"");
  }

  @Test
  void possibleMatchesRecordedByCrossReferencingAreShownWithTheirReasons() {
    store
        .resolution()
        .recordMatches(
            Audience.of("org-a", Set.of(alice().userId())),
            List.of(
                new PossibleMatch(
                    0,
                    "org-mois",
                    "ofac-sdn-10479",
                    "ofac-sdn",
                    "REZAIE, Morteza",
                    List.of("SDGT"),
                    0.42,
                    List.of("recorded for this test: not a real match"),
                    Instant.now(),
                    false)));
    String body = signedIn("alice").page("/entities/org-mois").body();
    assertThat(body)
        .contains("Possible matches on the sanctions lists")
        .contains("href=\"/entities/ofac-sdn-10479\"")
        .contains("awaiting review")
        .contains("recorded for this test: not a real match")
        .doesNotContain("Possible matches on the loaded lists");
  }

  @Test
  void aListEntrysPageLinksBackToTheReportingEntitiesThatMayMatchIt() {
    store
        .resolution()
        .recordMatches(
            Audience.of("org-a", Set.of(alice().userId())),
            List.of(
                new PossibleMatch(
                    0,
                    "org-mois",
                    "ofac-sdn-10479",
                    "ofac-sdn",
                    "REZAIE, Morteza",
                    List.of("SDGT"),
                    0.91,
                    List.of("recorded for this test"),
                    Instant.now(),
                    false)));

    String body = signedIn("alice").page("/entities/ofac-sdn-10479").body();
    assertThat(body)
        .contains("<h2>Possible matches in the reporting</h2>")
        .contains("href=\"/entities/org-mois\">Ministry of Intelligence</a>");
    String other = signedIn("bob").page("/entities/ofac-sdn-10479").body();
    assertThat(other).doesNotContain("Possible matches in the reporting");
  }

  @Test
  void theNetworkLinkAndTheResolutionControlsAreThere() {
    String body = signedIn("alice").page("/entities/person-rezaei").body();
    assertThat(body)
        .contains("href=\"/graph?entity=person-rezaei\"")
        .contains("<script src=\"/assets/entity.js\" defer></script>")
        .contains("data-csrf=\"")
        .contains("data-verdict=\"same\"");
    String viewer = signedIn("vera").page("/entities/person-rezaei").body();
    assertThat(viewer).doesNotContain("data-verdict=\"same\"").contains("may not judge");
  }

  @Test
  void aMergeIsShownWithTheButtonThatSplitsIt() {
    var judgement =
        store
            .judgements()
            .judge(
                alice(), "person-rezaei", "person-rezaie", Verdict.SAME, "one man, two spellings");
    try {
      String body = signedIn("alice").page("/entities/person-rezaie").body();
      assertThat(body)
          .contains("Merged from 2 records")
          .contains("one man, two spellings")
          .contains("data-judgement=\"" + judgement.id() + "\"")
          .contains("Split (undo merge)");
    } finally {
      store.judgements().undo(judgement.id(), alice());
    }
    String after = signedIn("alice").page("/entities/person-rezaie").body();
    assertThat(after).doesNotContain("Merged from").contains("undone by alice");
  }

  @Test
  void anotherOrganisationSeesNeitherTheAmberStrictValueNorItsBadge() {
    Client.Reply page = signedIn("bob").page("/entities/person-rezaei");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Morteza Rezaei").doesNotContain("FALCON");
    assertThat(page.body()).doesNotContain("TLP:AMBER+STRICT");
  }

  @Test
  void theGraphPageLoadsCytoscapeFromVigilAndChecksItsEntity() {
    Client alice = signedIn("alice");
    Client.Reply page = alice.page("/graph?entity=person-rezaei");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("<script src=\"" + NetworkPage.CYTOSCAPE + "\" defer></script>")
        .contains("<script src=\"/assets/graph.js\" defer></script>")
        .contains("data-entity=\"person-rezaei\"")
        .contains("value=\"Membership\"")
        .doesNotContain("<script>");
    assertThat(alice.page("/graph?entity=no-such-entity").status()).isEqualTo(404);
    assertThat(alice.page("/graph").status()).isEqualTo(400);
    Client.Reply library = alice.page(NetworkPage.CYTOSCAPE);
    assertThat(library.status()).isEqualTo(200);
    assertThat(library.header("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
    assertThat(alice.page("/assets/graph.js").status()).isEqualTo(200);
    assertThat(alice.page("/assets/entity.js").status()).isEqualTo(200);
  }

  private static Viewer alice() {
    return store.accounts().viewer(store.accounts().userByName("alice").orElseThrow());
  }
}
