/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;

/** Every kind of bad request gets its own status, code and a message naming the problem. */
class BadInputIT {
  static final long LIMIT = 4_096;

  @TempDir static Path dir;
  static TestServer app;
  static Client writer;
  long statementsBefore;

  @BeforeAll
  static void start() {
    app = TestServer.start(dir, s -> s.withMaxBodyBytes(LIMIT));
    app.org("org-a");
    app.org("org-b");
    app.user("writer", "org-a", Role.ANALYST);
    app.user("reader", "org-a", Role.VIEWER);
    writer = app.client().signedIn("writer");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @BeforeEach
  void count() {
    statementsBefore = app.store.statements().count();
  }

  @AfterEach
  void nothingWasWritten() {
    assertThat(app.store.statements().count()).isEqualTo(statementsBefore);
  }

  @Test
  void malformedJsonIsABadRequestNamingWhere() {
    Client.Reply reply = writer.post("/statements", "{\"source\": {\"id\": ");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("bad_request");
    assertThat(reply.errorMessage()).startsWith("malformed JSON");
  }

  @Test
  void unknownSchemaIsNamed() {
    ObjectNode body = Bodies.write("src-1", "GREEN");
    Bodies.statement(body, "p-1", "Persn", "name", "Ali Rezaei");
    Client.Reply reply = writer.post("/statements", body.toString());
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("invalid_value");
    assertThat(reply.errorMessage()).contains("statements[0].schema").contains("'Persn'");
  }

  @Test
  void unknownPropertyIsNamed() {
    ObjectNode body = Bodies.write("src-1", "GREEN");
    Bodies.statement(body, "p-1", "Person", "name", "Ali Rezaei");
    Bodies.statement(body, "p-1", "Person", "shoeSize", "44");
    Client.Reply reply = writer.post("/statements", body.toString());
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("invalid_value");
    assertThat(reply.errorMessage()).contains("statements[1].property").contains("'shoeSize'");
  }

  @Test
  void edgeWithoutItsEndsIsRefused() {
    ObjectNode body = Bodies.write("src-1", "GREEN");
    Bodies.statement(body, "m-1", "Membership", "member", "p-1");
    Client.Reply reply = writer.post("/statements", body.toString());
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("invalid_value");
    assertThat(reply.errorMessage()).contains("m-1").contains("organization");
  }

  @Test
  void badDateIsNamed() {
    ObjectNode body = Bodies.write("src-1", "GREEN");
    Bodies.statement(body, "p-1", "Person", "birthDate", "the spring of 1970");
    Client.Reply reply = writer.post("/statements", body.toString());
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("invalid_value");
    assertThat(reply.errorMessage()).contains("statements[0]").contains("the spring of 1970");
  }

  @Test
  void valueOfTheWrongJsonTypeIsABadRequest() {
    ObjectNode body = Bodies.write("src-1", "GREEN");
    Bodies.statement(body, "p-1", "Person", "name", "x").putObject("value");
    Client.Reply reply = writer.post("/statements", body.toString());
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("bad_request");
    assertThat(reply.errorMessage()).contains("statements[0].value");
  }

  @Test
  void writingForAnotherOrganisationIsForbidden() {
    ObjectNode body = Bodies.write("src-1", "GREEN");
    ((ObjectNode) body.path("source").path("marking")).put("owner", "org-b");
    Bodies.statement(body, "p-1", "Person", "name", "Ali Rezaei");
    Client.Reply reply = writer.post("/statements", body.toString());
    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.errorCode()).isEqualTo("forbidden");
    assertThat(reply.errorMessage()).contains("org-b");
  }

  @Test
  void viewerMayNotWrite() {
    Client reader = app.client().signedIn("reader");
    ObjectNode body = Bodies.write("src-1", "GREEN");
    Bodies.statement(body, "p-1", "Person", "name", "Ali Rezaei");
    Client.Reply reply = reader.post("/statements", body.toString());
    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.errorCode()).isEqualTo("forbidden");
  }

  @Test
  void missingCsrfTokenIsRefusedForCookieSessions() {
    ObjectNode body = Bodies.write("src-1", "GREEN");
    Bodies.statement(body, "p-1", "Person", "name", "Ali Rezaei");
    Client.Reply reply = writer.postWithoutCsrf("/statements", body.toString());
    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.errorCode()).isEqualTo("csrf");
  }

  @Test
  void bodyOverTheLimitIsRefusedWith413() {
    String big = "{\"pad\": \"" + "x".repeat((int) LIMIT) + "\"}";
    Client.Reply declared = writer.post("/statements", big);
    assertThat(declared.status()).isEqualTo(413);
    assertThat(declared.errorCode()).isEqualTo("too_large");

    // Chunked, with no Content-Length: the limit holds while reading.
    byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder chunked =
        writer
            .request("/statements")
            .header("X-CSRF-Token", writer.csrfToken().orElseThrow())
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
    Client.Reply streamed = writer.send(chunked);
    assertThat(streamed.status()).isEqualTo(413);
    assertThat(streamed.errorCode()).isEqualTo("too_large");
  }

  @Test
  void badSearchParametersAreNamed() {
    assertThat(writer.get("/entities?q=x&schema=Persn").errorMessage()).contains("'Persn'");
    assertThat(writer.get("/entities?q=x&limit=lots").errorCode()).isEqualTo("invalid_value");
    assertThat(writer.get("/entities?q=x&limit=0").status()).isEqualTo(400);
    assertThat(writer.get("/entities").errorCode()).isEqualTo("bad_request");
  }
}
