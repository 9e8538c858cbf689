/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.http.ApiServer;
import org.vigil.http.Routes;
import org.vigil.http.ServerSettings;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.store.TipRepository;

/**
 * The public tip line, its own listener: forms, receipts, refusals, and no trace of the sender in
 * the data folder, the H2 database file or the logs. One node, not on the node pair (-Pnode-pair):
 * this is not the analyst API (the {@code ApiServer} it starts only lists its routes and gets no
 * request), and its leak check reads the H2 file byte by byte.
 */
class IntakeServerIT {
  private static final Pattern RECEIPT = Pattern.compile("id=\"receipt\" dir=\"ltr\">([^<]+)<");
  private static final TipDesk.Handler HANDLER =
      new TipDesk.Handler("handler-1", "org-a", "10.9.9.9");

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
  void theFormIsServedInEachLanguageWithAStrictPolicyNoCookieAndNoOtherOrigin() throws IOException {
    for (String lang : List.of("en", "fa", "ar")) {
      RawHttp.Response page = RawHttp.get(intake.port(), "/?lang=" + lang);
      assertEquals(200, page.status());
      assertTrue(page.body().contains("lang=\"" + lang + "\""), page.body());
      assertTrue(page.body().contains(lang.equals("en") ? "dir=\"ltr\"" : "dir=\"rtl\""));
      assertTrue(page.body().contains("enctype=\"multipart/form-data\""));
      // one script, our own, for the optional proof-of-work; the form posts without it
      assertEquals(1, page.body().split("<script", -1).length - 1, "one script only");
      assertTrue(page.body().contains("<script src=\"/pow.js\" defer></script>"));
      assertFalse(page.body().contains("onclick") || page.body().contains("onsubmit"));
      assertFalse(page.body().contains("http://") || page.body().contains("https://"));
      assertEquals(List.of(IntakeServer.CSP), page.header("Content-Security-Policy"));
      assertTrue(page.header("Set-Cookie").isEmpty());
      assertEquals(List.of("no-referrer"), page.header("Referrer-Policy"));
    }
    assertTrue(RawHttp.get(intake.port(), "/?lang=fa").body().contains("ارسال گزارش"));
    assertTrue(RawHttp.get(intake.port(), "/?lang=ar").body().contains("إرسال بلاغ"));
  }

  @Test
  void noAnalystRouteOrPageIsReachableOnTheIntakeListener() throws IOException {
    List<Routes.Route> analyst;
    try (ApiServer api =
        ApiServer.start(store, ServerSettings.of("127.0.0.1", 0, "test"), Clock.systemUTC())) {
      analyst = api.routes();
    }
    assertTrue(analyst.size() > 50, "the analyst server lists its routes");
    Set<String> intakeOwn = Set.of("GET /", "POST /tip", "GET /follow", "POST /follow");
    List<String> reached = new ArrayList<>();
    for (Routes.Route r : analyst) {
      String path = r.path().replaceAll("\\{[^}]+}", "x").replace("<path>", "x");
      if (intakeOwn.contains(r.method() + " " + path)) {
        continue;
      }
      RawHttp.Response answer =
          RawHttp.send(
              "127.0.0.1",
              intake.port(),
              r.method(),
              path,
              r.method().equals("POST") ? Map.of("Content-Type", "application/json") : Map.of(),
              r.method().equals("POST") ? "{}".getBytes(StandardCharsets.UTF_8) : new byte[0]);
      if (answer.status() != 404) {
        reached.add(r.method() + " " + path + " -> " + answer.status());
      }
    }
    assertEquals(List.of(), reached);
    RawHttp.Response home = RawHttp.get(intake.port(), "/");
    assertTrue(home.body().contains("action=\"/tip\""), "the intake's own form, not the home page");
    assertEquals(404, RawHttp.get(intake.port(), "/assets/vigil.js").status());
    assertEquals(404, RawHttp.get(intake.port(), "/api/v1/openapi.json").status());
  }

  @Test
  void aTipFromAnotherAddressLeavesNoAddressAgentNameOrTextInDataDatabaseOrLogs() throws Exception {
    String agent = "VigilProbeAgent/9.1 (distinctive-agent-5501)";
    String text = "distinctive-tip-text-4471: a car with plate 77-B-123 waits at the border post";
    byte[] photo = photoWithGpsAndCamera();
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    PrintStream err = System.err;
    System.setErr(new PrintStream(new Tee(err, logs), true, StandardCharsets.UTF_8));
    String receipt;
    try {
      RawHttp.Form form =
          new RawHttp.Form()
              .field("lang", "fa")
              .field("text", text)
              .file("files", "holiday-gps-photo-8812.jpg", photo);
      RawHttp.Response answer =
          RawHttp.send(
              "127.0.0.2",
              intake.port(),
              "POST",
              "/tip",
              Map.of(
                  "Content-Type", form.contentType(),
                  "User-Agent", agent,
                  "X-Forwarded-For", "203.0.113.77",
                  "X-Real-IP", "203.0.113.78",
                  "Forwarded", "for=203.0.113.79"),
              form.bytes());
      assertEquals(200, answer.status(), answer.body());
      receipt = receipt(answer.body());
      assertTrue(answer.header("Set-Cookie").isEmpty());
      intake.close();
      intake = null;
    } finally {
      System.setErr(err);
    }
    TipRepository.Tip tip = store.tips().queue("org-a").get(0);
    TipDesk desk = new TipDesk(store, team, new SecureRandom(), Clock.systemUTC());
    TipDesk.OpenedTip opened = desk.open(tip.id(), HANDLER).orElseThrow();
    assertEquals(text, opened.messages().get(0).text(), "the team's key opens it");
    TipDesk.OpenedOriginal attachment = opened.originals().get(0);
    assertEquals(photo.length, attachment.sizeBytes());
    assertEquals(java.util.Optional.of("image/jpeg"), attachment.mediaType());
    assertTrue(attachment.hasWorkingCopy(), attachment.note());
    assertTrue(
        java.util.Arrays.equals(photo, desk.original(tip.id(), 1, HANDLER).orElseThrow()),
        "the original is kept exactly as received");
    Path copy = offline.resolve("working-copy.jpg");
    Files.write(copy, desk.workingCopy(tip.id(), 1, HANDLER).orElseThrow());
    assertEquals(
        "", exiftool("-GPSLatitude", "-GPSLongitude", "-Artist", "-Model", copy.toString()));
    store.close();
    store = null;

    List<String> needles =
        List.of(
            "127.0.0.2",
            "distinctive-agent-5501",
            "VigilProbeAgent",
            "203.0.113.7",
            "holiday-gps-photo",
            "distinctive-tip-text",
            "77-B-123",
            "distinctive-artist-6612",
            "DistinctiveCam",
            receipt.replace("-", ""),
            receipt);
    String dump = dump(dataDir);
    assertTrue(dump.contains("'intake'"), "the intake's audit row is there");
    List<String> found = new ArrayList<>();
    for (String needle : needles) {
      if (dump.contains(needle)) {
        found.add("database dump: " + needle);
      }
      if (logs.toString(StandardCharsets.UTF_8).contains(needle)) {
        found.add("logs: " + needle);
      }
      try (Stream<Path> files = Files.walk(dataDir)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
          if (content.contains(needle)) {
            found.add(dataDir.relativize(f) + ": " + needle);
          }
        }
      }
    }
    assertEquals(List.of(), found);
  }

  @Test
  void theReceiptReadsRepliesAndAddsMoreAndAWrongReceiptAnswersLikeAnyOther() throws IOException {
    RawHttp.Response sent =
        RawHttp.post(
            intake.port(),
            "/tip",
            new RawHttp.Form().field("lang", "ar").field("text", "رأيت سيارة عند المعبر"));
    String receipt = receipt(sent.body());
    assertTrue(sent.body().contains("dir=\"rtl\""));
    String tipId = store.tips().queue("org-a").get(0).id();
    TipDesk desk = new TipDesk(store, team, new SecureRandom(), Clock.systemUTC());
    assertTrue(desk.reply(tipId, "Thank you. Which crossing, and on which day?", HANDLER));

    RawHttp.Response thread =
        RawHttp.post(
            intake.port(),
            "/follow",
            new RawHttp.Form()
                .field("lang", "en")
                .field("receipt", receipt.toLowerCase(java.util.Locale.ROOT)));
    assertEquals(200, thread.status());
    assertTrue(thread.body().contains("Which crossing, and on which day?"), thread.body());

    RawHttp.Response more =
        RawHttp.post(
            intake.port(),
            "/more",
            new RawHttp.Form()
                .field("lang", "en")
                .field("receipt", receipt)
                .field("text", "The northern crossing, on Friday."));
    assertEquals(200, more.status(), more.body());
    List<TipDesk.OpenedMessage> messages = desk.open(tipId, HANDLER).orElseThrow().messages();
    assertEquals(
        List.of(
            "رأيت سيارة عند المعبر",
            "Thank you. Which crossing, and on which day?",
            "The northern crossing, on Friday."),
        messages.stream().map(TipDesk.OpenedMessage::text).toList());

    String forged = Receipt.generate(new SecureRandom()).grouped();
    String sameLocator = receipt.substring(0, 10) + forged.substring(10);
    List<String> wrongBodies = new ArrayList<>();
    for (String wrong : List.of(forged, sameLocator, "not a receipt")) {
      RawHttp.Response r =
          RawHttp.post(
              intake.port(),
              "/follow",
              new RawHttp.Form().field("lang", "en").field("receipt", wrong));
      assertEquals(404, r.status());
      assertTrue(r.body().contains("That receipt does not open a tip"), r.body());
      // each page carries a new challenge for its form; the rest is the same
      wrongBodies.add(r.body().replaceAll("name=\"challenge\" value=\"[^\"]*\"", ""));
      RawHttp.Response add =
          RawHttp.post(
              intake.port(),
              "/more",
              new RawHttp.Form().field("lang", "en").field("receipt", wrong).field("text", "x"));
      assertEquals(404, add.status());
    }
    assertEquals(1, wrongBodies.stream().distinct().count(), "every wrong receipt answers alike");
    assertEquals(3, desk.open(tipId, HANDLER).orElseThrow().messages().size());
  }

  @Test
  void oversizedAndEmptySubmissionsAreRefusedWithAReasonAndNothingKept() throws IOException {
    RawHttp.Response empty =
        RawHttp.post(
            intake.port(), "/tip", new RawHttp.Form().field("lang", "fa").field("text", " "));
    assertEquals(400, empty.status());
    assertTrue(empty.body().contains("چیزی بنویسید"));
    RawHttp.Response long1 =
        RawHttp.post(
            intake.port(),
            "/tip",
            new RawHttp.Form()
                .field("lang", "en")
                .field("text", "ب".repeat(TipIntake.MAX_TEXT_CHARS + 1)));
    assertEquals(400, long1.status());
    assertTrue(long1.body().contains("longer than 100,000"));
    RawHttp.Response big =
        RawHttp.post(
            intake.port(),
            "/tip",
            new RawHttp.Form()
                .field("lang", "en")
                .field("text", "big")
                .file(
                    "files", "a.bin", new byte[(int) IntakeSettings.DEFAULT_MAX_FILE_BYTES + 10]));
    assertEquals(413, big.status());
    assertTrue(big.body().contains("too large"), big.body());
    RawHttp.Response script =
        RawHttp.post(
            intake.port(),
            "/tip",
            new RawHttp.Form().field("text", "<script>alert(1)</script>".repeat(4000000 / 25)));
    assertEquals(400, script.status());
    assertFalse(script.body().contains("<script>"), "what the tipster typed comes back escaped");
    assertEquals(List.of(), store.tips().queue("org-a"));
    try (Stream<Path> spooled = Files.list(dataDir.resolve("tips-spool"))) {
      assertEquals(0, spooled.count(), "no upload stays in the spool");
    }
  }

  @Test
  void theSpoolIsEmptiedWhenTheListenerStarts() throws IOException {
    intake.close();
    Path stale = dataDir.resolve("tips-spool").resolve("MultiPart1234.tmp");
    Files.writeString(stale, "left by a killed server");
    intake =
        IntakeServer.start(
            IntakeSettings.of("org-a", "127.0.0.1", 0, dataDir),
            store,
            TeamKeys.sealingKey(dataDir).orElseThrow(),
            Clock.systemUTC());
    assertFalse(Files.exists(stale));
  }

  @Test
  void aFileWhoseNameLiesAboutItsTypeIsRefusedWithAReasonAndNothingKept() throws IOException {
    RawHttp.Response lying =
        RawHttp.post(
            intake.port(),
            "/tip",
            new RawHttp.Form()
                .field("lang", "fa")
                .field("text", "see the photo")
                .file(
                    "files",
                    "photo.jpg",
                    "plain words, not a photo".getBytes(StandardCharsets.UTF_8)));
    assertEquals(422, lying.status());
    assertTrue(lying.body().contains("یکی از فایل‌ها پذیرفته نمی‌شود"), lying.body());
    assertFalse(lying.body().contains("photo.jpg"), "the file's name is never echoed");
    assertEquals(List.of(), store.tips().queue("org-a"));
  }

  /** A small JPEG carrying a GPS position, an artist and a camera model, written by exiftool. */
  private byte[] photoWithGpsAndCamera() throws IOException {
    java.awt.image.BufferedImage image =
        new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 64; x++) {
      for (int y = 0; y < 48; y++) {
        image.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 90);
      }
    }
    Path file = offline.resolve("camera-shot.jpg");
    javax.imageio.ImageIO.write(image, "jpg", file.toFile());
    exiftool(
        "-overwrite_original",
        "-GPSLatitude=35.6892",
        "-GPSLatitudeRef=N",
        "-GPSLongitude=51.3890",
        "-GPSLongitudeRef=E",
        "-Artist=distinctive-artist-6612",
        "-Model=DistinctiveCam-X1",
        file.toString());
    assertTrue(exiftool("-GPSLatitude", "-Model", file.toString()).contains("DistinctiveCam"));
    return Files.readAllBytes(file);
  }

  /** Debian's exiftool, the independent check; its terse output ({@code -s -s -s}). */
  private static String exiftool(String... arguments) throws IOException {
    List<String> command = new ArrayList<>(List.of("/usr/bin/exiftool", "-s", "-s", "-s"));
    command.addAll(List.of(arguments));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    try {
      assertEquals(0, p.waitFor(), out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    return out;
  }

  private static String receipt(String body) {
    Matcher m = RECEIPT.matcher(body);
    assertTrue(m.find(), body);
    return m.group(1);
  }

  private static String dump(Path dataDir) throws Exception {
    String url = StoreConfig.embedded(dataDir).jdbcUrl();
    StringBuilder b = new StringBuilder();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SCRIPT")) {
      while (rs.next()) {
        b.append(rs.getString(1)).append('\n');
      }
    }
    return b.toString();
  }

  /** Writes to two streams. */
  private static final class Tee extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    Tee(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int c) throws IOException {
      a.write(c);
      b.write(c);
    }

    @Override
    public void write(byte[] bytes, int off, int len) throws IOException {
      a.write(bytes, off, len);
      b.write(bytes, off, len);
    }
  }
}
