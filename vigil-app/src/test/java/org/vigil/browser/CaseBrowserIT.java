/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.vigil.access.Viewer;
import org.vigil.ingest.ContentFingerprint;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;
import org.vigil.store.Document;
import org.vigil.store.Store;

/**
 * An analyst starts a case from an entity page, adds its network two hops out, writes a note that
 * cites a sentence of the report, and sees the case page list them, with no script of the page's
 * own and nothing refused by its Content-Security-Policy; an analyst of another organisation finds
 * neither the case nor anything in it.
 */
@ExtendWith(BrowserExtension.class)
class CaseBrowserIT {
  static final String TEXT =
      "Naji Zindashti led the Zindashti gang. The Zindashti gang worked for the Ministry of"
          + " Intelligence. Esmaeil Khatib heads the Ministry of Intelligence. Naji Zindashti"
          + " lived in Istanbul. The gang met in Tehran and in Reading.";
  static final String CITED = "The Zindashti gang worked for the Ministry of Intelligence.";

  @BeforeAll
  static void writeTheReport(UiServer server) {
    Store store = server.store();
    if (store.statements().source("doc-cb-report", Viewer.system()).isPresent()) {
      return;
    }
    Source report =
        new Source(
            "doc-cb-report",
            SourceKind.DOCUMENT,
            "Report on the gang and the ministry",
            Reliability.B,
            Marking.of(Tlp.AMBER, UiServer.HOME_ORG),
            Optional.empty(),
            Optional.empty(),
            Instant.now());
    List<Statement> facts = new ArrayList<>();
    facts.add(fact(report, "cb-naji", Schema.PERSON, "name", "Naji Zindashti", null));
    facts.add(fact(report, "cb-gang", Schema.ORGANIZATION, "name", "Zindashti gang", null));
    facts.add(
        fact(report, "cb-mois", Schema.PUBLIC_BODY, "name", "Ministry of Intelligence", null));
    facts.add(fact(report, "cb-khatib", Schema.PERSON, "name", "Esmaeil Khatib", null));
    // Places for the case map: two placed, one left unplaced (a common word).
    facts.add(fact(report, "cb-naji", Schema.PERSON, "address", "Istanbul", null));
    facts.add(fact(report, "cb-gang", Schema.ORGANIZATION, "address", "Tehran", null));
    facts.add(fact(report, "cb-gang", Schema.ORGANIZATION, "address", "Reading", null));
    link(
        facts,
        report,
        "cb-m1",
        Schema.MEMBERSHIP,
        "member",
        "cb-naji",
        "organization",
        "cb-gang",
        "Naji Zindashti led the Zindashti gang");
    link(
        facts,
        report,
        "cb-l1",
        Schema.UNKNOWN_LINK,
        "subject",
        "cb-gang",
        "object",
        "cb-mois",
        "worked for the Ministry of Intelligence");
    link(
        facts,
        report,
        "cb-e1",
        Schema.EMPLOYMENT,
        "employee",
        "cb-khatib",
        "employer",
        "cb-mois",
        "Esmaeil Khatib heads the Ministry of Intelligence");
    store
        .documents()
        .write(
            new Document(
                report.id(),
                "gang.txt",
                "text/plain",
                Optional.of("en"),
                ContentFingerprint.of(TEXT).exactHash(),
                TEXT,
                "read",
                "browser test",
                Optional.empty(),
                0.0,
                Instant.now()),
            report,
            facts);
  }

  private static void link(
      List<Statement> facts,
      Source source,
      String id,
      Schema schema,
      String from,
      String fromId,
      String to,
      String toId,
      String quote) {
    facts.add(fact(source, id, schema, from, fromId, quote));
    facts.add(fact(source, id, schema, to, toId, quote));
  }

  private static Statement fact(
      Source source, String entity, Schema schema, String property, String value, String quote) {
    String words = quote == null ? value : quote;
    int at = TEXT.indexOf(words);
    if (at < 0) {
      throw new IllegalStateException("not in the text: " + words);
    }
    return Statement.about(entity, schema)
        .set(property, value)
        .from(source)
        .extractor("browser-test", 0.8)
        .span(at, at + words.length())
        .build();
  }

  @Test
  void aCaseStartedFromAnEntityHoldsItsNetworkAndACitedNoteAndNoOneElseSeesIt(Browser browser) {
    browser.signIn(UiServer.ANALYST);
    browser.open("/entities/cb-naji");
    WebElement title = browser.find("#case-open input[name=title]");
    title.clear();
    title.sendKeys("The Zindashti network and the ministry");
    browser.shot("start a case");
    browser.find("#case-open button[type=submit]").click();
    browser.waitForPath("/cases/case-");
    String caseUrl = browser.path();
    assertThat(browser.find("#case-entities").getText()).contains("Naji Zindashti");

    browser.find("#case-add input[name=item]").sendKeys("cb-naji");
    new Select(browser.find("#case-add select[name=depth]")).selectByValue("2");
    browser.shot("add the network two hops out");
    browser.find("#case-add button[type=submit]").click();
    browser.waitForText("#case-entities", "Ministry of Intelligence");
    assertThat(browser.find("#case-entities").getText())
        .contains("Naji Zindashti", "Zindashti gang", "Ministry of Intelligence")
        .doesNotContain("Esmaeil Khatib");

    int start = TEXT.indexOf(CITED);
    browser
        .find("#case-note textarea[name=markdown]")
        .sendKeys(
            "[Zindashti](entity:cb-naji) worked for the ministry through his gang"
                + " ([the report](document:doc-cb-report#"
                + start
                + "-"
                + (start + CITED.length())
                + ")).");
    browser.find("#case-note button[type=submit]").click();
    browser.waitForText("#notes", "worked for the ministry");
    browser.shot("the case with its note");
    assertThat(browser.all("#notes .note-body a[href='/entities/cb-naji']")).hasSize(1);
    assertThat(browser.find("#notes ol.citations").getText())
        .contains("Report on the gang and the ministry")
        .contains(CITED);
    // No script of the page's own: only the map's data block, which no browser runs.
    assertThat(browser.all("script:not([src])"))
        .allMatch(e -> "application/json".equals(e.getAttribute("type")));
    aHypothesisIsRatedAndATaskAdded(browser);
    theMapShowsThePlacesAndAsksNoOtherOrigin(browser);
    assertThat(browser.console())
        .noneMatch(line -> line.contains("Content Security Policy") || line.contains("Uncaught"));
    theReportIsExportedFromItsButton(browser);

    browser.find("form.signout button").click();
    browser.signIn(UiServer.OUTSIDER);
    browser.open("/cases");
    assertThat(browser.text()).doesNotContain("The Zindashti network");
    browser.open(caseUrl);
    assertThat(browser.text()).contains("Not found").doesNotContain("Zindashti");
  }

  private static void aHypothesisIsRatedAndATaskAdded(Browser browser) {
    new Select(browser.find("#case-add select[name=kind]")).selectByValue("claim");
    browser.find("#case-add input[name=item]").sendKeys("cb-l1");
    browser.find("#case-add button[type=submit]").click();
    browser.waitForText("#case-claims", "cb-l1");
    browser.find("#case-hypothesis input[name=text]").sendKeys("The gang acted for itself");
    browser.find("#case-hypothesis button[type=submit]").click();
    browser.waitForText("#case-matrix", "The gang acted for itself");
    new Select(browser.find("#case-rate select[name=evidence]")).selectByValue("claim:cb-l1");
    new Select(browser.find("#case-rate select[name=rating]")).selectByValue("I");
    browser.find("#case-rate button[type=submit]").click();
    browser.waitForText("#case-matrix tfoot", "(1 item)");
    assertThat(browser.find("#case-matrix tr[data-evidence='claim:cb-l1'] td.rating").getText())
        .isEqualTo("I");
    assertThat(browser.find("#case-matrix tr[data-evidence='claim:cb-l1'] td.grade").getText())
        .startsWith("B");
    browser.find("#case-task input[name=title]").sendKeys("Find who paid the gang");
    browser.find("#case-task input[name=assignee]").sendKeys(UiServer.ANALYST);
    browser.find("#case-task button[type=submit]").click();
    browser.waitForText("#case-tasks", "Find who paid the gang");
    new Select(browser.find("#case-tasks form.case-task-status select")).selectByValue("doing");
    browser.find("#case-tasks form.case-task-status button").click();
    browser.waitForText("#case-tasks .status", "doing");
    assertThat(browser.find("#case-tasks").getText()).contains(UiServer.ANALYST);
    browser.shot("the case with a rated hypothesis and a task");
  }

  private static void theMapShowsThePlacesAndAsksNoOtherOrigin(Browser browser) {
    WebElement map = browser.find("#case-map[data-drawn][data-outlines]");
    browser.driver().executeScript("arguments[0].scrollIntoView()", map);
    assertThat(map.getAttribute("data-markers")).isEqualTo("2");
    assertThat(Integer.parseInt(map.getAttribute("data-outlines"))).isGreaterThan(150);
    assertThat(browser.find("#map-status").getText())
        .contains("2 of 2 placed names on the map")
        .contains("1 left unplaced");
    assertThat(browser.find("#case-places").getText())
        .contains("Istanbul (TR)")
        .contains("Tehran (IR)")
        .contains("left unplaced: 'Reading' is also a common word");
    browser.shot("the case map");
    // The browser's own log of what the page fetched: every request went to this server.
    @SuppressWarnings("unchecked")
    List<String> requested =
        (List<String>)
            browser
                .driver()
                .executeScript(
                    "return performance.getEntriesByType('navigation')"
                        + ".concat(performance.getEntriesByType('resource'))"
                        + ".map(function (e) { return e.name; });");
    String origin = (String) browser.driver().executeScript("return window.location.origin;");
    assertThat(requested)
        .isNotEmpty()
        .anyMatch(u -> u.contains("/assets/lib/leaflet/"))
        .anyMatch(u -> u.endsWith("/assets/countries.geo.json"))
        .allMatch(u -> u.startsWith(origin + "/"));
  }

  private static void theReportIsExportedFromItsButton(Browser browser) {
    new Select(browser.find("#case-report select[name=format]")).selectByValue("pdf");
    browser.find("#case-report button[type=submit]").click();
    java.nio.file.Path pdf =
        browser.downloads().resolve("case-report-" + UiServer.HOME_ORG + ".pdf");
    new org.openqa.selenium.support.ui.WebDriverWait(
            browser.driver(), java.time.Duration.ofSeconds(60))
        .until(d -> java.nio.file.Files.isRegularFile(pdf) && pdf.toFile().length() > 1000);
    try {
      byte[] head = java.util.Arrays.copyOf(java.nio.file.Files.readAllBytes(pdf), 5);
      assertThat(new String(head, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    browser.shot("the report exported");
  }
}
