/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's first steps on the demo's own data (its statements, lists and reports, resolved and
 * cross-referenced as {@code vigil demo} does before its corpus), as a new user takes them on this
 * machine, signed in as the demo analyst without a password: the home page, the network of a
 * sanctioned person in the reporting, and the evidence of one of its links.
 */
@ExtendWith(BrowserExtension.class)
class DemoWalkBrowserIT {
  private static DemoServer demo;

  @BeforeAll
  static void startTheDemo() throws IOException {
    demo = DemoServer.withListsAndReports("demo-walk");
  }

  @AfterAll
  static void stopTheDemo() throws IOException {
    if (demo != null) {
      demo.close();
    }
  }

  @Test
  void homeThenASanctionedPersonsNetworkThenTheEvidenceOfALink() {
    try (Browser browser = demo.browser("DemoWalkBrowserIT")) {
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
