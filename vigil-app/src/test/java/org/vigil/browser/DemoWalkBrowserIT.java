/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vigil.app.DemoData;
import org.vigil.auth.PasswordHasher;
import org.vigil.http.ApiServer;
import org.vigil.http.ServerSettings;
import org.vigil.resolution.CrossReferencing;
import org.vigil.resolution.ResolutionRun;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.watchlists.ListLibrary;
import org.vigil.watchlists.ListScreening;

/**
 * The README's first steps on the demo's own data (its statements, lists and reports, resolved and
 * cross-referenced as {@code vigil demo} does before its corpus), as a new user takes them on this
 * machine, signed in as the demo analyst without a password: the home page, the network of a
 * sanctioned person in the reporting, and the evidence of one of its links.
 */
@ExtendWith(BrowserExtension.class)
class DemoWalkBrowserIT {
  private static Path dir;
  private static Store store;
  private static ApiServer server;

  @BeforeAll
  static void startTheDemo() throws IOException {
    dir = Files.createTempDirectory("vigil-demo-walk");
    store = Store.open(StoreConfig.embedded(dir));
    Clock clock = Clock.systemUTC();
    PrintWriter log = new PrintWriter(new StringWriter(), true);
    DemoData.load(store, PasswordHasher.standard(), clock, log);
    DemoData.loadLists(store, dir, clock, log);
    DemoData.loadDocuments(store, clock, log);
    ListScreening screening = ListScreening.over(ListLibrary.in(dir));
    new ResolutionRun(screening, CrossReferencing.DEFAULT_THRESHOLD, clock).run(store);
    server =
        ApiServer.start(
            store,
            ServerSettings.of("127.0.0.1", 0, "demo-walk").withLoopbackUser(DemoData.ANALYST),
            clock,
            screening);
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
  void homeThenASanctionedPersonsNetworkThenTheEvidenceOfALink() {
    // localhost: the demo signs in requests from this machine that name it.
    try (Browser browser =
        Browser.open(
            "http://localhost:" + server.port(),
            Path.of(System.getProperty("vigil.screenshots", "target/screenshots")),
            "DemoWalkBrowserIT")) {
      browser.resize(1400, 1000);
      browser.open("/");
      assertThat(browser.find("section.sanctioned").getText())
          .contains("Naji Ibrahim Sharifi-Zindashti");
      browser.find("section.sanctioned a.network[href='/graph?entity=naji-zindashti']").click();
      EntityGraphBrowserIT.waitForGraph(browser);
      browser.shot("network of a sanctioned person");
      assertThat(EntityGraphBrowserIT.overlappingLabels(browser)).isEmpty();
      assertThat(EntityGraphBrowserIT.outsideTheCanvas(browser)).isEmpty();

      String link =
          (String)
              browser
                  .driver()
                  .executeScript(
                      "return window.vigilGraph.getElementById('n:naji-zindashti')"
                          + ".connectedEdges()[0].data('links')[0];");
      EntityGraphBrowserIT.clickEdge(browser, link);
      browser.find("#graph-panel blockquote.sentence mark");
      String panel = browser.find("#graph-panel").getText();
      assertThat(panel).contains("Evidence").contains("grade ").contains("TLP:");
      assertThat(browser.find("#graph-panel a.document-link").getText()).isNotBlank();
      browser.shot("evidence of a link");

      browser.resize(1024, 768);
      browser.open("/graph?entity=naji-zindashti");
      EntityGraphBrowserIT.waitForGraph(browser);
      browser.shot("network at 1024x768");
      assertThat(EntityGraphBrowserIT.overlappingLabels(browser)).isEmpty();
    }
  }
}
