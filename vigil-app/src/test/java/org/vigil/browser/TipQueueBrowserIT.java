/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.Select;
import org.vigil.access.Viewer;
import org.vigil.cases.Cases;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;
import org.vigil.store.Store;
import org.vigil.store.StoredCase;
import org.vigil.store.TipRepository;
import org.vigil.tips.OpeningKey;
import org.vigil.tips.SealedBox;

/**
 * A tip handler finds a Persian tip in the queue, triaged in the background: its language, the
 * known entity it names linked, and the sanctioned name it gives screened; opens it, sets its
 * priority, replies and releases it into a case shared with them, all by plain forms, with no
 * script of the page's own and nothing refused by the Content-Security-Policy. An analyst is
 * refused the queue.
 */
@ExtendWith(BrowserExtension.class)
class TipQueueBrowserIT {
  static final String TIP =
      "دیروز دو مرد از وزارت اطلاعات به مغازه پسرعمویم آمدند. یکی از آنها گفت برای"
          + " Ali Akbar Ahmadian کار می‌کند.";

  private static String caseId;

  @BeforeAll
  static void queueTheTip(UiServer server) {
    Store store = server.store();
    if (store.statements().source("doc-tq-ministry", Viewer.system()).isEmpty()) {
      Source report =
          new Source(
              "doc-tq-ministry",
              SourceKind.DOCUMENT,
              "The ministry abroad",
              Reliability.B,
              Marking.of(Tlp.AMBER, UiServer.HOME_ORG),
              Optional.empty(),
              Optional.empty(),
              Instant.now());
      store
          .statements()
          .write(
              report,
              List.of(
                  Statement.about("vigil-ir-mois", Schema.PUBLIC_BODY)
                      .set("name", "Ministry of Intelligence and Security")
                      .from(report)
                      .extractor("browser-test", 0.9)
                      .build()));
    }
    SecureRandom random = new SecureRandom();
    store
        .tips()
        .submit(
            new TipRepository.NewTip(
                UiServer.HOME_ORG,
                "TQ" + Long.toString(random.nextLong() & 0xffffffL, 36),
                "salt",
                "verifier",
                OpeningKey.generate(random).sealingKey().hex(),
                LocalDate.now(ZoneOffset.UTC),
                new SealedBox(random).seal(server.tipTeam(), TIP.getBytes(StandardCharsets.UTF_8)),
                List.of()));
    Viewer alice =
        store.accounts().viewer(store.accounts().userByName(UiServer.ANALYST).orElseThrow());
    Cases cases = new Cases(store, Clock.systemUTC());
    Cases.Actor actor = new Cases.Actor(alice.userId(), alice, "127.0.0.1");
    StoredCase made =
        ((Cases.Done<StoredCase>) cases.create("Visits to shops abroad", "AMBER", actor)).value();
    cases.share(made.id(), "user", UiServer.HANDLER, "read", actor);
    caseId = made.id();
  }

  @Test
  void aHandlerTriagesRepliesToAndReleasesAPersianTipAndAnAnalystIsRefusedTheQueue(Browser browser)
      throws InterruptedException {
    browser.signIn(UiServer.HANDLER);
    for (int i = 0; i < 150 && !triaged(browser); i++) {
      Thread.sleep(1_000);
    }
    assertThat(browser.find("#tip-queue .language").getText()).isEqualTo("fa");
    assertThat(browser.find("#tip-queue .links").getText()).contains("Ministry of Intelligence");
    assertThat(browser.all("#tip-queue .links a[href='/entities/vigil-ir-mois']")).isNotEmpty();
    assertThat(browser.find("#tip-queue .screening").getText()).containsIgnoringCase("Ahmadian");
    browser.shot("the tip queue, triaged");

    browser.find("#tip-queue td a").click();
    browser.waitForPath("/tips/tip-");
    assertThat(browser.find("#thread").getText()).contains("وزارت اطلاعات");
    browser.shot("the tip");

    new Select(browser.find("#tip-priority-form select[name=priority]")).selectByValue("3");
    browser.find("#tip-priority-form button[type=submit]").click();
    browser.waitForText("#tip-priority", "3");

    browser.find("#tip-reply textarea[name=text]").sendKeys("متشکریم. آیا تاریخ را به خاطر دارید؟");
    browser.find("#tip-reply button[type=submit]").click();
    browser.waitForText("#thread", "تاریخ");
    browser.shot("priority set and a reply sent");

    new Select(browser.find("#tip-release select[name=case]")).selectByValue(caseId);
    new Select(browser.find("#tip-release select[name=tlp]")).selectByValue("AMBER");
    browser.find("#tip-release button[type=submit]").click();
    browser.waitForText("#tip-released", caseId);
    browser.shot("released into the case");

    assertThat(browser.all("script:not([src])")).isEmpty();
    assertThat(browser.console())
        .noneMatch(line -> line.contains("Content Security Policy") || line.contains("Uncaught"));

    browser.find("form.signout button").click();
    browser.signIn(UiServer.ANALYST);
    browser.open("/tips");
    assertThat(browser.text()).contains("Refused").doesNotContain("وزارت");
    browser.open("/cases/" + caseId);
    // The tipster's text, under the marking chosen; never the handler's reply or the receipt.
    assertThat(browser.text())
        .contains("وزارت اطلاعات")
        .doesNotContain("تاریخ")
        .doesNotContain("TQ");
    browser.shot("the analyst reads the released tip in the case");
  }

  private static boolean triaged(Browser browser) {
    browser.open("/tips");
    return !browser.all("#tip-queue .language").isEmpty();
  }
}
