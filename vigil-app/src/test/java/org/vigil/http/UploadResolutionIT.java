/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;

/** A document uploaded over HTTP is resolved in the background, like one ingested by the CLI. */
class UploadResolutionIT {
  private static final String REPORT =
      "Esmaeil Khatib has been Minister of Intelligence since August 2021. Officials said the"
          + " ministry watches opponents of the government abroad.";
  private static final long WAIT_MILLIS = 120_000;

  @TempDir static Path dir;
  static TestServer app;
  static Client alice;

  @BeforeAll
  static void start() {
    app = TestServer.start(dir);
    app.org("org-a");
    app.user("alice", "org-a", Role.ANALYST);
    alice = app.client().signedIn("alice");
    ObjectNode profile = Bodies.write("analyst-profile", "GREEN");
    Bodies.statement(profile, "p-khatib", "Person", "name", "Esmaeil Khatib");
    Client.Reply written = alice.post("/statements", profile.toString());
    assertThat(written.status()).as(written.body()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void theUploadedReportsPersonIsMergedWithTheAnalystsOne() throws InterruptedException {
    Client.Reply stored = upload("khatib.txt", REPORT);
    assertThat(stored.status()).as(stored.body()).isEqualTo(201);

    // The run happens after the answer, on its own thread: wait for its judgement to appear and
    // for the clusters, which follow the judgement's commit, to show the merge.
    JsonNode items = null;
    JsonNode entity = null;
    long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
    while (System.nanoTime() < deadline) {
      items = alice.get("/judgements?entity=p-khatib").json().path("items");
      entity = alice.get("/entities/p-khatib").json();
      if (items.size() > 0 && entity.path("members").size() > 1) {
        break;
      }
      Thread.sleep(200);
    }

    assertThat(items).hasSize(1);
    assertThat(items.get(0).path("author").asText()).isEqualTo("machine");
    assertThat(items.get(0).path("verdict").asText()).isEqualTo("same");
    assertThat(entity.path("members")).hasSize(2);
  }

  private static Client.Reply upload(String fileName, String text) {
    String boundary = "vigil-upload-resolution";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"marking\"\r\n\r\n"
                + "TLP:GREEN\r\n--"
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
        alice
            .request("/documents")
            // The first upload loads the language models; on a loaded machine that takes minutes.
            .timeout(java.time.Duration.ofMinutes(5))
            .setHeader("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    alice.csrfToken().ifPresent(token -> request.header("X-CSRF-Token", token));
    return alice.send(request);
  }
}
