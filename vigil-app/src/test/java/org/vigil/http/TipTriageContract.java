/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.jobs.JobState;
import org.vigil.store.StoreConfig;
import org.vigil.store.TipRepository;
import org.vigil.tips.OpeningKey;
import org.vigil.tips.SealedBox;
import org.vigil.tips.SealingKey;
import org.vigil.tips.TeamKeys;
import org.vigil.tips.attachments.AttachmentCleaner;
import org.vigil.tips.attachments.AttachmentFixtures;
import org.vigil.tips.attachments.AttachmentType;
import org.vigil.tips.attachments.CleanerSettings;
import org.vigil.tips.attachments.CleaningResult;
import org.vigil.tips.triage.TipTriageSweep;
import org.vigil.watchlists.ListLibrary;
import org.vigil.watchlists.ListLoader;
import org.vigil.watchlists.ListScreening;

/**
 * Triage on a real store, through the analyst server: a Persian tip that names an organisation the
 * store knows and a sanctioned person is triaged in the background, and the handler's queue shows
 * the link and the screening hit; analysts and other organisations' handlers see nothing of it; a
 * release puts the text into a case as a document analysts read, and tips with the same text are
 * one document (one origin). Run on H2 ({@link H2TipTriageIT}) and PostgreSQL ({@link
 * PostgresTipTriageIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TipTriageContract {
  static final String PERSIAN_TIP =
      "دیروز دو مرد از وزارت اطلاعات به خانه ما آمدند. یکی از آنها گفت که برای"
          + " Ali Akbar Ahmadian کار می‌کند و از برادرم پرسید.";
  private static final Duration WAIT = Duration.ofSeconds(120);

  @TempDir static Path dir;
  TestServer app;
  Client handler;
  Client analyst;
  Client otherHandler;
  SealingKey team;
  private Locale testLocale;
  private int locators;

  protected abstract StoreConfig freshConfig(Path dataDir) throws Exception;

  @BeforeAll
  void start() throws Exception {
    testLocale = Locale.getDefault();
    Locale.setDefault(Locale.ROOT);
    Path key = dir.resolve("team.key");
    TeamKeys.generate(key, dir);
    team = TeamKeys.sealingKey(dir).orElseThrow();
    ListLibrary library = ListLibrary.in(dir.resolve("lists"));
    ListScreening screening = ListScreening.over(library);
    app = TestServer.start(freshConfig(dir.resolve("store")), s -> s.withTipKey(key), screening);
    new ListLoader(library, Optional.of(app.store), "public", Clock.systemUTC())
        .loadAll(
            List.of(
                Path.of(
                    TipTriageContract.class
                        .getResource("/lists/sdn-json/ofac-sdn-excerpt.json")
                        .toURI())),
            Optional.empty(),
            Optional.empty(),
            line -> {});
    app.store.reindex();
    screening.current();
    app.org("org-a");
    app.org("org-b");
    app.user("alice", "org-a", Role.ANALYST);
    app.user("handler-a", "org-a", Role.TIP_HANDLER);
    app.user("handler-b", "org-b", Role.TIP_HANDLER);
    analyst = app.client().signedIn("alice");
    handler = app.client().signedIn("handler-a");
    otherHandler = app.client().signedIn("handler-b");
    Client.Reply uploaded =
        analyst.upload(
            "/documents",
            "mois.txt",
            ("The Ministry of Intelligence runs networks abroad, officials said in a statement"
                    + " published on Monday.")
                .getBytes(StandardCharsets.UTF_8),
            true);
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
  }

  @AfterAll
  void stop() {
    app.close();
    Locale.setDefault(testLocale);
  }

  /** Stores a tip as the intake does: its text sealed to the team's key, today's date only. */
  String submit(String org, String text) {
    return submit(org, text, List.of());
  }

  /** Stores a tip with attachments as the intake seals them. */
  String submit(String org, String text, List<TipRepository.SealedOriginal> originals) {
    locators++;
    String locator = String.format(Locale.ROOT, "T%07d", locators);
    SecureRandom random = new SecureRandom();
    byte[] sealed = new SealedBox(random).seal(team, text.getBytes(StandardCharsets.UTF_8));
    boolean stored =
        app.store
            .tips()
            .submit(
                new TipRepository.NewTip(
                    org,
                    locator,
                    "salt",
                    "verifier",
                    OpeningKey.generate(random).sealingKey().hex(),
                    LocalDate.now(ZoneOffset.UTC),
                    sealed,
                    originals));
    assertThat(stored).isTrue();
    return app.store.tips().byLocator(locator).orElseThrow().tipId();
  }

  /** The handler's queue entry of {@code tipId} once triage has read it. */
  JsonNode triaged(Client who, String tipId) throws InterruptedException {
    Instant until = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(until)) {
      Client.Reply queue = who.get("/tips");
      assertThat(queue.status()).as(queue.body()).isEqualTo(200);
      for (JsonNode item : queue.json().path("items")) {
        if (item.path("id").asText().equals(tipId) && item.has("triage")) {
          return item;
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError("tip " + tipId + " was not triaged within " + WAIT);
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(field).asText()));
    return out;
  }

  @Test
  void aPersianTipIsLinkedToTheKnownOrganisationAndScreenedToTheSanctionedName()
      throws InterruptedException {
    String id = submit("org-a", PERSIAN_TIP);

    JsonNode item = triaged(handler, id);
    JsonNode triage = item.path("triage");

    assertThat(triage.path("language").asText()).isEqualTo("fa");
    assertThat(texts(triage.path("links"), "id")).as(item.toString()).contains("vigil-ir-mois");
    assertThat(texts(triage.path("screening"), "caption"))
        .as(item.toString())
        .anySatisfy(c -> assertThat(c.toUpperCase(Locale.ROOT)).contains("AHMADIAN"));
    assertThat(triage.path("suggestedPriority").asInt()).isEqualTo(3);

    Client.Reply page = handler.page("/tips");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains(id).contains("/entities/vigil-ir-mois").contains("AHMADIAN");
    Client.Reply tipPage = handler.page("/tips/" + id);
    assertThat(tipPage.status()).isEqualTo(200);
    assertThat(tipPage.body()).contains("وزارت اطلاعات").contains("id=\"tip-release\"");
  }

  @Test
  void analystsAndOtherOrganisationsHandlersSeeNothingOfATip() throws InterruptedException {
    String id = submit("org-a", PERSIAN_TIP + " (2)");
    triaged(handler, id);

    assertThat(analyst.get("/tips").status()).isEqualTo(403);
    assertThat(analyst.get("/tips/" + id).status()).isEqualTo(403);
    assertThat(analyst.page("/tips").status()).isEqualTo(403);
    assertThat(analyst.page("/tips/" + id).status()).isEqualTo(403);
    assertThat(app.client().get("/tips").status()).isEqualTo(404);
    assertThat(app.client().page("/tips").status()).isEqualTo(404);

    assertThat(texts(otherHandler.get("/tips").json().path("items"), "id")).doesNotContain(id);
    assertThat(otherHandler.get("/tips/" + id).status()).isEqualTo(404);
    assertThat(otherHandler.page("/tips/" + id).status()).isEqualTo(404);
    assertThat(
            otherHandler
                .post("/tips/" + id + "/release", "{\"case\":\"x\",\"tlp\":\"amber\"}")
                .status())
        .isEqualTo(404);
  }

  @Test
  void aTipOfAnotherOrganisationIsNeverLinkedToOurEntities() throws InterruptedException {
    String id = submit("org-b", PERSIAN_TIP + " (org b)");

    JsonNode item = triaged(otherHandler, id);

    // org-a's record of the ministry is AMBER and org-b is no partner of org-a.
    assertThat(texts(item.path("triage").path("links"), "id")).doesNotContain("vigil-ir-mois");
  }

  @Test
  void aReleasedTipIsADocumentOfTheCaseAndTheSameTextTwiceIsOneDocument()
      throws InterruptedException {
    String text = "Two men from the Ministry of Intelligence watched the shop on Elm Street.";
    String first = submit("org-a", text);
    String second = submit("org-a", text);
    JsonNode item = triaged(handler, second);
    assertThat(item.path("groupSize").asInt()).isEqualTo(2);

    Client.Reply made = analyst.post("/cases", "{\"title\":\"Elm Street\",\"tlp\":\"AMBER\"}");
    String caseId = made.json().path("id").asText();
    Client.Reply refused =
        handler.post(
            "/tips/" + first + "/release", "{\"case\":\"" + caseId + "\",\"tlp\":\"amber\"}");
    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    Client.Reply shared =
        analyst.post(
            "/cases/" + caseId + "/members", "{\"kind\":\"user\",\"member\":\"handler-a\"}");
    assertThat(shared.status()).as(shared.body()).isEqualTo(200);

    Client.Reply released =
        handler.post(
            "/tips/" + first + "/release", "{\"case\":\"" + caseId + "\",\"tlp\":\"amber\"}");
    assertThat(released.status()).as(released.body()).isEqualTo(201);
    String document = released.json().path("document").asText();
    Client.Reply again =
        handler.post(
            "/tips/" + second + "/release", "{\"case\":\"" + caseId + "\",\"tlp\":\"amber\"}");
    assertThat(again.json().path("document").asText()).as(again.body()).isEqualTo(document);

    Client.Reply read = analyst.get("/documents/" + document);
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    // The tip keeps only its day; that day's midnight must not reach the document. (The
    // document's own time is the release's, which may well fall in the hour after midnight.)
    assertThat(read.body())
        .contains("Elm Street")
        .doesNotContain(first)
        .doesNotContain("T00:00:00Z");
    assertThat(analyst.get("/cases/" + caseId).body()).contains(document);
    assertThat(texts(handler.get("/tips").json().path("items"), "id"))
        .doesNotContain(first, second);
    Client.Reply twice =
        handler.post(
            "/tips/" + first + "/release", "{\"case\":\"" + caseId + "\",\"tlp\":\"amber\"}");
    assertThat(twice.status()).isEqualTo(409);
  }

  @Test
  void aReleasedTipTakesItsCleanedPhotoIntoTheCaseUnderTheTipsMarkingAndNeverAnOriginal()
      throws Exception {
    byte[] photo =
        AttachmentFixtures.withMetadata(
            AttachmentFixtures.jpeg(64, 48, 18), AttachmentType.JPEG, dir);
    CleaningResult.Cleaned cleaned =
        (CleaningResult.Cleaned)
            AttachmentCleaner.create(CleanerSettings.DEFAULT.withWorkRoot(dir))
                .clean(Optional.of("IMG_2041.jpg"), new ByteArrayInputStream(photo));
    SealedBox box = new SealedBox(new SecureRandom());
    byte[] unreadable = "not a file mat2 could read".getBytes(StandardCharsets.UTF_8);
    String id =
        submit(
            "org-a",
            "The van in this photo waits outside the warehouse on Ferry Road every night.",
            List.of(
                new TipRepository.SealedOriginal(
                    photo.length,
                    box.seal(team, photo),
                    Optional.of("image/jpeg"),
                    Optional.of(box.seal(team, cleaned.workingCopy())),
                    "cleaned"),
                new TipRepository.SealedOriginal(
                    unreadable.length,
                    box.seal(team, unreadable),
                    Optional.empty(),
                    Optional.empty(),
                    "mat2_failed")));
    app.user("carol", "org-a", Role.ANALYST);
    app.user("bob", "org-b", Role.ANALYST);
    Client.Reply made = analyst.post("/cases", "{\"title\":\"Ferry Road\",\"tlp\":\"RED\"}");
    String caseId = made.json().path("id").asText();
    analyst.post("/cases/" + caseId + "/members", "{\"kind\":\"user\",\"member\":\"handler-a\"}");

    Client.Reply released =
        handler.post("/tips/" + id + "/release", "{\"case\":\"" + caseId + "\",\"tlp\":\"red\"}");
    assertThat(released.status()).as(released.body()).isEqualTo(201);
    String document = released.json().path("document").asText();
    assertThat(released.json().path("files")).hasSize(1);
    assertThat(released.json().path("files").get(0).path("attachment").asInt()).isEqualTo(1);
    assertThat(released.json().path("withheld").get(0).asText())
        .isEqualTo("attachment 2 has no working copy (mat2_failed)");

    Client.Reply listed = analyst.get("/documents/" + document + "/files");
    assertThat(listed.status()).as(listed.body()).isEqualTo(200);
    JsonNode file = listed.json().path("files").get(0);
    assertThat(listed.json().path("files")).hasSize(1);
    assertThat(file.path("name").asText()).isEqualTo("tip-attachment-1.jpg");
    assertThat(file.path("marking").asText()).isEqualTo("TLP:RED");
    assertThat(listed.body()).doesNotContain("IMG_2041").doesNotContain(id);
    assertThat(analyst.page("/documents/" + document).body())
        .contains("tip-attachment-1.jpg")
        .contains("/files/" + file.path("id").asText());
    String fileUrl = "/documents/" + document + "/files/" + file.path("id").asText();
    HttpResponse<byte[]> download =
        HttpClient.newHttpClient()
            .send(analyst.request(fileUrl).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(cleaned.workingCopy()).isNotEqualTo(photo);
    assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
        .startsWith("attachment");
    assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    Path downloaded = Files.write(dir.resolve("downloaded.jpg"), download.body());
    assertThat(AttachmentFixtures.exiftool("-a", "-G1", downloaded.toString()))
        .doesNotContainIgnoringCase("GPS")
        .doesNotContain(AttachmentFixtures.CAMERA)
        .doesNotContain(AttachmentFixtures.AUTHOR);

    // Not named by the case, another organisation, no credentials, a file of another document.
    Client carol = app.client().signedIn("carol");
    Client bob = app.client().signedIn("bob");
    for (Client outsider : List.of(carol, bob)) {
      assertThat(outsider.get("/documents/" + document + "/files").status()).isEqualTo(404);
      Client.Reply guess = outsider.get(fileUrl);
      assertThat(guess.status()).isEqualTo(404);
      assertThat(guess.body()).doesNotContain("tip-attachment");
    }
    assertThat(app.client().get(fileUrl).status()).isIn(401, 404);
    String own =
        analyst
            .upload("/documents", "note.txt", "A note on Ferry Road traffic.".getBytes(UTF_8), true)
            .json()
            .path("id")
            .asText();
    assertThat(analyst.get("/documents/" + own + "/files/" + file.path("id").asText()).status())
        .isEqualTo(404);
    assertThat(analyst.get("/documents/" + own + "/files").json().path("files")).isEmpty();

    assertThat(app.store.audit().recent(2000))
        .anySatisfy(
            r ->
                assertThat(r.event().detail())
                    .contains("as document " + document)
                    .contains("working copies of attachments 1 (file " + file.path("id").asText())
                    .contains("not released: attachment 2 has no working copy (mat2_failed)"))
        .anySatisfy(
            r ->
                assertThat(r.event().detail())
                    .isEqualTo("file " + file.path("id").asText() + " shown"));
  }

  @Test
  void triageRunsAsThePeriodicJobOfTheStoresQueueOnWhicheverNodeTakesIt()
      throws InterruptedException {
    String id = submit("org-a", "A grey van with Tabriz plates waits by the consulate at night.");
    triaged(handler, id);
    assertThat(app.store.jobs().list(JobState.DONE, 100_000))
        .anySatisfy(j -> assertThat(j.kind()).isEqualTo(TipTriageSweep.JOB));
    assertThat(app.store.jobs().parked(1000))
        .noneSatisfy(j -> assertThat(j.kind()).isEqualTo(TipTriageSweep.JOB));
  }

  @Test
  void aTipsTriageTakesNothingFromTheNationalityOrReligionItNames() throws InterruptedException {
    String plain = submit("org-a", "A man watched the bakery on Hill Road from a parked car.");
    String marked =
        submit("org-a", "An Afghan Shia man watched the bakery on Hill Road from a parked car.");
    JsonNode a = triaged(handler, plain).path("triage");
    JsonNode b = triaged(handler, marked).path("triage");
    assertThat(b.path("suggestedPriority").asInt()).isEqualTo(a.path("suggestedPriority").asInt());
    assertThat(b.path("spamSignals")).isEqualTo(a.path("spamSignals"));
    assertThat(b.path("screening")).isEqualTo(a.path("screening"));
    assertThat(String.join(" ", texts(b.path("names"), "text")))
        .doesNotContain("Afghan")
        .doesNotContain("Shia");
    assertThat(b.toString())
        .doesNotContainIgnoringCase("ethnic")
        .doesNotContainIgnoringCase("religio");
  }

  @Test
  void theHandlerChangesThePriorityByTheFormAndItIsAudited() throws InterruptedException {
    String id = submit("org-a", "A short tip about a car parked by the consulate every night.");
    triaged(handler, id);

    Client.Reply set =
        handler.form(
            "/tips/" + id + "/priority",
            Map.of("priority", "0", RequestGuard.CSRF_FIELD, handler.csrfToken().orElseThrow()));
    assertThat(set.status()).as(set.body()).isIn(200, 303);

    assertThat(handler.get("/tips/" + id).json().path("priority").asInt()).isZero();
    assertThat(app.store.audit().recent(2000))
        .anySatisfy(
            r -> {
              assertThat(r.event().target()).isEqualTo(id);
              assertThat(r.event().detail()).isEqualTo("priority 0");
              assertThat(r.event().actor()).isNotEqualTo("intake");
            });
  }
}
