/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The analyst's first path through the UI: upload reports (one good, one of an unsupported type,
 * one too large), open the stored one, and follow a highlighted mention to the entity's page.
 */
@ExtendWith(BrowserExtension.class)
class UploadToEntityBrowserIT {
  @TempDir Path dir;

  @Test
  void uploadedReportOpensWithItsMentionsLinkedToTheirEntities(UiServer server, Browser browser)
      throws IOException {
    Path report = dir.resolve("zindashti-network.txt");
    try (InputStream in =
        UploadToEntityBrowserIT.class.getResourceAsStream(
            "/org/vigil/app/documents/zindashti-network.txt")) {
      Files.writeString(
          report,
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              + "\nThis copy was uploaded through the browser test of the upload page.\n");
    }
    Path junk = dir.resolve("junk.bin");
    byte[] noise = new byte[4096];
    new Random(42).nextBytes(noise);
    Files.write(junk, noise);
    Path huge = dir.resolve("huge.txt");
    Files.write(huge, new byte[11 * 1024 * 1024]);
    long before = server.store().documents().count();

    browser.signIn(UiServer.ANALYST);
    browser.open("/upload");
    browser
        .find("input[type=file]")
        .sendKeys(
            String.join(
                "\n",
                List.of(
                    Browser.fileInput(report), Browser.fileInput(junk), Browser.fileInput(huge))));
    browser.find("form#upload button[type=submit]").click();
    // The first upload builds the extractor (CoreNLP and the lists' names): on a loaded machine
    // that takes longer than the browser's usual wait.
    new WebDriverWait(browser.driver(), Duration.ofMinutes(3))
        .until(
            ExpectedConditions.presenceOfElementLocated(By.cssSelector("#uploads[data-finished]")));
    browser.shot("uploaded");

    List<WebElement> rows = browser.all("li.upload-item");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).getAttribute("class")).contains("stored");
    assertThat(rows.get(0).getText()).contains("stored").contains("mentions");
    assertThat(rows.get(1).getAttribute("class")).contains("failed");
    assertThat(rows.get(1).getText())
        .contains("junk.bin")
        .contains("refused")
        .contains("no document was stored; the file itself is kept");
    assertThat(rows.get(2).getAttribute("class")).contains("failed");
    assertThat(rows.get(2).getText())
        .contains("refused: the file is 11.0 MB; the limit is 10.0 MB. It was not sent.");
    assertThat(server.store().documents().count()).isEqualTo(before + 1);

    rows.get(0).findElement(By.cssSelector("a.open-document")).click();
    browser.find("article.document-text");
    assertThat(browser.path()).startsWith("/documents/doc-");
    browser.shot("document");
    assertThat(browser.find("h1").getText()).isNotBlank();
    assertThat(browser.find("p.meta").getText()).contains("TLP:AMBER").contains("Source grade F");
    assertThat(browser.all("a.mention")).isNotEmpty();
    assertThat(browser.find("section.relations").getText()).contains("Sharifi-Zindashti");
    assertThat(browser.all("blockquote.evidence")).isNotEmpty();

    WebElement mention =
        browser.all("a.mention").stream()
            .filter(a -> a.getText().contains("Zindashti"))
            .findFirst()
            .orElseThrow();
    mention.click();
    browser.waitForPath("/entities/");
    browser.shot("entity");
    assertThat(browser.text()).contains("Sharifi-Zindashti");
  }
}
