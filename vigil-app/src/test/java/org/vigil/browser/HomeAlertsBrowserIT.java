/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.vigil.access.Viewer;
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
 * The home page's new alerts come from the stored alert feed that cross-referencing fills: an
 * analyst sees the alerts on entities of the reporting they may see, with the list entry, its
 * programmes, score, reasons and status, and follows one to the entity; an AMBER+STRICT alert of
 * another organisation never reaches them.
 */
@ExtendWith(BrowserExtension.class)
class HomeAlertsBrowserIT {
  static final String CUSTOMS_TEXT =
      "Customs seized a shipment paid for by Mohammad Reza Naqdi through a Dubai front.";
  static final String CTIC_TEXT = "A CTIC source places Hossein Salami in Damascus last week.";
  static final String NAQDI = "ha-naqdi";
  static final String SALAMI = "ha-salami";

  @Test
  void theNewAlertsAreTheStoredFeedAsTheViewerMaySeeIt(UiServer server, Browser browser) {
    Store store = server.store();
    CrossReferencing crossReferencing =
        new CrossReferencing(
            server.screening(), CrossReferencing.DEFAULT_THRESHOLD, Clock.systemUTC());
    if (store.documents().document("doc-ha-customs", Viewer.system()).isEmpty()) {
      // What other tests left unscreened is found first, so that these alerts are the newest.
      crossReferencing.run(store);
      write(
          store,
          "doc-ha-customs",
          "Customs seizure note",
          Tlp.GREEN,
          UiServer.OTHER_ORG,
          CUSTOMS_TEXT,
          NAQDI,
          "Mohammad Reza Naqdi");
      write(
          store,
          "doc-ha-ctic",
          "CTIC source report 31",
          Tlp.AMBER_STRICT,
          UiServer.HOME_ORG,
          CTIC_TEXT,
          SALAMI,
          "Hossein Salami");
      // What ingest does after every batch.
      crossReferencing.run(store);
    }
    assertThat(store.resolution().matchesOf(SALAMI, Viewer.system())).isNotEmpty();

    browser.signIn(UiServer.OUTSIDER);
    WebElement section = browser.find("section.alerts");
    assertThat(section.getText())
        .contains("New alerts")
        .contains("Mohammad Reza Naqdi")
        .contains("NAQDI")
        .contains("ofac-sdn")
        .contains("TLP:GREEN")
        .doesNotContain("Salami")
        .doesNotContain("SALAMI")
        .doesNotContain("AMBER+STRICT");
    assertThat(section.findElements(By.cssSelector(".score"))).isNotEmpty();
    assertThat(section.findElements(By.cssSelector(".status")))
        .extracting(WebElement::getText)
        .contains("new");
    assertThat(section.findElements(By.cssSelector(".explanation"))).isNotEmpty();
    assertThat(browser.source()).doesNotContain(SALAMI).doesNotContain("Hossein Salami");
    browser.shot("alerts of another organisation's analyst");
    browser.find("section.alerts a[href='/entities/" + NAQDI + "']").click();
    browser.waitForPath("/entities/" + NAQDI);
    assertThat(browser.text()).contains("Mohammad Reza Naqdi");

    browser.find("form.signout button").click();
    browser.signIn(UiServer.ANALYST);
    section = browser.find("section.alerts");
    assertThat(section.getText()).contains("Hossein Salami").contains("TLP:AMBER+STRICT");
    browser.find("section.alerts a[href='/entities/" + SALAMI + "']");
    browser.shot("alerts of the owner's analyst");
  }

  private static void write(
      Store store,
      String id,
      String title,
      Tlp tlp,
      String org,
      String text,
      String entity,
      String name) {
    Instant now = Instant.now();
    Source source =
        new Source(
            id,
            SourceKind.DOCUMENT,
            title,
            Reliability.B,
            Marking.of(tlp, org),
            Optional.empty(),
            Optional.empty(),
            now);
    int at = text.indexOf(name);
    Statement fact =
        Statement.about(entity, Schema.PERSON)
            .set("name", name)
            .from(source)
            .span(at, at + name.length())
            .extractor("browser-test", 0.9)
            .build();
    store
        .documents()
        .write(
            new Document(
                id,
                id + ".txt",
                "text/plain",
                Optional.of("en"),
                ContentFingerprint.of(text).exactHash(),
                text,
                "read",
                "browser test",
                Optional.empty(),
                0.0,
                now),
            source,
            List.of(fact));
  }
}
