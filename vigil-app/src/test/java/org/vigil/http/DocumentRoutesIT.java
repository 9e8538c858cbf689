/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.documents.TestDocuments;
import org.vigil.ingest.IngestLimits;

/**
 * {@code POST /documents} and {@code GET /documents/{id}}: an upload is stored with its statements
 * and shown to those who may see its marking; a bad upload stores nothing.
 */
class DocumentRoutesIT {
  private static final String REPORT =
      "Smuggling network sanctioned\n\n"
          + "The network was led by Naji Ibrahim Sharifi-Zindashti, who acted on behalf of Iran's"
          + " Ministry of Intelligence and Security (MOIS).\n\n"
          + "On 29 January 2024, OFAC and the UK sanctioned Naji Ibrahim Sharifi-Zindashti.\n";

  @TempDir static Path dir;
  static TestServer app;
  static Client alice;
  static Client bob;
  static Client viewer;

  @BeforeAll
  static void start() {
    app =
        TestServer.start(
            dir,
            s ->
                new ServerSettings(
                        s.bindAddress(),
                        s.port(),
                        64 * 1024,
                        s.sessionTtl(),
                        s.version(),
                        s.loopbackUser())
                    .withIngestLimits(IngestLimits.DEFAULT.withMaxBytes(16 * 1024)));
    app.org("org-a");
    app.org("org-b");
    app.user("alice", "org-a", Role.ANALYST);
    app.user("bob", "org-b", Role.ANALYST);
    app.user("vera", "org-a", Role.VIEWER);
    alice = app.client().signedIn("alice");
    bob = app.client().signedIn("bob");
    viewer = app.client().signedIn("vera");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** A multipart/form-data upload of {@code content} as {@code fileName}, with a marking. */
  static Client.Reply upload(Client client, String fileName, byte[] content, String marking) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(fileName, content);
    return upload(client, files, marking);
  }

  /** A multipart/form-data upload of several files in the field 'file', with a marking. */
  static Client.Reply upload(Client client, Map<String, byte[]> files, String marking) {
    String boundary = "vigil-test-boundary-7f3a";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String head =
        "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\"marking\"\r\n\r\n"
            + marking
            + "\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      String part =
          "--"
              + boundary
              + "\r\n"
              + "Content-Disposition: form-data; name=\"file\"; filename=\""
              + file.getKey()
              + "\"\r\n"
              + "Content-Type: application/octet-stream\r\n\r\n";
      body.writeBytes(part.getBytes(StandardCharsets.UTF_8));
      body.writeBytes(file.getValue());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request =
        client
            .request("/documents")
            .setHeader("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    client.csrfToken().ifPresent(token -> request.header("X-CSRF-Token", token));
    return client.send(request);
  }

  @Test
  void anUploadIsStoredWithItsStatementsAndShownToItsOrganisationOnly() {
    Client.Reply stored =
        upload(alice, "report.txt", REPORT.getBytes(StandardCharsets.UTF_8), "TLP:AMBER");

    assertThat(stored.status()).as(stored.body()).isEqualTo(201);
    assertThat(stored.json().path("status").asText()).isEqualTo("stored");
    assertThat(stored.json().path("relations").asInt()).isPositive();
    assertThat(stored.json().path("statements").asInt()).isPositive();
    String id = stored.json().path("id").asText();

    Client.Reply shown = alice.get("/documents/" + id);
    assertThat(shown.status()).as(shown.body()).isEqualTo(200);
    assertThat(shown.json().path("text").asText()).contains("Sharifi-Zindashti");
    assertThat(shown.json().path("fileName").asText()).isEqualTo("report.txt");
    assertThat(shown.json().path("marking").asText()).isEqualTo("TLP:AMBER");
    assertThat(viewer.get("/documents/" + id).status()).isEqualTo(200);
    assertThat(bob.get("/documents/" + id).status()).isEqualTo(404);

    Client.Reply again =
        upload(alice, "copy.txt", REPORT.getBytes(StandardCharsets.UTF_8), "TLP:AMBER");
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.json().path("status").asText()).isEqualTo("exact_duplicate");
    assertThat(again.json().path("id").asText()).isEqualTo(id);
    Client.Reply hidden =
        upload(bob, "copy.txt", REPORT.getBytes(StandardCharsets.UTF_8), "TLP:AMBER");
    assertThat(hidden.status()).as(hidden.body()).isEqualTo(201);
    assertThat(hidden.json().path("status").asText())
        .as("bob may not see alice's copy: his is stored as his own")
        .isEqualTo("stored");
    assertThat(hidden.json().path("id").asText()).isNotEqualTo(id);
    assertThat(hidden.body()).doesNotContain(id);
  }

  @Test
  void badUploadsAreRefusedWithACodeAndStoreNothing() {
    long before = app.store.documents().count();

    Client.Reply empty = upload(alice, "empty.txt", new byte[0], "TLP:GREEN");
    assertThat(empty.status()).as(empty.body()).isEqualTo(422);
    assertThat(empty.errorCode()).isEqualTo("document_empty");

    Client.Reply tooLarge = upload(alice, "big.txt", new byte[80 * 1024], "TLP:GREEN");
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.errorMessage())
        .contains("larger than the limit of " + 64 * 1024 + " bytes");
    Client.Reply tooLargeFile =
        upload(
            alice, "long.txt", "word ".repeat(4000).getBytes(StandardCharsets.UTF_8), "TLP:GREEN");
    assertThat(tooLargeFile.status()).as(tooLargeFile.body()).isEqualTo(413);
    assertThat(tooLargeFile.errorMessage())
        .contains("long.txt: 20000 bytes is larger than the limit of 16384");

    byte[] pdf = "%PDF-1.7\n1 0 obj broken".getBytes(StandardCharsets.US_ASCII);
    Client.Reply corrupt = upload(alice, "broken.pdf", pdf, "TLP:GREEN");
    assertThat(corrupt.status()).as(corrupt.body()).isBetween(400, 499);
    assertThat(corrupt.errorCode()).startsWith("document_");
    assertThat(corrupt.errorMessage()).contains("broken.pdf");

    byte[] program = new byte[1024];
    program[0] = 'M';
    program[1] = 'Z';
    Client.Reply exe = upload(alice, "setup.exe", program, "TLP:GREEN");
    assertThat(exe.status()).as(exe.body()).isEqualTo(415);
    assertThat(exe.errorCode()).isEqualTo("document_unsupported");
    assertThat(exe.errorMessage()).contains("setup.exe").contains("program");

    assertThat(app.store.documents().count()).isEqualTo(before);
  }

  @Test
  void readersMayNotUploadAndUnknownDocumentsAreNotFound() {
    Client.Reply refused =
        upload(viewer, "report.txt", REPORT.getBytes(StandardCharsets.UTF_8), "TLP:GREEN");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(alice.get("/documents/doc-0000").status()).isEqualTo(404);
    assertThat(Optional.ofNullable(alice.get("/documents/bad%20id").errorCode()))
        .contains("invalid_value");
  }

  @Test
  void severalFilesGetAResultEachAndABadOneIsKeptWhileTheOthersAreStored() {
    byte[] report =
        (REPORT + "\nA second desk confirmed the designation on the same day.\n")
            .getBytes(StandardCharsets.UTF_8);
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("desk-report.txt", report);
    files.put("desk-report-copy.txt", report);
    files.put("blank.txt", new byte[0]);

    Client.Reply reply = upload(alice, files, "TLP:AMBER");

    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    assertThat(reply.json().path("name").asText()).isEqualTo("desk-report.txt");
    JsonNode documents = reply.json().path("documents");
    assertThat(documents).hasSize(3);
    assertThat(documents.get(0).path("status").asText()).isIn("stored", "near_duplicate");
    assertThat(documents.get(1).path("status").asText()).isEqualTo("exact_duplicate");
    assertThat(documents.get(1).path("id").asText())
        .isEqualTo(documents.get(0).path("id").asText());
    assertThat(documents.get(2).path("status").asText()).isEqualTo("rejected");
    assertThat(documents.get(2).path("code").asText()).isEqualTo("document_empty");
    assertThat(documents.get(2).path("originalKept").asBoolean()).isTrue();
    assertThat(app.store.originals().list())
        .anyMatch(k -> k.fileName().equals("blank.txt") && k.status().equals("empty"));
  }

  @Test
  void anUploadOfNothingButUnsupportedFilesIsRefusedWith415() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("noise-1.bin", TestDocuments.junk(4096, 1));
    files.put("noise-2.bin", TestDocuments.junk(4096, 2));
    long before = app.store.documents().count();

    Client.Reply reply = upload(alice, files, "TLP:GREEN");

    assertThat(reply.status()).as(reply.body()).isEqualTo(415);
    assertThat(reply.errorMessage()).contains("noise-1.bin").contains("noise-2.bin");
    assertThat(reply.json().path("documents")).hasSize(2);
    assertThat(app.store.documents().count()).isEqualTo(before);
  }
}
