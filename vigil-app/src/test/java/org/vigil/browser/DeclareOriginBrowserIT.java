/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.Select;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;

/**
 * An analyst sees a link claimed by two reports as two independent origins, declares on the claim
 * page that the second report copies the first and sees one origin; a link back that would close a
 * circle is refused with the circle named; an assessment is recorded and shown with its range.
 */
@ExtendWith(BrowserExtension.class)
class DeclareOriginBrowserIT {
  private static final Instant SEEN = Instant.parse("2026-11-02T08:00:00Z");

  @Test
  void aDeclaredCopyJoinsTwoOriginsAndAnAssessmentShowsItsRange(UiServer server, Browser browser) {
    Source first = source("src-declare-wire", "Wire: a new deputy at the ministry");
    Source second = source("src-declare-outlet", "Outlet: the ministry's new deputy");
    for (Source s : List.of(first, second)) {
      String link = "emp-declare-" + s.id().substring("src-declare-".length());
      server
          .store()
          .statements()
          .write(
              s,
              List.of(
                  node("declare-deputy", Schema.PERSON, s, "name", "Darius Testfigure"),
                  node("declare-ministry", Schema.PUBLIC_BODY, s, "name", "Ministry of Tests"),
                  node(link, Schema.EMPLOYMENT, s, "employee", "declare-deputy"),
                  node(link, Schema.EMPLOYMENT, s, "employer", "declare-ministry")));
    }

    browser.signIn(UiServer.ANALYST);
    browser.open("/claims/emp-declare-wire");
    assertThat(browser.find("#corroboration").getText()).isEqualTo("2 origins assert");

    new Select(browser.find("#link-form select[name=from]")).selectByValue(second.id());
    new Select(browser.find("#link-form select[name=kind]")).selectByValue("copied_from");
    new Select(browser.find("#link-form select[name=to]")).selectByValue(first.id());
    browser.find("#link-form input[name=reason]").sendKeys("same wording, a day later");
    browser.find("#link-form button[type=submit]").click();
    browser.waitForText("#corroboration", "1 origin asserts");
    assertThat(browser.find("li.origin-link").getText())
        .contains("Outlet: the ministry's new deputy")
        .contains("copies")
        .contains("Wire: a new deputy at the ministry");
    browser.shot("declared");

    new Select(browser.find("#link-form select[name=from]")).selectByValue(first.id());
    new Select(browser.find("#link-form select[name=kind]")).selectByValue("derived_from");
    new Select(browser.find("#link-form select[name=to]")).selectByValue(second.id());
    browser.find("#link-form button[type=submit]").click();
    assertThat(browser.waitForText("#link-status", "circle").getText())
        .contains(first.id() + " -> " + second.id());
    assertThat(browser.all("li.origin-link")).hasSize(1);

    new Select(browser.find("#assess-form select[name=likelihood]")).selectByValue("likely");
    browser.find("#assess-form input[name=statement]").sendKeys("The outlet had no reporter there");
    browser.find("#assess-form button[type=submit]").click();
    assertThat(browser.waitForText("li.assessment", "likely (55–80%)").getText())
        .contains("The outlet had no reporter there");
    browser.shot("assessed");

    browser.find("button.undo-link").click();
    browser.waitForText("#corroboration", "2 origins assert");
    assertThat(browser.console()).noneMatch(line -> line.contains("Content Security Policy"));
  }

  private static Source source(String id, String title) {
    return new Source(
        id,
        SourceKind.DOCUMENT,
        title,
        Reliability.C,
        Marking.of(Tlp.AMBER, UiServer.HOME_ORG),
        Optional.empty(),
        Optional.empty(),
        SEEN);
  }

  private static Statement node(
      String entity, Schema schema, Source source, String property, String value) {
    return Statement.about(entity, schema).set(property, value).from(source).seen(SEEN).build();
  }
}
