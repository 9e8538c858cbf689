/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.vigil.documents.DocumentIngest;
import org.vigil.documents.DocumentTerms;
import org.vigil.documents.IngestOutcome;
import org.vigil.documents.ListGazetteer;
import org.vigil.ingest.DocumentReader;
import org.vigil.ingest.IngestLimits;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Tlp;

/**
 * After an upload, the upload page says what the report connected to: a person the organisation
 * already reported on, linked to its page, and a person who may be on a sanctions list, linked to
 * the list entry.
 */
@ExtendWith(BrowserExtension.class)
class UploadConsequencesBrowserIT {
  @TempDir Path dir;

  @Test
  void anUploadShowsTheKnownEntityAndTheListMatchItConnectedToEachLinked(
      UiServer server, Browser browser) throws IOException {
    // An earlier report of the organisation: the upload's "Esmaeil Khatib" is then known.
    try (DocumentReader reader = DocumentReader.create(IngestLimits.DEFAULT)) {
      IngestOutcome earlier =
          new DocumentIngest(
                  server.store(),
                  reader,
                  ListGazetteer.extractor(server.screening()),
                  Clock.systemUTC())
              .ingest(
                  "earlier-khatib.txt",
                  "Esmaeil Khatib has been Minister of Intelligence since August 2021."
                      .getBytes(StandardCharsets.UTF_8),
                  new DocumentTerms(Marking.of(Tlp.AMBER, UiServer.HOME_ORG), Reliability.B));
      assertThat(earlier.kind()).as(earlier.reason()).isEqualTo(IngestOutcome.Kind.STORED);
    }
    // Built before the upload, which screens only lists already built.
    server.screening().current();
    Path report =
        Files.writeString(
            dir.resolve("khatib-rezaie.txt"),
            "Esmaeil Khatib met Morteza Rezaie in Tehran in March 2021, officials of the"
                + " ministry said.\n",
            StandardCharsets.UTF_8);

    browser.signIn(UiServer.ANALYST);
    browser.open("/upload");
    browser.find("input[type=file]").sendKeys(Browser.fileInput(report));
    browser.find("form#upload button[type=submit]").click();
    // The first upload builds the extractor (CoreNLP and the lists' names): on a loaded machine
    // that takes longer than the browser's usual wait.
    new WebDriverWait(browser.driver(), Duration.ofMinutes(3))
        .until(
            ExpectedConditions.presenceOfElementLocated(By.cssSelector("#uploads[data-finished]")));
    browser.shot("consequences");

    WebElement shown = browser.find("li.upload-item dl.upload-consequences");
    assertThat(shown.getText())
        .contains("Known entities it mentions")
        .contains("Possible list matches");
    List<WebElement> links = shown.findElements(By.cssSelector("a"));
    WebElement known =
        links.stream()
            .filter(a -> a.getText().equals("Esmaeil Khatib"))
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("no link to Esmaeil Khatib in " + shown.getText()));
    assertThat(known.getAttribute("href")).contains("/entities/");
    assertThat(
            links.stream()
                .map(a -> a.getAttribute("href"))
                .filter(href -> href.contains("/entities/ofac-")))
        .as(shown.getText())
        .isNotEmpty();

    known.click();
    browser.waitForPath("/entities/");
    assertThat(browser.find("h1").getText()).contains("Esmaeil Khatib");
    browser.shot("known-entity");
  }
}
