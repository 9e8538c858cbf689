/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.browser;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
import org.vigil.resolve.PossibleMatch;
import org.vigil.store.Document;
import org.vigil.store.Store;
import org.vigil.watchlists.LoadOutcome;

/**
 * Continuous screening as an analyst meets it: the server's scheduled list update (run now instead
 * of in a day) downloads a changed list, screens the stored reporting again, and the alert page
 * shows a new designation and a removed one, each with the store's entity id and the list's own id,
 * and a list source that failed; the analyst marks one reviewed and sees who and when. Another
 * organisation's analyst sees none of the alerts raised by the first organisation's AMBER+STRICT
 * reporting.
 */
@ExtendWith(BrowserExtension.class)
class ContinuousScreeningBrowserIT {
  static final String HEADER = "id,name,schema,aliases,country,birth_date,programs\n";
  static final String FIRST = HEADER + "CW-1,Dariush VAHIDI KERMANI,Person,,,,WATCH-PROLIF\n";
  static final String SECOND = HEADER + "CW-2,Parvaneh TAHMASEBI RAD,Person,,,,WATCH-PROLIF\n";

  @Test
  void aChangedListRaisesAlertsThatCanBeMarkedReviewed(UiServer server, Browser browser)
      throws IOException {
    Store store = server.store();
    writeReport(store, "doc-cw-1", "Dariush Vahidi Kermani", "cw-vahidi");
    writeReport(store, "doc-cw-2", "Parvaneh Tahmasebi Rad", "cw-tahmasebi");
    AtomicReference<String> list = new AtomicReference<>(FIRST);
    Javalin lists =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.startupWatcherEnabled = false;
            });
    lists.get("/watch.csv", ctx -> ctx.contentType("text/csv").result(list.get().getBytes(UTF_8)));
    lists.start("127.0.0.1", 0);
    Path sources = server.screening().library().orElseThrow().root().resolve("sources.json");
    String base = "http://127.0.0.1:" + lists.port();
    try {
      Files.writeString(
          sources,
          "{\"sources\": [{\"name\": \"agency-watch\", \"format\": \"agency-csv\", \"dataset\":"
              + " \"agency-watch\", \"files\": [{\"url\": \""
              + base
              + "/watch.csv\", \"name\": \"watch.csv\"}]}, {\"name\": \"partner-watch\","
              + " \"format\": \"agency-csv\", \"files\": [{\"url\": \""
              + base
              + "/gone.csv\", \"name\": \"gone.csv\"}]}]}");
      List<LoadOutcome> first = server.continuousScreening().updateNow();
      assertThat(first).extracting(LoadOutcome::succeeded).containsExactly(true, false);
      assertThat(store.resolution().matchesOf("cw-vahidi", Viewer.system()))
          .extracting(PossibleMatch::listEntryId, PossibleMatch::change)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("CW-1", PossibleMatch.Change.LISTED));

      list.set(SECOND);
      List<LoadOutcome> second = server.continuousScreening().updateNow();
      assertThat(second).extracting(LoadOutcome::succeeded).containsExactly(true, false);
    } finally {
      lists.stop();
      Files.deleteIfExists(sources);
    }
    assertThat(store.resolution().matchesOf("cw-vahidi", Viewer.system()))
        .extracting(PossibleMatch::change)
        .containsExactly(PossibleMatch.Change.DELISTED);

    browser.signIn(UiServer.ANALYST);
    browser.find("nav a[href='/alerts']").click();
    browser.waitForPath("/alerts");
    WebElement listed = browser.waitForText("li.change-listed", "Parvaneh Tahmasebi Rad");
    assertThat(listed.getText())
        .contains("TAHMASEBI RAD")
        .contains("list id CW-2")
        .contains("agency-watch-CW-2")
        .contains("cw-tahmasebi")
        .contains("new")
        .contains("through its name")
        .contains("spelt the same in both names");
    WebElement delisted = browser.waitForText("li.change-delisted", "Dariush Vahidi Kermani");
    assertThat(delisted.getText())
        .contains("delisted")
        .contains("list id CW-1")
        .contains("no longer names CW-1");
    assertThat(browser.find("section.list-alerts").getText())
        .contains("partner-watch")
        .contains("release in force before the update is kept");
    browser.shot("alerts after a list update");

    String id = listed.getAttribute("data-alert");
    browser.find("li[data-alert='" + id + "'] form.review button").click();
    browser.waitForPath("/alerts");
    WebElement reviewed = browser.waitForText("li[data-alert='" + id + "']", "reviewed by alice");
    assertThat(reviewed.getText()).contains("reviewed");
    assertThat(reviewed.findElements(org.openqa.selenium.By.cssSelector("form.review"))).isEmpty();
    browser.shot("an alert marked reviewed");
    PossibleMatch stored =
        store.resolution().alert(Long.parseLong(id), Viewer.system()).orElseThrow();
    assertThat(stored.review()).map(PossibleMatch.Review::by).contains(UiServer.ANALYST);

    browser.find("form.signout button").click();
    browser.signIn(UiServer.OUTSIDER);
    browser.open("/alerts");
    assertThat(browser.source())
        .doesNotContain("Tahmasebi")
        .doesNotContain("TAHMASEBI")
        .doesNotContain("Vahidi")
        .doesNotContain("cw-tahmasebi");
  }

  private static void writeReport(Store store, String id, String name, String entity) {
    if (store.documents().document(id, Viewer.system()).isPresent()) {
      return;
    }
    String text = "A liaison report names " + name + " as a buyer of controlled parts.";
    Instant now = Instant.now();
    Source source =
        new Source(
            id,
            SourceKind.DOCUMENT,
            "Liaison report " + id,
            Reliability.B,
            Marking.of(Tlp.AMBER_STRICT, UiServer.HOME_ORG),
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
