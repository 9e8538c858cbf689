/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.vigil.access.Role;
import org.vigil.http.Client;
import org.vigil.http.TestServer;
import org.vigil.store.StoreConfig;
import org.vigil.tips.IntakeServer;
import org.vigil.tips.IntakeSettings;
import org.vigil.tips.TeamKeys;
import org.vigil.watchlists.ListScreening;

/**
 * The public tip line in Chromium, as a tipster uses it: with JavaScript (the page's own script
 * solves the proof-of-work) and without; in Persian, right to left, with a photo; the receipt kept,
 * and brought back to read a reply a tip handler wrote through the handler API. The browser's own
 * network log shows no request to any origin but the tip line's.
 */
@ExtendWith(BrowserExtension.class)
class TipLineBrowserIT {
  private static final String PERSIAN_TIP =
      "دیروز دو مرد در انبار جاده فری بسته‌هایی را جابه‌جا کردند. پلاک ماشین ۱۲ب۳۴۵ بود.";
  private static final String REPLY = "سپاس. ساعت چند بود؟ — Thank you. At what time?";

  @TempDir Path dir;
  @TempDir Path offline;

  private TestServer analyst;
  private IntakeServer intake;
  private String base;

  @BeforeEach
  void start() {
    Path key = offline.resolve("team.key");
    TeamKeys.generate(key, dir);
    analyst =
        TestServer.start(StoreConfig.embedded(dir), s -> s.withTipKey(key), ListScreening.none());
    analyst.org("org-a");
    analyst.user("handler", "org-a", Role.TIP_HANDLER);
    intake =
        IntakeServer.start(
            IntakeSettings.of("org-a", "127.0.0.1", 0, dir),
            analyst.store,
            TeamKeys.sealingKey(dir).orElseThrow(),
            Clock.systemUTC());
    base = "http://127.0.0.1:" + intake.port();
  }

  @AfterEach
  void stop() {
    try {
      if (intake != null) {
        intake.close();
      }
    } finally {
      if (analyst != null) {
        analyst.close();
      }
    }
  }

  @Test
  void inPersianWithAPhotoTheScriptSolvesTheProofAndTheReceiptReadsAHandlersReply()
      throws IOException {
    Path photo = photo();
    try (Browser b = browser("persian-with-javascript", true)) {
      b.open("/?lang=fa");
      assertThat(b.find("html").getAttribute("dir")).isEqualTo("rtl");
      String solveMs = solved(b, "form[action='/tip']");
      b.find("textarea[name=text]").sendKeys(PERSIAN_TIP);
      b.find("input[type=file]").sendKeys(Browser.fileInput(photo));
      b.shot("form filled in persian, proof " + solveMs + " ms");
      b.find("form[action='/tip'] button[type=submit]").click();
      String receipt = b.find("#receipt").getText();
      assertThat(receipt).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){8}");
      assertThat(b.text()).contains("رسید شما");
      b.shot("receipt");
      System.out.println("[tip line] proof-of-work solved in Chromium in " + solveMs + " ms");

      String tipId = analyst.store.tips().queue("org-a").get(0).id();
      assertThat(analyst.store.tips().attachments(tipId)).hasSize(1);
      Client handler = analyst.client().signedIn("handler");
      assertThat(
              handler
                  .post(
                      "/tips/" + tipId + "/replies",
                      Client.JSON.createObjectNode().put("text", REPLY).toString())
                  .status())
          .isEqualTo(201);

      b.open("/follow?lang=fa");
      solved(b, "form[action='/follow']");
      b.find("input[name=receipt]").sendKeys(receipt);
      b.find("form[action='/follow'] button[type=submit]").click();
      b.waitForText(".reply", "ساعت چند بود");
      b.shot("reply read with the receipt");
      assertThat(b.text()).contains("Thank you. At what time?");
      assertNoOtherOrigin(b);
      assertThat(b.console()).noneMatch(m -> m.contains("Content Security Policy"));
    }
  }

  @Test
  void withoutJavaScriptTheFormStillSendsAndTheReceiptStillOpensTheThread() {
    try (Browser b = browser("english-without-javascript", false)) {
      b.open("/?lang=en");
      assertThat(b.find("form[action='/tip']").getAttribute("data-pow-state")).isNull();
      b.find("textarea[name=text]").sendKeys("A white van at the northern crossing, twice a week.");
      b.shot("form without javascript");
      b.find("form[action='/tip'] button[type=submit]").click();
      String receipt = b.find("#receipt").getText();
      b.shot("receipt without javascript");
      String tipId = analyst.store.tips().queue("org-a").get(0).id();
      analyst
          .client()
          .signedIn("handler")
          .post("/tips/" + tipId + "/replies", "{\"text\":\"Which days of the week?\"}");
      b.open("/follow?lang=en");
      b.find("input[name=receipt]").sendKeys(receipt);
      b.find("form[action='/follow'] button[type=submit]").click();
      b.waitForText(".reply", "Which days of the week?");
      b.shot("reply without javascript");
      assertNoOtherOrigin(b);
    }
  }

  private Browser browser(String name, boolean javascript) {
    return Browser.open(
        base,
        Path.of(System.getProperty("vigil.screenshots", "target/screenshots")),
        "TipLineBrowserIT-" + name,
        javascript,
        true);
  }

  /** Waits for the page's script to solve the form's proof-of-work; how long it took, in ms. */
  private static String solved(Browser b, String form) {
    new WebDriverWait(b.driver(), java.time.Duration.ofSeconds(60))
        .until(d -> "solved".equals(b.find(form).getAttribute("data-pow-state")));
    assertThat(b.find(form + " input[name=proof]").getAttribute("value")).matches("\\d+(,\\d+)+");
    return b.find(form).getAttribute("data-pow-ms");
  }

  /**
   * Every request over the network went to the tip line. What never leaves the browser is left out:
   * its own new-tab page (chrome://) and the data: URLs it makes for itself.
   */
  private void assertNoOtherOrigin(Browser b) {
    List<String> requests =
        b.requests().stream()
            .filter(u -> !u.startsWith("chrome://") && !u.startsWith("data:"))
            .toList();
    assertThat(requests).isNotEmpty();
    assertThat(requests).allMatch(u -> u.startsWith(base + "/"), "only " + base + ": " + requests);
    assertThat(requests).anyMatch(u -> u.endsWith("/tip"));
  }

  private Path photo() throws IOException {
    BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(40, 90, 140));
    g.fillRect(0, 0, 320, 240);
    g.setColor(Color.WHITE);
    g.fillRect(100, 80, 120, 60);
    g.dispose();
    Path file = offline.resolve("انبار.jpg");
    ImageIO.write(image, "jpg", file.toFile());
    return file;
  }
}
