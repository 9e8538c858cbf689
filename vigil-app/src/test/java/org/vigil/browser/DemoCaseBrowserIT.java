/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.vigil.app.DemoCase;

/**
 * Issue 17's Done-when on the demo's own data: a new user, signed in as the demo analyst as {@code
 * vigil demo} signs in a request from this machine, opens the ready-made sample case from the case
 * list, sees its timeline (each event once), its map (the places of its events drawn, nothing asked
 * of another origin) and, from one of its entities, its graph, and exports a PDF whose every
 * paragraph carries its portion marking and whose facts cite numbered sources.
 */
@ExtendWith(BrowserExtension.class)
class DemoCaseBrowserIT {
  private static DemoServer demo;

  @BeforeAll
  static void startTheDemo() throws IOException {
    demo = DemoServer.withSampleCase("demo-case");
  }

  @AfterAll
  static void stopTheDemo() throws IOException {
    if (demo != null) {
      demo.close();
    }
  }

  @Test
  void theSampleCaseShowsItsTimelineMapAndGraphAndExportsAMarkedCitedPdf() throws Exception {
    try (Browser browser = demo.browser("DemoCaseBrowserIT")) {
      browser.open("/cases");
      browser.find("#case-list a").click();
      browser.waitForPath("/cases/case-");
      assertThat(browser.find("h1").getText()).contains(DemoCase.TITLE);
      assertThat(browser.find("#case-entities").getText())
          .contains("Naji Ibrahim Sharifi-Zindashti", "Esmaeil Khatib");

      String timeline = browser.find("#case-timeline").getText();
      assertThat(timeline).contains("2021-08", "2024-01-29");
      assertThat(timeline.split("Sanctions against the Zindashti network", -1))
          .as("the sanctions event once")
          .hasSize(2);
      browser.shot("the sample case and its timeline");

      // The case's own graph: its entities and the links among them, drawn on the server.
      WebElement graph = browser.find("#case-graph-svg");
      browser.driver().executeScript("arguments[0].scrollIntoView()", graph);
      assertThat(browser.all("#case-graph-svg a.graph-node"))
          .extracting(n -> n.getAttribute("data-entity"))
          .contains("naji-zindashti");
      assertThat(browser.all("#case-graph-svg line")).isNotEmpty();
      assertThat(browser.find("#case-graph-caption").getText()).contains("links among them");
      browser.shot("the sample case's own graph");

      WebElement map = browser.find("#case-map[data-drawn][data-outlines]");
      browser.driver().executeScript("arguments[0].scrollIntoView()", map);
      assertThat(Integer.parseInt(map.getAttribute("data-markers"))).isGreaterThanOrEqualTo(2);
      assertThat(browser.find("#case-places").getText()).contains("Tehran (IR)");
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
      assertThat(requested).isNotEmpty().allMatch(u -> u.startsWith(origin + "/"));
      browser.shot("the sample case's map");

      exportThePdf(browser);

      String caseUrl = browser.path();
      browser.open("/entities/naji-zindashti");
      browser.find("#network-link").click();
      EntityGraphBrowserIT.waitForGraph(browser);
      @SuppressWarnings("unchecked")
      List<String> captions =
          (List<String>)
              browser
                  .driver()
                  .executeScript(
                      "return window.vigilGraph.nodes().map(function (n) {"
                          + " return n.data('caption'); });");
      assertThat(captions).anyMatch(c -> c.contains("Ministry of Intelligence"));
      browser.shot("the sample case's graph");
      assertThat(caseUrl).startsWith("/cases/case-");
    }
  }

  /**
   * The case map's load figure (docs/benchmarks.md), not a timed assertion: the sample case's map
   * is drawn again by the page's own map.js with 10,000 markers in its data (seeded points over
   * Iran), clustered by cluster.js, and the browser's Performance API gives the time from the
   * script's start to the draw and to the first paint after it.
   */
  @Test
  void theMapDrawsTenThousandMarkersInClusters() throws Exception {
    try (Browser browser = demo.browser("DemoCaseBrowserIT-10000-markers")) {
      browser.open("/cases");
      browser.find("#case-list a").click();
      browser.waitForPath("/cases/case-");
      browser.find("#case-map[data-drawn]");
      browser.driver().executeScript(TEN_THOUSAND_MARKERS);
      WebElement map = browser.find("#case-map[data-painted-ms]");
      browser.driver().executeScript("arguments[0].scrollIntoView()", map);
      assertThat(map.getAttribute("data-markers")).isEqualTo("10000");
      int clusters = Integer.parseInt(map.getAttribute("data-clusters"));
      assertThat(clusters).isGreaterThan(0).isLessThan(10_000);
      @SuppressWarnings("unchecked")
      List<Number> took =
          (List<Number>)
              browser
                  .driver()
                  .executeScript(
                      "var d = performance.getEntriesByName('vigil-map-draw');"
                          + " var p = performance.getEntriesByName('vigil-map-painted');"
                          + " return [d[d.length - 1].duration, p[p.length - 1].duration];");
      String figure =
          String.format(
              java.util.Locale.ROOT,
              "case map, 10,000 markers in %d clusters: drawn in %.0f ms, painted in %.0f ms"
                  + " (Performance API, from map.js's start); load average %.1f%n",
              clusters,
              took.get(0).doubleValue(),
              took.get(1).doubleValue(),
              java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                  .getSystemLoadAverage());
      System.out.print(figure);
      Path figures = Path.of("target", "benchmarks");
      Files.createDirectories(figures);
      Files.writeString(
          figures.resolve("case-map-10000-markers.txt"),
          figure,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      browser.shot("the map with 10,000 markers");
    }
  }

  /** Replaces the map's data with 10,000 seeded markers and runs the page's map.js again. */
  private static final String TEN_THOUSAND_MARKERS =
      "var old = document.getElementById('case-map');"
          + " var block = document.getElementById('case-map-data');"
          + " var data = JSON.parse(block.textContent);"
          + " var seed = 17;"
          + " function next() { seed = (seed * 16807) % 2147483647; return seed / 2147483647; }"
          + " data.markers = [];"
          + " for (var i = 0; i < 10000; i++) {"
          + "   data.markers.push({lat: 25 + next() * 14, lng: 45 + next() * 17,"
          + "     name: 'Place ' + i, place: 'Place ' + i + ' (IR)', entity: 'Entity ' + i,"
          + "     href: '/entities/e' + i, property: 'address'});"
          + " }"
          + " data.paths = [];"
          + " var fresh = document.createElement('div');"
          + " fresh.id = 'case-map'; fresh.className = 'case-map';"
          + " old.parentNode.replaceChild(fresh, old);"
          + " block.textContent = JSON.stringify(data);"
          + " var again = document.createElement('script');"
          + " again.src = '/assets/map.js';"
          + " document.body.appendChild(again);";

  private static void exportThePdf(Browser browser) throws Exception {
    new Select(browser.find("#case-report select[name=format]")).selectByValue("pdf");
    browser.find("#case-report button[type=submit]").click();
    Path pdf;
    new WebDriverWait(browser.driver(), Duration.ofSeconds(120))
        .until(d -> pdfIn(browser.downloads()) != null);
    pdf = pdfIn(browser.downloads());
    byte[] head = Arrays.copyOf(Files.readAllBytes(pdf), 5);
    assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    Process p =
        new ProcessBuilder("pdftotext", "-enc", "UTF-8", "-layout", pdf.toString(), "-")
            .redirectErrorStream(true)
            .start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    Path kept = Path.of("target", "case-reports");
    Files.createDirectories(kept);
    Files.copy(
        pdf,
        kept.resolve("demo-sample-case-from-the-browser.pdf"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThat(text).contains("TLP:AMBER", "Sources", "Sanctions against the Zindashti network");
    // Each finding and each endnote starts with its portion marking; each source is numbered.
    List<String> paragraphs =
        Arrays.stream(text.split("\\R"))
            .map(String::strip)
            .filter(l -> l.matches("^\\[\\d+\\] .*") || l.matches("^\\(TLP:[A-Z+]+\\) .*"))
            .toList();
    assertThat(paragraphs).anyMatch(l -> l.startsWith("(TLP:"));
    assertThat(text).containsPattern("\\(TLP:[A-Z+]+\\) \\[1\\]");
    browser.shot("the sample case's report exported");
  }

  private static Path pdfIn(Path downloads) {
    try (Stream<Path> files = Files.list(downloads)) {
      return files
          .filter(f -> f.toString().endsWith(".pdf") && f.toFile().length() > 1000)
          .findFirst()
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }
}
