/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
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
import org.vigil.app.DemoData;
import org.vigil.auth.PasswordHasher;
import org.vigil.http.ApiServer;
import org.vigil.http.ServerSettings;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/**
 * Issue 17's Done-when on the demo's own data: a new user, signed in as the demo analyst as {@code
 * vigil demo} signs in a request from this machine, opens the ready-made sample case from the case
 * list, sees its timeline (each event once), its map (the places of its events drawn, nothing asked
 * of another origin) and, from one of its entities, its graph, and exports a PDF whose every
 * paragraph carries its portion marking and whose facts cite numbered sources.
 */
@ExtendWith(BrowserExtension.class)
class DemoCaseBrowserIT {
  private static Path dir;
  private static Store store;
  private static ApiServer server;

  @BeforeAll
  static void startTheDemo() throws IOException {
    dir = Files.createTempDirectory("vigil-demo-case");
    store = Store.open(StoreConfig.embedded(dir));
    Clock clock = Clock.systemUTC();
    PrintWriter log = new PrintWriter(new StringWriter(), true);
    DemoData.load(store, PasswordHasher.standard(), clock, log);
    DemoCase.open(store, clock, log).orElseThrow();
    server =
        ApiServer.start(
            store,
            ServerSettings.of("127.0.0.1", 0, "demo-case").withLoopbackUser(DemoData.ANALYST),
            clock);
  }

  @AfterAll
  static void stopTheDemo() throws IOException {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      if (store != null) {
        store.close();
      }
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void theSampleCaseShowsItsTimelineMapAndGraphAndExportsAMarkedCitedPdf() throws Exception {
    try (Browser browser =
        Browser.open(
            "http://localhost:" + server.port(),
            Path.of(System.getProperty("vigil.screenshots", "target/screenshots")),
            "DemoCaseBrowserIT")) {
      browser.resize(1400, 1000);
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
