/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.store.StoreConfig;
import org.vigil.watchlists.ListLibrary;
import org.vigil.watchlists.ListLoader;
import org.vigil.watchlists.ListScreening;

/** The answer to an upload says what the document connected to, each linked to its page. */
class UploadConsequencesIT {
  private static final String REPORT =
      "Esmaeil Khatib has been Minister of Intelligence since August 2021. Officials said the"
          + " ministry watches opponents of the government abroad.";

  @TempDir static Path dir;
  static TestServer app;
  static Client alice;
  static Client bob;

  /** The locale the suite runs in (Turkish, on purpose), put back when the class ends. */
  private static Locale testLocale;

  @BeforeAll
  static void start() throws URISyntaxException {
    // vigil serve runs in the root locale (VigilCommand.main), because CoreNLP lowercases by the
    // default one: under Turkish it reads "Intelligence" as a place and the minister's link is
    // lost.
    testLocale = Locale.getDefault();
    Locale.setDefault(Locale.ROOT);
    ListLibrary library = ListLibrary.in(dir.resolve("lists"));
    ListScreening screening = ListScreening.over(library);
    app = TestServer.start(StoreConfig.embedded(dir.resolve("store")), s -> s, screening);
    new ListLoader(library, Optional.of(app.store), "public", Clock.systemUTC())
        .loadAll(
            List.of(
                Path.of(
                    UploadConsequencesIT.class
                        .getResource("/lists/sdn-json/ofac-sdn-excerpt.json")
                        .toURI())),
            Optional.empty(),
            Optional.empty(),
            line -> {});
    app.store.reindex();
    screening.current(); // built before the first upload, which screens only built lists
    app.org("org-a");
    app.org("org-b");
    app.user("alice", "org-a", Role.ANALYST);
    app.user("bob", "org-b", Role.ANALYST);
    alice = app.client().signedIn("alice");
    bob = app.client().signedIn("bob");
    ObjectNode profile = Bodies.write("analyst-profile", "AMBER");
    Bodies.statement(profile, "p-khatib", "Person", "name", "Esmaeil Khatib");
    Client.Reply written = alice.post("/statements", profile.toString());
    assertThat(written.status()).as(written.body()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    app.close();
    Locale.setDefault(testLocale);
  }

  @Test
  void theAnswerNamesTheKnownEntityTheReportMentionsAndLinksIt() {
    Client.Reply stored = upload(alice, "khatib.txt", REPORT);
    assertThat(stored.status()).as(stored.body()).isEqualTo(201);
    JsonNode known = stored.json().path("knownEntities");

    assertThat(ids(known)).as(stored.body()).contains("p-khatib");
    JsonNode khatib = byId(known, "p-khatib");
    assertThat(khatib.path("caption").asText()).isEqualTo("Esmaeil Khatib");
    assertThat(khatib.path("href").asText()).isEqualTo("/entities/p-khatib");
    assertThat(alice.get("/entities/p-khatib").status()).isEqualTo(200);
    assertThat(stored.json().path("newLinks").path(0).path("caption").asText())
        .as(stored.body())
        .startsWith("Esmaeil Khatib employed by ");
    assertThat(stored.json().path("newEvents").isArray()).isTrue();
    assertThat(stored.json().path("listMatches").isArray()).isTrue();
    assertThat(stored.json().path("documents").get(0).path("knownEntities")).isEqualTo(known);
  }

  @Test
  void theNewLinksReadFromTheReportAreListedWithTheirPages() {
    Client.Reply stored =
        upload(
            alice,
            "employment.txt",
            "Hossein Taeb, an official of the Islamic Revolutionary Guard Corps, was appointed"
                + " adviser in 2022. Esmaeil Khatib works for the Ministry of Intelligence.");
    assertThat(stored.status()).as(stored.body()).isEqualTo(201);
    JsonNode answer = stored.json();
    int relations = answer.path("relations").asInt();
    assertThat(answer.path("newLinks").size()).isEqualTo(relations);
    for (JsonNode link : answer.path("newLinks")) {
      assertThat(link.path("href").asText()).isEqualTo("/entities/" + link.path("id").asText());
      assertThat(alice.get("/entities/" + link.path("id").asText()).status()).isEqualTo(200);
    }
  }

  @Test
  void aPersonOfTheReportWhoMayBeOnAListIsAPossibleListMatchLinkedToTheEntry() {
    Client.Reply stored =
        upload(
            alice,
            "rezaie.txt",
            "Morteza Rezaie met officials of the ministry in Tehran in March 2021.");
    assertThat(stored.status()).as(stored.body()).isEqualTo(201);

    JsonNode matches = stored.json().path("listMatches");
    assertThat(matches.size()).as(stored.body()).isPositive();
    JsonNode match = matches.get(0);
    assertThat(match.path("entity").path("caption").asText()).isEqualTo("Morteza Rezaie");
    assertThat(match.path("entry").path("href").asText()).isEqualTo("/entities/ofac-sdn-10479");
    assertThat(match.path("dataset").asText()).isNotEmpty();
    assertThat(alice.page(match.path("entry").path("href").asText()).status()).isEqualTo(200);
    for (JsonNode m : matches) {
      assertThat(m.path("entity").path("id").asText())
          .as("an entity is never offered as a possible match of itself")
          .isNotEqualTo(m.path("entry").path("id").asText());
    }
  }

  @Test
  void aPlaceTheReportNamesFindsTheDocumentAndWhatHappenedThere() {
    Client.Reply stored =
        upload(
            alice,
            "isfahan.txt",
            "Hossein Taeb met officials of the Ministry of Intelligence in Isfahan in May 2022.");
    assertThat(stored.status()).as(stored.body()).isEqualTo(201);
    String document = stored.json().path("id").asText();

    JsonNode found = alice.get("/entities?q=Isfahan").json();

    List<String> hits = ids(found.path("hits"));
    assertThat(hits).as(found.toString()).contains(document);
    assertThat(hits).as(found.toString()).hasSizeGreaterThan(1);
    assertThat(bob.get("/entities?q=Isfahan").json().path("hits")).isEmpty();
  }

  @Test
  void anotherOrganisationsUploaderIsNotToldOfEntitiesTheyMayNotRead() {
    Client.Reply stored = upload(bob, "khatib-b.txt", REPORT + " Bob's copy.");
    assertThat(stored.status()).as(stored.body()).isEqualTo(201);

    assertThat(ids(stored.json().path("knownEntities"))).doesNotContain("p-khatib");
  }

  @Test
  void twoOrganisationsReadingOneNameGetTwoRecordsAndTheSecondNeverMeetsTheFirstsId() {
    String text = "Hadrik Solvenne met officials of the Ministry of Intelligence in Tabriz.";
    Client.Reply byAlice = upload(alice, "solvenne-a.txt", text);
    assertThat(byAlice.status()).as(byAlice.body()).isEqualTo(201);
    String alices = personNamed(alice, "Hadrik Solvenne");

    Client.Reply byBob = upload(bob, "solvenne-b.txt", text + " Bob's notes.");
    assertThat(byBob.status()).as(byBob.body()).isEqualTo(201);
    String bobs = personNamed(bob, "Hadrik Solvenne");

    assertThat(bobs).isNotEqualTo(alices);
    assertThat(byBob.body()).doesNotContain(alices);
    assertThat(bob.get("/entities?q=Solvenne").body()).doesNotContain(alices);
    assertThat(bob.get("/entities/" + alices).status()).isEqualTo(404);
    assertThat(bob.get("/entities/" + bobs).body()).doesNotContain(alices);
    JsonNode record = alice.get("/entities/" + alices).json();
    assertThat(record.toString())
        .doesNotContain(bobs)
        .doesNotContain(byBob.json().path("id").asText());
  }

  /** The one person of that name the client's search finds. */
  private static String personNamed(Client who, String name) {
    JsonNode hits = who.get("/entities?q=" + name.replace(" ", "+")).json().path("hits");
    List<String> ids = new ArrayList<>();
    for (JsonNode hit : hits) {
      if (hit.path("caption").asText().equals(name)
          && hit.path("schema").asText().equals("Person")) {
        ids.add(hit.path("id").asText());
      }
    }
    assertThat(ids).as(hits.toString()).hasSize(1);
    return ids.get(0);
  }

  private static List<String> ids(JsonNode entities) {
    List<String> ids = new ArrayList<>();
    entities.forEach(e -> ids.add(e.path("id").asText()));
    return ids;
  }

  private static JsonNode byId(JsonNode entities, String id) {
    for (JsonNode e : entities) {
      if (e.path("id").asText().equals(id)) {
        return e;
      }
    }
    throw new AssertionError("no " + id + " in " + entities);
  }

  private static Client.Reply upload(Client who, String fileName, String text) {
    String boundary = "vigil-upload-consequences";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"marking\"\r\n\r\n"
                + "TLP:AMBER\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data;"
                + " name=\"file\"; filename=\""
                + fileName
                + "\"\r\n"
                + "Content-Type: text/plain\r\n\r\n"
                + text
                + "\r\n--"
                + boundary
                + "--\r\n")
            .getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request =
        who.request("/documents")
            // The first upload loads the language models; on a loaded machine that takes minutes.
            .timeout(Duration.ofMinutes(5))
            .setHeader("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    who.csrfToken().ifPresent(token -> request.header("X-CSRF-Token", token));
    return who.send(request);
  }
}
