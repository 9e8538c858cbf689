/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;

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
                    s.loopbackUser()));
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
    String boundary = "vigil-test-boundary-7f3a";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String head =
        "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\"marking\"\r\n\r\n"
            + marking
            + "\r\n"
            + "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\"file\"; filename=\""
            + fileName
            + "\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
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
    assertThat(hidden.json().path("status").asText()).isEqualTo("exact_duplicate");
    assertThat(hidden.json().has("id")).as("bob may not see the original").isFalse();
  }

  @Test
  void badUploadsAreRefusedWithACodeAndStoreNothing() {
    long before = app.store.documents().count();

    Client.Reply empty = upload(alice, "empty.txt", new byte[0], "TLP:GREEN");
    assertThat(empty.status()).as(empty.body()).isEqualTo(422);
    assertThat(empty.errorCode()).isEqualTo("document_empty");

    Client.Reply tooLarge = upload(alice, "big.txt", new byte[80 * 1024], "TLP:GREEN");
    assertThat(tooLarge.status()).isEqualTo(413);

    byte[] pdf = "%PDF-1.7\n1 0 obj broken".getBytes(StandardCharsets.US_ASCII);
    Client.Reply corrupt = upload(alice, "broken.pdf", pdf, "TLP:GREEN");
    assertThat(corrupt.status()).as(corrupt.body()).isBetween(400, 499);
    assertThat(corrupt.errorCode()).startsWith("document_");
    assertThat(corrupt.errorMessage()).contains("broken.pdf");

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
}
