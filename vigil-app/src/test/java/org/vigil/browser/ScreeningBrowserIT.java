/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Screening from the page: pasted names, a CSV file, and the results downloaded as CSV. */
@ExtendWith(BrowserExtension.class)
class ScreeningBrowserIT {
  @TempDir Path dir;

  @Test
  void pastedNamesAreRankedWithExplanationsAndDownloadAsCsv(Browser browser) throws IOException {
    browser.signIn(UiServer.ANALYST);
    browser.open("/screening");
    browser.find("textarea[name=names]").sendKeys("Qasem Soleimani\nZzyzx Qwertyuiop");
    browser.find("form.screening button[type=submit]").click();
    browser.find("ol.screening-results");
    browser.shot("results");

    List<org.openqa.selenium.WebElement> screened = browser.all("li.screened");
    assertThat(screened).hasSize(2);
    assertThat(screened.get(0).getText()).containsIgnoringCase("soleimani").contains("OFAC SDN");
    assertThat(screened.get(0).findElements(org.openqa.selenium.By.cssSelector("td.explanation")))
        .isNotEmpty();
    assertThat(screened.get(1).getText()).contains("No match");

    browser.find("form.download button[type=submit]").click();
    Path csv = awaitDownload(browser);
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertThat(lines.get(0))
        .startsWith("query,query_schema,query_birth_date,query_country,rank,score");
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Qasem Soleimani,,,,1,"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Zzyzx Qwertyuiop,,,,0,"));
  }

  @Test
  void aCsvFileIsScreenedRowByRowAndABadRowIsReported(Browser browser) throws IOException {
    Path file = dir.resolve("names.csv");
    Files.writeString(
        file,
        "name,country,birthDate\n"
            + "\"Naji Ibrahim Sharifi-Zindashti\",Iran,\n"
            + "Esmaeil Khatib,,not-a-date\n",
        StandardCharsets.UTF_8);
    browser.signIn(UiServer.ANALYST);
    browser.open("/screening");
    browser.find("input[name=csv]").sendKeys(Browser.fileInput(file));
    browser.find("form.screening button[type=submit]").click();
    browser.find("ol.screening-results");
    browser.shot("csv results");

    List<org.openqa.selenium.WebElement> screened = browser.all("li.screened");
    assertThat(screened).hasSize(2);
    assertThat(screened.get(0).getText()).containsIgnoringCase("zindashti");
    assertThat(screened.get(1).getText()).contains("line 3").contains("not-a-date");
  }

  private static Path awaitDownload(Browser browser) {
    Path[] found = new Path[1];
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
        .until(
            d -> {
              try (Stream<Path> files = Files.list(browser.downloads())) {
                found[0] =
                    files
                        .filter(p -> p.getFileName().toString().endsWith(".csv"))
                        .findFirst()
                        .orElse(null);
                return found[0] != null;
              } catch (IOException e) {
                return false;
              }
            });
    return found[0];
  }
}
