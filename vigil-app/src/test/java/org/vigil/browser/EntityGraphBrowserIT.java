/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.vigil.ingest.ContentFingerprint;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;
import org.vigil.resolution.CrossReferencing;
import org.vigil.store.Document;
import org.vigil.store.Store;

/**
 * The analyst's way through the network: an entity page, its graph, a path to another entity, the
 * evidence of a link; a merge and its undoing from the entity page; and an AMBER+STRICT link of one
 * organisation that never reaches a reader of another, in the graph or on the page.
 */
@ExtendWith(BrowserExtension.class)
class EntityGraphBrowserIT {
  static final String REPORT =
      "Naji Ibrahim Sharifi-Zindashti ran a network that acted on behalf of the Ministry of"
          + " Intelligence and Security. Esmaeil Khatib has led the Ministry of Intelligence and"
          + " Security since August 2021.\nNaji Sharifi Zindashti is the same trafficker.";
  static final String SECRET =
      "A source says Naji Ibrahim Sharifi-Zindashti met Falcon Contact in Istanbul.";

  static final String ZINDASHTI = "ug-zindashti";
  static final String MOIS = "ug-mois";
  static final String KHATIB = "ug-khatib";
  static final String SECOND_RECORD = "ug-zindashti-2";
  static final String CONTACT = "ug-falcon-contact";
  static final String HUB = "ug-hub";
  static final int HUB_MEMBERS = 1200;

  @BeforeAll
  static void writeReports(UiServer server) {
    Store store = server.store();
    if (store.statements().source("doc-ug-report", org.vigil.access.Viewer.system()).isPresent()) {
      return;
    }
    Instant now = Instant.now();
    Source report = source("doc-ug-report", "Report on the Zindashti network", Tlp.GREEN);
    List<Statement> facts = new ArrayList<>();
    facts.add(
        fact(
            report,
            REPORT,
            ZINDASHTI,
            Schema.PERSON,
            "name",
            "Naji Ibrahim Sharifi-Zindashti",
            null));
    facts.add(
        fact(
            report,
            REPORT,
            MOIS,
            Schema.PUBLIC_BODY,
            "name",
            "Ministry of Intelligence and Security",
            null));
    facts.add(fact(report, REPORT, KHATIB, Schema.PERSON, "name", "Esmaeil Khatib", null));
    facts.add(
        fact(report, REPORT, SECOND_RECORD, Schema.PERSON, "name", "Naji Sharifi Zindashti", null));
    String onBehalf =
        "ran a network that acted on behalf of the Ministry of Intelligence and Security";
    facts.add(
        fact(report, REPORT, "ug-link-1", Schema.UNKNOWN_LINK, "subject", ZINDASHTI, onBehalf));
    facts.add(fact(report, REPORT, "ug-link-1", Schema.UNKNOWN_LINK, "object", MOIS, onBehalf));
    facts.add(
        fact(
            report,
            REPORT,
            "ug-link-1",
            Schema.UNKNOWN_LINK,
            "role",
            "acted on behalf of",
            onBehalf));
    String leads = "Esmaeil Khatib has led the Ministry of Intelligence and Security";
    facts.add(
        fact(report, REPORT, "ug-employment-1", Schema.EMPLOYMENT, "employee", KHATIB, leads));
    facts.add(fact(report, REPORT, "ug-employment-1", Schema.EMPLOYMENT, "employer", MOIS, leads));
    facts.add(
        fact(
            report,
            REPORT,
            "ug-employment-1",
            Schema.EMPLOYMENT,
            "startDate",
            "2021-08",
            "August 2021"));
    store.documents().write(document(report, REPORT, now), report, facts);

    Source secret = source("doc-ug-secret", "CTIC source report 12", Tlp.AMBER_STRICT);
    List<Statement> hidden = new ArrayList<>();
    hidden.add(fact(secret, SECRET, CONTACT, Schema.PERSON, "name", "Falcon Contact", null));
    String met = "Naji Ibrahim Sharifi-Zindashti met Falcon Contact";
    hidden.add(fact(secret, SECRET, "ug-link-secret", Schema.ASSOCIATE, "person", ZINDASHTI, met));
    hidden.add(fact(secret, SECRET, "ug-link-secret", Schema.ASSOCIATE, "associate", CONTACT, met));
    store.documents().write(document(secret, SECRET, now), secret, hidden);

    // A hub with more neighbours than the explorer asks for at once.
    StringBuilder roster = new StringBuilder("The Hub Organisation lists its members:");
    for (int i = 0; i < HUB_MEMBERS; i++) {
      roster.append(" Member ").append(i).append(',');
    }
    String text = roster.toString();
    Source list = source("doc-ug-roster", "Roster of the Hub Organisation", Tlp.GREEN);
    List<Statement> members = new ArrayList<>();
    members.add(fact(list, text, HUB, Schema.ORGANIZATION, "name", "The Hub Organisation", null));
    for (int i = 0; i < HUB_MEMBERS; i++) {
      String name = "Member " + i + ",";
      String person = "ug-member-" + i;
      members.add(fact(list, text, person, Schema.PERSON, "name", "Member " + i, name));
      members.add(
          fact(list, text, "ug-membership-" + i, Schema.MEMBERSHIP, "member", person, name));
      members.add(
          fact(list, text, "ug-membership-" + i, Schema.MEMBERSHIP, "organization", HUB, name));
    }
    store.documents().write(document(list, text, now), list, members);
  }

  private static Source source(String id, String title, Tlp tlp) {
    return new Source(
        id,
        SourceKind.DOCUMENT,
        title,
        Reliability.B,
        Marking.of(tlp, UiServer.HOME_ORG),
        Optional.empty(),
        Optional.empty(),
        Instant.now());
  }

  private static Document document(Source source, String text, Instant now) {
    return new Document(
        source.id(),
        source.id() + ".txt",
        "text/plain",
        Optional.of("en"),
        ContentFingerprint.of(text).exactHash(),
        text,
        "read",
        "browser test",
        Optional.empty(),
        0.0,
        now);
  }

  private static Statement fact(
      Source source,
      String text,
      String entity,
      Schema schema,
      String property,
      String value,
      String quote) {
    Statement.Builder b =
        Statement.about(entity, schema)
            .set(property, value)
            .from(source)
            .extractor("browser-test", 0.8);
    String words = quote == null ? value : quote;
    int at = text.indexOf(words);
    if (at < 0) {
      throw new IllegalStateException("not in the text: " + words);
    }
    return b.span(at, at + words.length()).build();
  }

  @Test
  void entityPageLeadsToTheGraphAPathAndTheEvidenceOfALink(Browser browser) {
    browser.signIn(UiServer.ANALYST);
    browser.open("/entities/" + ZINDASHTI);
    assertThat(browser.text())
        .contains("Naji Ibrahim Sharifi-Zindashti")
        .contains("Relationships")
        .contains("acted on behalf of");
    browser.find("#network-link").click();
    waitForGraph(browser);
    assertThat(browser.path()).isEqualTo("/graph?entity=" + ZINDASHTI);
    assertThat(captions(browser)).contains("Ministry of Intelligence and Security");
    browser.shot("graph");

    browser.find("#path-search").sendKeys("Khatib");
    browser.find("#path-candidates button[data-id='" + KHATIB + "']").click();
    browser.waitForText("#graph-status", "highlighted");
    assertThat(browser.find("#graph-app").getAttribute("data-paths")).isNotEqualTo("0");
    assertThat(browser.find("#graph-panel").getText())
        .contains(
            "Naji Ibrahim Sharifi-Zindashti → Ministry of Intelligence and Security → Esmaeil Khatib");
    browser.shot("path to Khatib");

    clickEdge(browser, "ug-employment-1");
    browser.waitForText("#graph-panel", "has led");
    String panel = browser.find("#graph-panel").getText();
    assertThat(panel)
        .contains("Esmaeil Khatib has led the Ministry of Intelligence and Security")
        .contains("extractor browser-test")
        .contains("confidence 0.80");
    assertThat(browser.find("#graph-panel a.document-link").getAttribute("href"))
        .endsWith("/documents/doc-ug-report");
    browser.shot("evidence of a link");
  }

  @Test
  void theHomePageLeadsToASanctionedEntitysNetworkAndTheEvidenceOfItsLinks(
      UiServer server, Browser browser) {
    // What ingest does after every batch: the reports' entities screened against the lists.
    new CrossReferencing(server.screening(), CrossReferencing.DEFAULT_THRESHOLD, Clock.systemUTC())
        .run(server.store());
    browser.signIn(UiServer.ANALYST);
    browser.open("/");
    WebElement section = browser.find("section.sanctioned");
    assertThat(section.getText()).contains("Naji Ibrahim Sharifi-Zindashti").contains("ofac-sdn");
    browser.find("section.sanctioned a.network[href='/graph?entity=" + ZINDASHTI + "']").click();
    waitForGraph(browser);
    browser.shot("network of a sanctioned entity");
    clickEdge(browser, "ug-link-1");
    browser.waitForText("#graph-panel", "acted on behalf of");
    assertThat(browser.find("#graph-panel").getText())
        .contains("ran a network that acted on behalf of the Ministry of Intelligence and Security")
        .contains("grade B");
    browser.shot("evidence of the sanctioned entity's link");
  }

  @Test
  void aMergeIsMadeAndUndoneFromTheEntityPage(Browser browser) {
    browser.signIn(UiServer.ANALYST);
    browser.open("/entities/" + ZINDASHTI);
    browser.find("#judge-search").sendKeys("Naji Sharifi Zindashti");
    browser.find("#judge-candidates button[data-id='" + SECOND_RECORD + "']").click();
    browser.find("#judge-note").sendKeys("one trafficker, two spellings");
    browser.shot("merge chosen");
    browser.find("button[data-verdict=same]").click();
    waitForReload(browser, "Merged from 2 records");
    assertThat(browser.text()).contains("one trafficker, two spellings");
    browser.shot("merged");

    browser.find("#resolution button.undo").click();
    waitForReload(browser, "undone by");
    assertThat(browser.text()).doesNotContain("Merged from 2 records");
    browser.shot("merge undone");
  }

  @Test
  void anAmberStrictLinkOfAnotherOrganisationNeverAppears(Browser browser) {
    browser.signIn(UiServer.ANALYST);
    browser.open("/graph?entity=" + ZINDASHTI);
    waitForGraph(browser);
    assertThat(captions(browser)).contains("Falcon Contact");
    browser.shot("owner sees the AMBER+STRICT link");

    browser.find("form.signout button").click();
    browser.signIn(UiServer.OUTSIDER);
    browser.open("/graph?entity=" + ZINDASHTI);
    waitForGraph(browser);
    assertThat(captions(browser))
        .contains("Ministry of Intelligence and Security")
        .doesNotContain("Falcon Contact");
    assertThat(browser.source()).doesNotContain("Falcon").doesNotContain("ug-link-secret");
    browser.shot("outsider graph");
    browser.open("/entities/" + ZINDASHTI);
    assertThat(browser.text()).doesNotContain("Falcon").doesNotContain("TLP:AMBER+STRICT");
    assertThat(browser.driver().getPageSource()).doesNotContain("Falcon");
  }

  @Test
  void aNeighbourhoodLargerThanTheLimitIsCutAndSaysSo(Browser browser) {
    browser.signIn(UiServer.ANALYST);
    browser.open("/graph?entity=" + HUB);
    waitForGraph(browser);
    assertThat(browser.find("#graph-app").getAttribute("data-truncated")).isEqualTo("true");
    assertThat(browser.find("#graph-status").getText()).contains("truncated");
    long nodes = (Long) browser.driver().executeScript("return window.vigilGraph.nodes().length;");
    assertThat(nodes).isGreaterThan(100).isLessThanOrEqualTo(HUB_MEMBERS);
    browser.shot("truncated neighbourhood");
  }

  @Test
  void theNetworkIsDrawnReadablyTheSameWayAtEverySizeWithoutOverlappingLabels(Browser browser) {
    browser.signIn(UiServer.ANALYST);
    Map<String, Object> first = null;
    for (int[] size : new int[][] {{1400, 1000}, {1024, 768}}) {
      browser.resize(size[0], size[1]);
      browser.console();
      browser.open("/graph?entity=" + ZINDASHTI);
      waitForGraph(browser);
      browser.shot("network at " + size[0] + "x" + size[1]);
      assertThat(overlappingLabels(browser)).isEmpty();
      assertThat(outsideTheCanvas(browser)).isEmpty();
      double zoom =
          ((Number) browser.driver().executeScript("return window.vigilGraph.zoom();"))
              .doubleValue();
      assertThat(zoom).isLessThanOrEqualTo(1.4);
      // A message of the page's own shows that the console is read at all.
      browser.driver().executeScript("console.error('vigil console probe');");
      assertThat(browser.console())
          .anyMatch(line -> line.contains("vigil console probe"))
          .noneMatch(line -> line.contains("Content Security Policy"));
      Map<String, Object> positions = positions(browser);
      if (first == null) {
        first = positions;
      } else {
        assertThat(positions).isEqualTo(first);
      }
    }
    assertThat(browser.find("#graph-legend").getText()).contains("person").contains("public body");
  }

  @Test
  void thePathFinderOffersOnlyPeopleAndOrganisations(Browser browser) {
    browser.signIn(UiServer.ANALYST);
    browser.open("/graph?entity=" + KHATIB);
    waitForGraph(browser);
    browser.find("#path-search").sendKeys("Zindashti");
    browser.find("#path-candidates button");
    List<String> offered =
        browser.all("#path-candidates button").stream().map(WebElement::getText).toList();
    assertThat(offered)
        .isNotEmpty()
        .allMatch(text -> text.endsWith(" · person") || text.endsWith(" · public body"))
        .noneMatch(text -> text.contains("ug-") || text.contains("doc-"));
    browser.shot("path candidates");
  }

  @Test
  void thePathFinderKeepsTheDateRangeOfTheFilters(Browser browser) {
    browser.signIn(UiServer.ANALYST);
    browser.open("/graph?entity=" + ZINDASHTI);
    waitForGraph(browser);
    // Set without a change event, so only the path search reads the range: every link on the
    // path to Khatib is dated after 2000 or undated, so none may be walked.
    browser
        .driver()
        .executeScript(
            "document.querySelector('input[name=from]').value = '1990-01-01';"
                + " document.querySelector('input[name=to]').value = '2000-12-31';");
    browser.find("#path-search").sendKeys("Khatib");
    browser.find("#path-candidates button[data-id='" + KHATIB + "']").click();
    browser.waitForText("#graph-status", "No path to");
    assertThat(browser.find("#graph-app").getAttribute("data-paths")).isEqualTo("0");
  }

  /** Pairs of nodes whose drawn labels overlap, named by caption. */
  @SuppressWarnings("unchecked")
  static List<String> overlappingLabels(Browser browser) {
    return (List<String>)
        browser
            .driver()
            .executeScript(
                "var boxes = window.vigilGraph.nodes().map(function (n) {"
                    + " var b = n.renderedBoundingBox({includeNodes: false, includeEdges: false,"
                    + " includeLabels: true});"
                    + " return {name: n.data('caption'), b: b}; });"
                    + " var out = [];"
                    + " for (var i = 0; i < boxes.length; i++) {"
                    + "  for (var j = i + 1; j < boxes.length; j++) {"
                    + "   var a = boxes[i].b, c = boxes[j].b;"
                    + "   if (a.x1 < c.x2 && c.x1 < a.x2 && a.y1 < c.y2 && c.y1 < a.y2) {"
                    + "    out.push(boxes[i].name + ' / ' + boxes[j].name); } } }"
                    + " return out;");
  }

  /** Nodes drawn (label included) past the canvas's edges: the view is fitted to show all. */
  @SuppressWarnings("unchecked")
  static List<String> outsideTheCanvas(Browser browser) {
    return (List<String>)
        browser
            .driver()
            .executeScript(
                "var cy = window.vigilGraph, w = cy.width(), h = cy.height();"
                    + " return cy.nodes().filter(function (n) {"
                    + " var b = n.renderedBoundingBox({includeLabels: true});"
                    + " return b.x1 < 0 || b.y1 < 0 || b.x2 > w || b.y2 > h; })"
                    + ".map(function (n) { return n.data('caption'); });");
  }

  /** Every node's position in the graph's own coordinates, rounded: the layout, not the view. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> positions(Browser browser) {
    return (Map<String, Object>)
        browser
            .driver()
            .executeScript(
                "var out = {}; window.vigilGraph.nodes().forEach(function (n) {"
                    + " var p = n.position(); out[n.id()] = Math.round(p.x) + ',' + Math.round(p.y);"
                    + " }); return out;");
  }

  /** Waits for the page that entity.js reloads to show {@code text}, through the reload. */
  private static void waitForReload(Browser browser, String text) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
        .ignoring(WebDriverException.class)
        .until(d -> d.findElement(By.tagName("body")).getText().contains(text));
  }

  static void waitForGraph(Browser browser) {
    browser.find("#graph-app[data-loaded]");
    browser.find("#graph-app[data-layout=done]");
    browser.waitForText("#graph-status", " shown");
  }

  @SuppressWarnings("unchecked")
  private static List<String> captions(Browser browser) {
    return (List<String>)
        browser
            .driver()
            .executeScript(
                "return window.vigilGraph.nodes().map(function (n) { return n.data('caption'); });");
  }

  /** Clicks where the link is drawn, as a person would. */
  @SuppressWarnings("unchecked")
  static void clickEdge(Browser browser, String link) {
    browser.find("#graph-app[data-layout=done]");
    // Whole in the window: Selenium's offsets count from the centre of the part in view.
    browser
        .driver()
        .executeScript("document.getElementById('cy').scrollIntoView({block: 'start'});");
    Map<String, Object> point =
        (Map<String, Object>)
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(
                    d ->
                        browser
                            .driver()
                            .executeScript(
                                "var link = arguments[0];"
                                    + " var e = window.vigilGraph.edges().filter(function (x) {"
                                    + " return x.data('links').indexOf(link) >= 0; });"
                                    + " if (e.empty()) { return null; }"
                                    + " window.vigilGraph.center(e);"
                                    + " var p = e.renderedMidpoint();"
                                    + " return {x: p.x, y: p.y};",
                                link));
    WebElement canvas = browser.find("#cy");
    int x =
        (int)
            Math.round(((Number) point.get("x")).doubleValue() - canvas.getSize().getWidth() / 2.0);
    int y =
        (int)
            Math.round(
                ((Number) point.get("y")).doubleValue() - canvas.getSize().getHeight() / 2.0);
    new Actions(browser.driver()).moveToElement(canvas, x, y).click().perform();
  }
}
