/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.access.Viewer;
import org.vigil.auth.PasswordHasher;
import org.vigil.documents.DocumentIngest;
import org.vigil.documents.DocumentTerms;
import org.vigil.extract.Extractor;
import org.vigil.http.Client;
import org.vigil.http.TestServer;
import org.vigil.ingest.DocumentReader;
import org.vigil.ingest.IngestLimits;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;
import org.vigil.store.Document;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.watchlists.ListLibrary;
import org.vigil.watchlists.ListScreening;

/**
 * The document and entity pages over the demo: its bundled reports as the extractor reads them
 * (relations, events with their participants' parts, places, properties, claims with claimant and
 * stance, each with its sentence and document), and its hand-written statements shown as notes of
 * the analyst who wrote them, never as an extractor's reading.
 */
class ReportedSectionsIT {
  /** A report written for this test, in the style of a news report: a defection, one denial. */
  static final String OWN_REPORT =
      "Iran says it arrested a defector's brother\n\n"
          + "Iran's Ministry of Intelligence said on Monday that it had arrested Kaveh Jafari in"
          + " Tehran. The Interior Ministry of Austria said that Farhad Rostami, a former officer"
          + " of the ministry, had defected to Austria in February 2026. Tehran denied that"
          + " Rostami had worked for the ministry, and called the reports false.\n";

  @TempDir static Path dir;
  static TestServer app;
  static Client reader;
  static String ownDocument;

  @BeforeAll
  static void start() {
    // the demo and the report are written through node A's store after node B's store opened
    app =
        TestServer.start(
            StoreConfig.embedded(dir),
            s -> s,
            Clock.systemUTC(),
            store -> {
              load(store);
              return ListScreening.over(ListLibrary.in(dir));
            });
    reader = app.client().signedIn("reader");
  }

  private static void load(Store store) {
    DemoData.load(
        store,
        new PasswordHasher(new PasswordHasher.Cost(1024, 1, 1), new SecureRandom()),
        Clock.systemUTC(),
        new PrintWriter(new StringWriter()));
    DemoData.loadDocuments(store, Clock.systemUTC(), new PrintWriter(new StringWriter()));
    try (DocumentReader documents = DocumentReader.create(IngestLimits.DEFAULT)) {
      ownDocument =
          new DocumentIngest(store, documents, Extractor.standard(), Clock.systemUTC())
              .ingest(
                  "defection.txt",
                  OWN_REPORT.getBytes(StandardCharsets.UTF_8),
                  new DocumentTerms(Marking.of(Tlp.GREEN, DemoData.HOME_ORG), Reliability.B))
              .documentId()
              .orElseThrow();
    }
    store.reindex();
    store
        .accounts()
        .createUser(
            "reader",
            DemoData.HOME_ORG,
            Role.ANALYST,
            PasswordHasher.standard().hash(TestServer.PASSWORD));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void documentPageShowsTheSanctionsAuthorityTargetAndTheRelationsReadWithTheirSentences() {
    String page = reader.page("/documents/" + demoDocument("zindashti-network.txt")).body();

    assertThat(section(page, "events"))
        .contains("sanction")
        .contains("2024-01-29")
        .contains("<span class=\"role\">authority</span>")
        .contains("Office of Foreign Assets Control")
        .contains("<span class=\"role\">target</span>")
        .contains("authority: OFAC; UK")
        .contains("<blockquote class=\"evidence\">On 29 January 2024, OFAC and the UK sanctioned")
        .contains("read by ");
    assertThat(section(page, "relations"))
        .contains("Sharifi-Zindashti")
        .contains("Employment (leader)")
        .contains("class=\"document\" href=\"/documents/");
    assertThat(section(page, "reported-properties"))
        .contains("lives or is based in")
        .contains("<a class=\"place\" href=\"/search?q=Iran\">Iran</a>");
  }

  @Test
  void documentPageShowsTwoClaimsOfOneDefectionWithOppositeStancesAndTheParticipantsParts() {
    String page = reader.page("/documents/" + ownDocument).body();

    assertThat(section(page, "events"))
        .contains("defection")
        .contains("2026-02")
        .contains("<a class=\"place\" href=\"/search?q=Austria\">Austria</a>")
        .contains("<span class=\"role\">defector</span>")
        .contains("Farhad Rostami");
    String claims = section(page, "claims");
    assertThat(claims)
        .contains("<span class=\"claimant\">Interior Ministry of Austria</span>")
        .contains("<span class=\"stance stance-asserts\">asserts</span>")
        .contains("<span class=\"claimant\">Tehran</span>")
        .contains("<span class=\"stance stance-denies\">denies</span>")
        .contains("Tehran denied that Rostami had worked for the ministry");
  }

  @Test
  void entityPageShowsWhatTheReportsSayOfItWithLinksToTheirDocuments() {
    String document = reader.page("/documents/" + demoDocument("zindashti-network.txt")).body();
    Matcher mois =
        Pattern.compile("href=\"(/entities/[^\"]+)\">Ministry of Intelligence and Security<")
            .matcher(section(document, "reported-properties"));
    assertThat(mois.find()).isTrue();

    String page = reader.page(mois.group(1)).body();

    assertThat(section(page, "relations")).contains("Membership (on behalf of)");
    assertThat(section(page, "events")).contains("sanction").contains("US Treasury");
    assertThat(section(page, "reported-properties"))
        .contains("<a class=\"place\" href=\"/search?q=Iran\">Iran</a>")
        .contains("class=\"document\" href=\"/documents/");
  }

  @Test
  void handWrittenDemoStatementsAreNotesOfTheirAnalystStoredAndShown() {
    List<Statement> naji =
        app.store.statements().entity("naji-zindashti", Viewer.system()).orElseThrow().statements();
    assertThat(naji)
        .filteredOn(s -> s.sourceId().startsWith("demo-"))
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.extractor()).isEqualTo("note:analyst"));
    List<Statement> quds =
        app.store.statements().entity("irgc-qf", Viewer.system()).orElseThrow().statements();
    assertThat(quds)
        .filteredOn(s -> s.sourceId().equals("demo-allied-report-017"))
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.extractor()).isEqualTo("note:liaison"));

    String page = reader.page("/entities/naji-zindashti").body();

    assertThat(page).contains("note by analyst analyst").doesNotContain("read by demo");
    assertThat(section(page, "events"))
        .contains("sanction")
        .contains("note by analyst analyst")
        .doesNotContain("read by note");
  }

  /** The id of a bundled demo report, by its file name. */
  private static String demoDocument(String fileName) {
    List<String> ids = new ArrayList<>();
    app.store.documents().scanTexts((id, text) -> ids.add(id));
    for (String id : ids) {
      Document d = app.store.documents().document(id, Viewer.system()).orElseThrow();
      if (d.fileName().equals(fileName)) {
        return id;
      }
    }
    throw new AssertionError("no demo report " + fileName);
  }

  /** The HTML of one section of the page, by its class. */
  private static String section(String page, String cssClass) {
    int start = page.indexOf("<section class=\"" + cssClass + "\">");
    assertThat(start).as("section " + cssClass).isNotNegative();
    return page.substring(start, page.indexOf("</section>", start));
  }
}
