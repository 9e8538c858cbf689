/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.vigil.access.Viewer;
import org.vigil.documents.DocumentIngest;
import org.vigil.documents.DocumentTerms;
import org.vigil.extract.Extractor;
import org.vigil.ingest.DocumentReader;
import org.vigil.ingest.IngestLimits;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Tlp;
import org.vigil.weighing.ClaimWeighings;

/**
 * An analyst opens a disputed claim from the entity page, grades one claim's credibility on the
 * claim page, sees the grade in force beside the suggestion, and undoes it.
 */
@ExtendWith(BrowserExtension.class)
class GradeClaimBrowserIT {
  @TempDir Path dir;

  @Test
  void aClaimIsGradedAndTheGradeUndoneFromTheClaimPage(UiServer server, Browser browser)
      throws IOException {
    Path report =
        Files.writeString(
            dir.resolve("spies.txt"),
            "Iran's Ministry of Intelligence and Security (MOIS) responds with a claim that it has"
                + " arrested 17 CIA spies in the country.\n\nPresident Trump tweeted that the"
                + " Iranian claims are \"totally false\".\n");
    try (DocumentReader reader = DocumentReader.create(IngestLimits.DEFAULT)) {
      new DocumentIngest(server.store(), reader, Extractor.standard(), Clock.systemUTC())
          .ingest(
              report, new DocumentTerms(Marking.of(Tlp.AMBER, UiServer.HOME_ORG), Reliability.F));
    }
    Viewer alice =
        server
            .store()
            .accounts()
            .viewer(server.store().accounts().userByName(UiServer.ANALYST).orElseThrow());
    List<ClaimWeighings.Fact> facts =
        new ClaimWeighings(server.store()).about("vigil-ir-mois", alice).orElseThrow();
    assertThat(facts).isNotEmpty();
    assertThat(facts.get(0).status().label()).isEqualTo("disputed");

    browser.signIn(UiServer.ANALYST);
    browser.open("/entities/vigil-ir-mois");
    assertThat(browser.find("table.facts").getText())
        .contains("disputed")
        .contains("1 origin asserts, 1 origin denies");
    browser.find("table.facts tr.fact-disputed a").click();
    browser.waitForPath("/claims/");
    assertThat(browser.find("#fact-status").getText()).isEqualTo("disputed");
    assertThat(browser.find("#corroboration").getText())
        .isEqualTo("1 origin asserts, 1 origin denies");
    browser.shot("claim");

    browser.find("tr.claim input.grade-reason").sendKeys("no names, no details");
    new Select(browser.find("tr.claim select.grade-claim")).selectByValue("4");
    browser.find("tr.claim form.grade-claim-form button.grade-button").click();
    browser.waitForText("tr.claim span.credibility", "4 — Doubtful (graded)");
    browser.shot("graded");

    browser.find("tr.claim button.undo-grade").click();
    // The other claim's line said "(suggested)" all along: wait for the reload to drop the button.
    new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
        .ignoring(WebDriverException.class)
        .until(d -> browser.all("tr.claim button.undo-grade").isEmpty());
    assertThat(browser.find("tr.claim span.credibility").getText()).endsWith("(suggested)");

    // The same from the entity page: each origin's grade form folds out under its name.
    browser.open("/entities/vigil-ir-mois");
    assertThat(browser.find("tr.fact-disputed li.dispute-reason").getText())
        .isEqualTo("independent origins assert it and deny it");
    browser.find("tr.fact-disputed details.grade summary").click();
    browser.find("tr.fact-disputed details.grade input.grade-reason").sendKeys("court papers");
    new Select(browser.find("tr.fact-disputed details.grade select.grade-claim"))
        .selectByValue("2");
    browser.find("tr.fact-disputed details.grade button.grade-button").click();
    browser.waitForText("tr.fact-disputed span.origin", "credibility 2 graded");
    browser.shot("entity-graded");
    browser.find("tr.fact-disputed details.grade summary").click();
    browser.find("tr.fact-disputed details.grade button.undo-grade").click();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
        .ignoring(WebDriverException.class)
        .until(d -> !browser.find("table.facts").getText().contains("graded"));
    assertThat(browser.all("tr.fact-disputed button.undo-grade")).isEmpty();
  }
}
