/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.auth.PasswordHasher;
import org.vigil.http.Routes;
import org.vigil.http.TestServer;
import org.vigil.store.KeptOriginal;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.watchlists.ListScreening;

/**
 * Findings 1, 2, 6 and 9 of issue 10, each as the write a hostile partner analyst (Bob, of
 * organisation B) made against Alice's organisation A, through the documented API only: what Bob
 * writes never touches what A owns, and no answer tells Bob anything about what he may not read.
 */
class OwnershipLeaksIT {
  private static final String PASSWORD = "correct horse battery staple";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir static Path dir;
  static TestServer app;
  static Store store;
  static Analyst alice;
  static Analyst bob;
  static Analyst anna;
  static String aliceId;

  @BeforeAll
  static void start() {
    // on a node pair (-Pnode-pair), two nodes whose requests alternate
    app =
        TestServer.start(
            StoreConfig.embedded(dir), s -> s, Clock.systemUTC(), opened -> ListScreening.none());
    store = app.store;
    store.accounts().createOrganization("org-a", "Organisation A");
    store.accounts().createOrganization("org-b", "Organisation B");
    String hash = PasswordHasher.standard().hash(PASSWORD);
    aliceId = store.accounts().createUser("alice", "org-a", Role.ANALYST, hash).id();
    store.accounts().createUser("bob", "org-b", Role.ANALYST, hash);
    store.accounts().createUser("anna", "org-a", Role.ANALYST, hash);
    alice = new Analyst("alice");
    bob = new Analyst("bob");
    anna = new Analyst("anna");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void partnerCannotReadAnotherOrganisationsDocumentByDeclaringItsSourceIdClear() {
    String id =
        alice.uploadStored("strict-1.txt", report("Operation Quiet Harbour"), "AMBER+STRICT");

    Reply takeover = bob.post("/statements", write(id, "CLEAR", "Forged title", "A").toString());

    assertThat(bob.get("/documents/" + id).status()).isEqualTo(404);
    assertThat(bob.get("/documents/" + id).body()).doesNotContain("Quiet Harbour");
    Reply own = alice.get("/documents/" + id);
    assertThat(own.status()).as(own.body()).isEqualTo(200);
    assertThat(own.json().path("marking").asText()).isEqualTo("TLP:AMBER+STRICT");
    assertThat(own.json().path("title").asText()).doesNotContain("Forged");
    assertThat(takeover.body()).doesNotContain("Quiet Harbour");
  }

  @Test
  void partnerCannotTakeAwayTheOwnersAccessByRemarkingItsSource() {
    String id = alice.uploadStored("amber-1.txt", report("Operation Grey Lantern"), "AMBER");

    bob.post("/statements", write(id, "AMBER+STRICT", "Mine now", "A").toString());

    Reply own = alice.get("/documents/" + id);
    assertThat(own.status()).as(own.body()).isEqualTo(200);
    assertThat(own.json().path("marking").asText()).isEqualTo("TLP:AMBER");
    assertThat(own.json().path("reliability").asText()).as("the upload's default").isEqualTo("F");
    assertThat(own.json().path("title").asText()).isNotEqualTo("Mine now");
  }

  @Test
  void partnerCannotChangeTitleReliabilityOrStatementsOfAnotherOrganisationsSource() {
    ObjectNode mine = write("report-a-7", "GREEN", "Field report seven", "B");
    statement(mine, "person-solvenne", "Person", "name", "Hadrik Solvenne");
    Reply written = alice.post("/statements", mine.toString());
    assertThat(written.status()).as(written.body()).isEqualTo(200);
    String sourceId = written.json().path("sourceId").asText();

    ObjectNode forged = write(sourceId, "GREEN", "Forged title", "F");
    statement(forged, "person-solvenne", "Person", "alias", "Planted Alias");
    bob.post("/statements", forged.toString());

    JsonNode entity = alice.get("/entities/person-solvenne").json();
    for (JsonNode property : entity.path("properties")) {
      for (JsonNode value : property) {
        if (value.path("source").path("id").asText().equals(sourceId)) {
          assertThat(value.path("value").asText()).isNotEqualTo("Planted Alias");
          assertThat(value.path("source").path("title").asText()).isEqualTo("Field report seven");
          assertThat(value.path("source").path("reliability").asText()).isEqualTo("B");
        }
      }
    }
    assertThat(entity.toString()).contains("Field report seven");
  }

  @Test
  void writeCountsDoNotTellWhetherAnotherOrganisationHoldsAStatement() {
    ObjectNode secret = write("report-a-8", "AMBER+STRICT", "Source eight", "B");
    statement(secret, "person-hidden", "Person", "name", "Secret Person Name");
    Reply written = alice.post("/statements", secret.toString());
    assertThat(written.status()).as(written.body()).isEqualTo(200);
    String sourceId = written.json().path("sourceId").asText();

    ObjectNode guessHeld = write(sourceId, "AMBER+STRICT", "Guess", "F");
    statement(guessHeld, "person-hidden", "Person", "name", "Secret Person Name");
    ObjectNode guessUnused = write("report-a-unused", "AMBER+STRICT", "Guess", "F");
    statement(guessUnused, "person-hidden", "Person", "name", "Secret Person Name");
    Reply held = bob.post("/statements", guessHeld.toString());
    Reply unused = bob.post("/statements", guessUnused.toString());

    assertThat(held.status()).as(held.body()).isEqualTo(unused.status());
    assertThat(held.json().path("inserted")).isEqualTo(unused.json().path("inserted"));
    assertThat(held.json().path("updated").asInt()).isZero();
    assertThat(held.body().replace(sourceId, "X"))
        .isEqualTo(unused.body().replace("report-a-unused", "X"));
  }

  @Test
  void writeCountsDoNotTellAColleagueWhetherARedStatementTheyMayNotReadExists() {
    ObjectNode shared = write("report-a-10", "GREEN", "Shared source", "B");
    statement(shared, "person-red", "Person", "name", "Red Secret Name")
        .putObject("marking")
        .put("tlp", "RED");
    Reply written = alice.post("/statements", shared.toString());
    assertThat(written.status()).as(written.body()).isEqualTo(200);
    String sourceId = written.json().path("sourceId").asText();

    ObjectNode guessHeld = write(sourceId, "GREEN", "Shared source", "B");
    statement(guessHeld, "person-red", "Person", "name", "Red Secret Name")
        .putObject("marking")
        .put("tlp", "RED");
    ObjectNode guessUnused = write(sourceId, "GREEN", "Shared source", "B");
    statement(guessUnused, "person-red", "Person", "name", "Red Wrong Name")
        .putObject("marking")
        .put("tlp", "RED");
    Reply unused = anna.post("/statements", guessUnused.toString());
    Reply held = anna.post("/statements", guessHeld.toString());

    assertThat(held.status()).as(held.body()).isEqualTo(200);
    assertThat(held.body()).isEqualTo(unused.body());
  }

  @Test
  void aStatementUploadCannotChangeTheMarkingOfTheOwnersDocument() {
    String id = alice.uploadStored("green-1.txt", report("Operation Amber Gate"), "GREEN");

    Reply remark = alice.post("/statements", write(id, "CLEAR", "Same", "B").toString());

    assertThat(remark.status()).as(remark.body()).isEqualTo(409);
    assertThat(remark.json().path("error").path("code").asText()).isEqualTo("marking_conflict");
    assertThat(alice.get("/documents/" + id).json().path("marking").asText())
        .isEqualTo("TLP:GREEN");
  }

  @Test
  void aSourceUriMustBeAWebFileOrUrnAddress() {
    ObjectNode body = write("report-a-9", "GREEN", "Linked", "B");
    ((ObjectNode) body.path("source")).put("uri", "javascript:alert(document.cookie)");

    Reply refused = alice.post("/statements", body.toString());

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().path("error").path("message").asText())
        .contains("source.uri")
        .contains("http");
  }

  @Test
  void anExactCopyOfAnotherOrganisationsTextIsStoredAsItsOwnAndNamesNothingHidden() {
    byte[] text = report("Operation Salt Ledger");
    String original = alice.uploadStored("salt.txt", text, "AMBER+STRICT");

    Reply copy = bob.upload("salt-copy.txt", text, "AMBER");

    assertThat(copy.status()).as(copy.body()).isEqualTo(201);
    assertThat(copy.json().path("status").asText()).isEqualTo("stored");
    assertThat(copy.body()).doesNotContain(original).doesNotContain("already");
    String own = copy.json().path("id").asText();
    assertThat(own).isNotEqualTo(original);
    assertThat(bob.get("/documents/" + own).status()).isEqualTo(200);
    assertThat(bob.get("/documents/" + own).body()).doesNotContain(original);
  }

  @Test
  void aNearCopyOfAnotherOrganisationsTextGivesNoIdAndNoSimilarity() {
    String base =
        "Courier network report. The courier Tavin Orlesk met the handler at the old port on"
            + " the third night and handed over the ledger of payments. The handler, known as"
            + " the Tailor, paid in cash and left by the northern road before dawn. Witnesses"
            + " at the harbour saw two vehicles waiting with their lights off. The ledger named"
            + " eleven recipients across four cities and listed the dates of each payment.\n";
    String original =
        alice.uploadStored(
            "ledger.txt",
            (base + "Hidden word: marigold.\n").getBytes(StandardCharsets.UTF_8),
            "AMBER+STRICT");

    Reply near =
        bob.upload(
            "ledger-guess.txt",
            (base + "Hidden word: sunflower.\n").getBytes(StandardCharsets.UTF_8),
            "AMBER");

    assertThat(near.status()).as(near.body()).isEqualTo(201);
    assertThat(near.json().path("status").asText()).isEqualTo("stored");
    assertThat(near.json().has("nearDuplicateOf")).isFalse();
    assertThat(near.json().has("similarity")).isFalse();
    assertThat(near.body()).doesNotContain(original);
  }

  @Test
  void anOrganisationStillLearnsOfItsOwnExactCopy() {
    byte[] text = report("Operation Copper Well");
    String first = alice.uploadStored("copper.txt", text, "AMBER");

    Reply again = alice.upload("copper-again.txt", text, "AMBER");

    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.json().path("status").asText()).isEqualTo("exact_duplicate");
    assertThat(again.json().path("id").asText()).isEqualTo(first);
  }

  @Test
  void reUploadOfAFileAnotherOrganisationHadRejectedKeepsTheirOriginalUntouched() {
    byte[] blank = " \n\t\n ".getBytes(StandardCharsets.US_ASCII);
    Reply rejected = alice.upload("alice-blank.txt", blank, "AMBER+STRICT");
    assertThat(rejected.status()).as(rejected.body()).isEqualTo(422);

    Reply again = bob.upload("bob-blank.txt", blank, "GREEN");
    assertThat(again.status()).as(again.body()).isEqualTo(422);

    List<KeptOriginal> kept =
        store.originals().list().stream().filter(k -> k.fileName().endsWith("-blank.txt")).toList();
    assertThat(kept)
        .extracting(k -> k.marking().ownerOrg() + " " + k.fileName() + " " + k.marking().tlp())
        .containsExactlyInAnyOrder(
            "org-a alice-blank.txt AMBER_STRICT", "org-b bob-blank.txt GREEN");
  }

  @Test
  void aRedUploadIsReadableByTheAnalystWhoUploadedIt() {
    String id = alice.uploadStored("red.txt", report("Operation Scarlet Pier"), "RED");

    Reply own = alice.get("/documents/" + id);
    assertThat(own.status()).as(own.body()).isEqualTo(200);
    assertThat(own.json().path("marking").asText()).isEqualTo("TLP:RED");
    assertThat(bob.get("/documents/" + id).status()).isEqualTo(404);
  }

  @Test
  void errorsDoNotTellWhetherAnOrganisationOrUserExists() {
    Reply existingOrg = bob.post("/statements", restricted("org-a").toString());
    Reply unknownOrg = bob.post("/statements", restricted("org-zz").toString());
    assertThat(existingOrg.status()).isEqualTo(unknownOrg.status());
    assertThat(existingOrg.body().replace("org-a", "X"))
        .isEqualTo(unknownOrg.body().replace("org-zz", "X"));

    Reply existingUser = bob.post("/statements", redFor(aliceId).toString());
    String unknown = "00000000-0000-4000-8000-000000000000";
    Reply unknownUser = bob.post("/statements", redFor(unknown).toString());
    assertThat(existingUser.status()).isEqualTo(unknownUser.status());
    assertThat(existingUser.body().replace(aliceId, "X"))
        .isEqualTo(unknownUser.body().replace(unknown, "X"));
  }

  private static ObjectNode restricted(String org) {
    ObjectNode body = write("bob-restricted", "GREEN", "Restricted", "C");
    ((ObjectNode) body.path("source").path("marking")).putArray("restrictedTo").add(org);
    statement(body, "person-probe", "Person", "name", "Probe Person");
    return body;
  }

  private static ObjectNode redFor(String userId) {
    ObjectNode body = write("bob-red", "RED", "Red", "C");
    ((ObjectNode) body.path("source").path("marking")).putArray("namedUsers").add(userId);
    statement(body, "person-probe", "Person", "name", "Probe Person");
    return body;
  }

  private static byte[] report(String operation) {
    return (operation
            + "\n\nThe network was led by Naji Ibrahim Sharifi-Zindashti, who acted for Iran's"
            + " Ministry of Intelligence and Security (MOIS). "
            + operation
            + " moved money through three exchange houses in Istanbul and Dubai.\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static ObjectNode write(String sourceId, String tlp, String title, String reliability) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode source = body.putObject("source");
    source.put("id", sourceId);
    source.put("kind", "document");
    source.put("title", title);
    source.put("reliability", reliability);
    source.putObject("marking").put("tlp", tlp);
    body.putArray("statements");
    statement(body, "person-bystander", "Person", "name", "Bystander Name");
    return body;
  }

  private static ObjectNode statement(
      ObjectNode body, String entityId, String schema, String property, String value) {
    ObjectNode s = ((ArrayNode) body.get("statements")).addObject();
    s.put("entityId", entityId);
    s.put("schema", schema);
    s.put("property", property);
    s.put("value", value);
    return s;
  }

  /** A response, its body parsed when it is JSON. */
  record Reply(int status, JsonNode json, String body) {}

  /** One analyst's session: its cookie and CSRF token. */
  static final class Analyst {
    private final String cookie;
    private final String csrf;

    Analyst(String username) {
      String body =
          JSON.createObjectNode().put("username", username).put("password", PASSWORD).toString();
      HttpResponse<String> response =
          send(request("/login").POST(HttpRequest.BodyPublishers.ofString(body)));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
      cookie = setCookie.substring(0, setCookie.indexOf(';'));
      csrf = reply(response).json().path("csrfToken").asText();
    }

    Reply get(String path) {
      return reply(send(request(path).header("Cookie", cookie).GET()));
    }

    Reply post(String path, String body) {
      return reply(
          send(
              request(path)
                  .header("Cookie", cookie)
                  .header("X-CSRF-Token", csrf)
                  .POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    /** Uploads one file under a TLP level, as the upload form sends it. */
    Reply upload(String fileName, byte[] content, String tlp) {
      String boundary = "----vigil-ownership-" + Long.toHexString(System.nanoTime());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      String head =
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"marking\"\r\n\r\nTLP:"
              + tlp
              + "\r\n--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
              + fileName
              + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
      out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
      out.writeBytes(content);
      out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return reply(
          send(
              request("/documents")
                  .header("Cookie", cookie)
                  .header("X-CSRF-Token", csrf)
                  .setHeader("Content-Type", "multipart/form-data; boundary=" + boundary)
                  .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))));
    }

    /** Uploads a file that must be stored as a new document, and returns its id. */
    String uploadStored(String fileName, byte[] content, String tlp) {
      Reply stored = upload(fileName, content, tlp);
      assertThat(stored.status()).as(stored.body()).isEqualTo(201);
      return stored.json().path("id").asText();
    }

    private static HttpRequest.Builder request(String path) {
      return HttpRequest.newBuilder(URI.create(app.base() + Routes.PREFIX + path))
          .timeout(Duration.ofSeconds(120))
          .header("Content-Type", "application/json");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
      try {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    private static Reply reply(HttpResponse<String> response) {
      String type = response.headers().firstValue("Content-Type").orElse("");
      try {
        JsonNode json =
            type.startsWith("application/json") && !response.body().isEmpty()
                ? JSON.readTree(response.body())
                : JSON.createObjectNode();
        return new Reply(response.statusCode(), json, response.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
