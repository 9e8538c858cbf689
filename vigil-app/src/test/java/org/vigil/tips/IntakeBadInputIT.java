/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/**
 * Hostile and clumsy input at the intake: a 1 MB text, mixed scripts and direction marks, markup
 * and script in the text, forged receipts, replayed proofs of work. The tipster reads what to fix,
 * nothing they sent is executed or shown unescaped, and nothing of an accepted tip is lost.
 */
class IntakeBadInputIT {
  private static final Pattern RECEIPT = Pattern.compile("id=\"receipt\" dir=\"ltr\">([^<]+)<");
  private static final Pattern CHALLENGE = Pattern.compile("name=\"challenge\" value=\"[^\"]*\"");
  private static final TipDesk.Handler HANDLER =
      new TipDesk.Handler("handler-1", "org-a", "10.9.9.9");
  private static final String MARKUP =
      "<script>alert(1)</script><img src=x onerror=alert(2)>"
          + "<a href=\"javascript:alert(3)\">x</a>\"' onmouseover=alert(4) --></textarea>";
  private static final String MIXED =
      "Witness: دو مرد — رجلان — двое мужчин — 两个人, plate ۱۲ب۳۴۵ / ١٢٣"
          + " \u202Ereversed\u202C \u200Fرلم\u200E zero\u200Dwidth \uD83D\uDE97 e\u0301";

  @TempDir Path dataDir;
  @TempDir Path offline;

  private Store store;
  private OpeningKey team;
  private IntakeServer intake;

  @BeforeEach
  void start() {
    store = Store.open(StoreConfig.embedded(dataDir));
    team = TeamKeys.generate(offline.resolve("team.key"), dataDir);
    intake =
        IntakeServer.start(
            IntakeSettings.of("org-a", "127.0.0.1", 0, dataDir),
            store,
            TeamKeys.sealingKey(dataDir).orElseThrow(),
            Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    if (intake != null) {
      intake.close();
    }
    if (store != null) {
      store.close();
    }
  }

  @Test
  void aOneMegabyteTextIsRefusedInTheTipstersLanguageAndNothingIsKept() throws IOException {
    for (String lang : List.of("en", "fa", "ar")) {
      RawHttp.Response r =
          RawHttp.post(
              intake.port(),
              "/tip",
              new RawHttp.Form().field("lang", lang).field("text", "x".repeat(1024 * 1024)));
      assertEquals(400, r.status());
      String expected =
          switch (lang) {
            case "fa" -> "بیش از ۱۰۰٬۰۰۰ نویسه";
            case "ar" -> "أطول من ١٠٠٬٠٠٠ حرف";
            default -> "longer than 100,000 characters";
          };
      assertTrue(r.body().contains(expected), lang);
    }
    assertEquals(List.of(), store.tips().queue("org-a"));
  }

  @Test
  void mixedScriptsDirectionMarksAndMarkupAreKeptExactlyAndNeverShownUnescaped()
      throws IOException {
    String text = MIXED + "\n" + MARKUP;
    RawHttp.Response sent =
        RawHttp.post(
            intake.port(), "/tip", new RawHttp.Form().field("lang", "fa").field("text", text));
    assertEquals(200, sent.status(), sent.body());
    Matcher m = RECEIPT.matcher(sent.body());
    assertTrue(m.find());
    String tipId = store.tips().queue("org-a").get(0).id();
    TipDesk desk = new TipDesk(store, team, new SecureRandom(), Clock.systemUTC());
    assertEquals(text.strip(), desk.open(tipId, HANDLER).orElseThrow().messages().get(0).text());

    // a handler's reply with markup in it reaches the tipster as text
    assertTrue(desk.reply(tipId, "Reply " + MARKUP, HANDLER));
    RawHttp.Response thread =
        RawHttp.post(
            intake.port(),
            "/follow",
            new RawHttp.Form().field("lang", "fa").field("receipt", m.group(1)));
    assertEquals(200, thread.status());
    assertNoActiveMarkup(thread.body());
    assertTrue(thread.body().contains("Reply &lt;script&gt;alert(1)&lt;/script&gt;"));

    // a refused text comes back to the tipster, escaped, to fix and send again
    RawHttp.Response refused =
        RawHttp.post(
            intake.port(),
            "/tip",
            new RawHttp.Form()
                .field("lang", "en")
                .field("text", MARKUP + "y".repeat(TipIntake.MAX_TEXT_CHARS)));
    assertEquals(400, refused.status());
    assertNoActiveMarkup(refused.body());
    assertTrue(refused.body().contains("&lt;/textarea&gt;"));
    assertEquals(1, store.tips().queue("org-a").size());
  }

  @Test
  void forgedReceiptsOfEveryShapeGetTheSameAnswerAsAnyWrongReceipt() throws IOException {
    RawHttp.Response sent =
        RawHttp.post(
            intake.port(), "/tip", new RawHttp.Form().field("lang", "en").field("text", "hello"));
    Matcher m = RECEIPT.matcher(sent.body());
    assertTrue(m.find());
    String receipt = m.group(1);
    String random = Receipt.generate(new SecureRandom()).grouped();
    List<String> forged =
        List.of(
            random,
            receipt.substring(0, 10) + random.substring(10),
            receipt.substring(0, receipt.length() - 1) + (receipt.endsWith("0") ? "1" : "0"),
            "' OR 1=1 --",
            MARKUP,
            "0".repeat(199),
            "");
    List<String> bodies = new ArrayList<>();
    for (String f : forged) {
      RawHttp.Response r =
          RawHttp.post(
              intake.port(), "/follow", new RawHttp.Form().field("lang", "en").field("receipt", f));
      assertEquals(404, r.status(), f);
      assertNoActiveMarkup(r.body());
      bodies.add(CHALLENGE.matcher(r.body()).replaceAll(""));
    }
    assertEquals(1, bodies.stream().distinct().count(), "every forged receipt answers alike");
    assertTrue(bodies.get(0).contains("That receipt does not open a tip"));
  }

  @Test
  void aReplayedProofIsRefusedWithTheTextGivenBackAndTheFirstTipKept() throws IOException {
    ProofOfWork.Challenge c = IntakeFloodIT.challenge(RawHttp.get(intake.port(), "/").body());
    String proof = ProofOfWork.solve(c);
    RawHttp.Response first = post(c.token(), proof, "the first tip");
    assertEquals(200, first.status(), first.body());
    RawHttp.Response again = post(c.token(), proof, "a second tip on the same proof");
    assertEquals(400, again.status());
    assertTrue(again.body().contains("This form was already sent"), again.body());
    assertTrue(again.body().contains(">a second tip on the same proof</textarea>"));
    RawHttp.Response forged = post(c.token(), "0,0,0,0", "a forged proof");
    assertEquals(400, forged.status());
    assertTrue(forged.body().contains("did not come from this tip line"));
    RawHttp.Response garbage = post("not-a-challenge", "12", "a made-up challenge");
    assertEquals(400, garbage.status());
    assertEquals(1, store.tips().queue("org-a").size());
    TipDesk desk = new TipDesk(store, team, new SecureRandom(), Clock.systemUTC());
    String tipId = store.tips().queue("org-a").get(0).id();
    assertEquals("the first tip", desk.open(tipId, HANDLER).orElseThrow().messages().get(0).text());
  }

  private RawHttp.Response post(String challenge, String proof, String text) throws IOException {
    return RawHttp.post(
        intake.port(),
        "/tip",
        new RawHttp.Form()
            .field("lang", "en")
            .field("challenge", challenge)
            .field("proof", proof)
            .field("text", text));
  }

  /** No tag, attribute or URL the tipster or a handler wrote is live in the page. */
  private static void assertNoActiveMarkup(String page) {
    assertFalse(page.contains("<script>alert"), page);
    assertFalse(page.contains("<img src=x"), page);
    assertFalse(page.contains("href=\"javascript:"), page);
    assertFalse(page.contains("\" onmouseover="), page);
    assertEquals(1, page.split("<script", -1).length - 1, "only the page's own script");
  }
}
