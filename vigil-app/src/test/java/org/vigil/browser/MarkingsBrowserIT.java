/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;
import org.vigil.store.Document;

/**
 * An AMBER+STRICT report of one organisation: its own analyst finds it, opens it and follows its
 * mention; an analyst of another organisation finds nothing of it on any page.
 */
@ExtendWith(BrowserExtension.class)
class MarkingsBrowserIT {
  static final String DOCUMENT = "doc-strict-falconridge";
  static final String PERSON = "person-falconridge-vantorre";
  static final String NAME = "Falconridge Vantorre";

  @BeforeAll
  static void writeStrictReport(UiServer server) {
    if (server
        .store()
        .documents()
        .document(DOCUMENT, org.vigil.access.Viewer.system())
        .isPresent()) {
      return;
    }
    String text =
        "Source HAWTHORN reports that " + NAME + " met a MOIS officer in Tbilisi in March.";
    Instant now = Instant.now();
    Source source =
        new Source(
            DOCUMENT,
            SourceKind.DOCUMENT,
            "HAWTHORN contact report",
            Reliability.B,
            Marking.of(Tlp.AMBER_STRICT, UiServer.HOME_ORG),
            Optional.empty(),
            Optional.empty(),
            now);
    int start = text.indexOf(NAME);
    Statement name =
        Statement.about(PERSON, Schema.PERSON)
            .set("name", NAME)
            .from(source)
            .span(start, start + NAME.length())
            .extractor("test", 0.9)
            .seen(now)
            .build();
    server
        .store()
        .documents()
        .write(
            new Document(
                DOCUMENT,
                "hawthorn.txt",
                "text/plain",
                Optional.of("en"),
                "sha256:falconridge",
                text,
                "read",
                "read in full",
                Optional.empty(),
                0.0,
                now),
            source,
            List.of(name));
  }

  @Test
  void theOwnersAnalystSeesTheStrictReportEverywhere(Browser browser) {
    browser.signIn(UiServer.ANALYST);
    assertThat(browser.find("section.recent").getText()).contains("HAWTHORN contact report");
    browser.open("/search?q=Falconridge");
    assertThat(browser.find("h1").getText()).isEqualTo("2 results for “Falconridge”");
    assertThat(browser.find("section.facet[data-facet=marking]").getText())
        .contains("TLP:AMBER+STRICT");
    browser.open("/documents/" + DOCUMENT);
    assertThat(browser.find("p.meta").getText()).contains("TLP:AMBER+STRICT");
    browser.find("a.mention").click();
    browser.waitForPath("/entities/");
    browser.shot("entity");
    assertThat(browser.text()).contains(NAME);
  }

  @Test
  void anAnalystOfAnotherOrganisationSeesNothingOfIt(Browser browser) {
    browser.signIn(UiServer.OUTSIDER);
    assertThat(browser.text()).doesNotContain("HAWTHORN").doesNotContain("AMBER+STRICT");
    browser.open("/search?q=Falconridge");
    assertThat(browser.find("h1").getText()).isEqualTo("0 results for “Falconridge”");
    assertThat(browser.text()).doesNotContain(NAME).doesNotContain("AMBER+STRICT");
    browser.open("/search?q=HAWTHORN");
    assertThat(browser.text()).doesNotContain("HAWTHORN contact report");
    browser.open("/documents/" + DOCUMENT);
    assertThat(browser.find("h1").getText()).isEqualTo("Not found");
    assertThat(browser.text()).doesNotContain(NAME).doesNotContain("Tbilisi");
    browser.open("/entities/" + PERSON);
    assertThat(browser.find("h1").getText()).isEqualTo("Not found");
    assertThat(browser.text()).doesNotContain(NAME);
  }
}
