/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The home page and the search: lists in force, facets that narrow, hostile text kept inert. */
@ExtendWith(BrowserExtension.class)
class SearchBrowserIT {
  @Test
  void homeShowsTheListsAndSearchNarrowsByFacet(Browser browser) {
    browser.signIn(UiServer.ANALYST);
    assertThat(browser.find("table.lists").getText())
        .contains("OFAC SDN")
        .contains("2026-08-20")
        .contains("UN Security Council Consolidated");
    browser.find("form.big-search input[name=q]").sendKeys("Soleimani");
    browser.find("form.big-search button").click();
    browser.waitForPath("/search");
    browser.find("ol.hits");
    browser.shot("results");
    assertThat(browser.all("ol.hits > li")).isNotEmpty();
    assertThat(browser.all("ol.hits .snippet mark")).isNotEmpty();

    WebElement person =
        browser.find("section.facet[data-facet=schema]").findElements(By.tagName("a")).stream()
            .filter(a -> a.getText().equals("Person"))
            .findFirst()
            .orElseThrow();
    person.click();
    browser.find("p.filters");
    browser.shot("narrowed to people");
    assertThat(browser.find("p.filters").getText()).contains("Kind: Person");
    assertThat(browser.all("ol.hits span.schema"))
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.getText()).isEqualTo("Person"));
  }

  @Test
  void markupInTheSearchIsShownAsTextAndNeverRun(Browser browser) {
    browser.signIn(UiServer.ANALYST);
    String hostile = "\"><script>document.title='owned'</script><img src=x onerror=alert(1)>";
    browser.open("/search?q=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8));
    browser.shot("hostile search");
    // The title shows the query as text; the script would have set it to "owned" alone.
    assertThat(browser.driver().getTitle()).isEqualTo(hostile + " · Vigil");
    assertThat(browser.find("h1").getText()).contains("<script>");
    assertThat(browser.all("main script")).isEmpty();
    assertThat(browser.all("main img")).isEmpty();
    assertThat(browser.find("header input[name=q]").getAttribute("value")).isEqualTo(hostile);
  }
}
