/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Permission;
import org.vigil.access.Role;
import org.vigil.access.User;
import org.vigil.audit.AuditRecord;
import org.vigil.auth.ApiTokens;
import org.vigil.auth.PasswordHasher;
import org.vigil.store.Store;

/**
 * The Entity Reconciliation API 0.2 on a real server over the fixture lists, called the way
 * spreadsheet tools call it (a screening token in the URL, queries as a form field), every answer
 * validated by ajv 8 against the W3C community group's JSON schemas in
 * ../shared/data/reconciliation/0.2.
 */
class ReconciliationApiIT {
  @TempDir static Path dir;
  static Store store;
  static TestServer app;
  static String screenToken;
  static String fullToken;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    List<Path> lists =
        List.of(fixture("agency/partner-list.csv"), fixture("un/un-consolidated-excerpt.xml"));
    app = TestServer.withLists(dir, lists);
    store = app.store;
    store.accounts().createOrganization("ctic", "CTIC");
    String hash = PasswordHasher.standard().hash(TestServer.PASSWORD);
    User ana = store.accounts().createUser("ana", "ctic", Role.ANALYST, hash);
    screenToken =
        ApiTokens.issue(
            store.accounts(),
            ana,
            "openrefine",
            Duration.ofDays(1),
            Set.of(Permission.SCREEN),
            Clock.systemUTC());
    fullToken =
        ApiTokens.issue(store.accounts(), ana, "all", Duration.ofDays(1), Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(ReconciliationApiIT.class.getResource("/lists/" + name).toURI());
  }

  record Answer(int status, JsonNode json) {}

  /** The reconciliation service's address on the node the next request goes to. */
  private static String base() {
    return app.base() + Routes.PREFIX + "/reconcile/";
  }

  private static Answer get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).GET());
  }

  private static Answer postForm(String path, String field, String value) {
    return send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    field + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
  }

  private static Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.body().isEmpty() ? null : Client.JSON.readTree(r.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String key(String token) {
    return "api_key=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }

  private static String queries() {
    ObjectNode batch = Client.JSON.createObjectNode();
    ObjectNode q0 = batch.putObject("q0").put("query", "Ghasem Examplani").put("type", "Person");
    q0.putArray("properties").addObject().put("pid", "birthDate").put("v", "1957");
    batch.putObject("q1").put("query", "Example Logistik").put("limit", 2);
    batch.putObject("q2").put("query", "Zzyzx Quorblat Vandermeer");
    batch.putObject("q3").put("type", "Person");
    return batch.toString();
  }

  @Test
  void everyAnswerOfTheServiceIsValidUnderTheW3cSchemas() throws Exception {
    String key = "?" + key(screenToken);
    Answer manifest = get("default" + key);
    assertThat(manifest.status()).isEqualTo(200);
    assertThat(manifest.json().path("versions").toString()).contains("0.2");
    assertThat(manifest.json().path("suggest").path("entity").path("service_path").asText())
        .isEqualTo("/suggest/entity" + key);

    Answer byGet =
        get("default" + key + "&queries=" + URLEncoder.encode(queries(), StandardCharsets.UTF_8));
    Answer byPost = postForm("default" + key, "queries", queries());
    assertThat(byPost.status()).isEqualTo(200);
    assertThat(byPost.json()).isEqualTo(byGet.json());
    JsonNode top = byPost.json().path("q0").path("result").get(0);
    assertThat(top.path("id").asText()).isEqualTo("partner-list-A-1");
    assertThat(top.path("name").asText()).isEqualTo("Qasem Examplani");
    assertThat(top.path("match").asBoolean()).isTrue();
    assertThat(top.path("type").get(0).path("id").asText()).isEqualTo("Person");
    assertThat(byPost.json().path("q1").path("result").size()).isBetween(1, 2);
    assertThat(byPost.json().path("q2").path("result")).isEmpty();
    assertThat(byPost.json().path("q3").path("result")).isEmpty();

    ObjectNode extend = Client.JSON.createObjectNode();
    extend.putArray("ids").add("partner-list-A-1").add("no-such-entity");
    ArrayNode props = extend.putArray("properties");
    for (String p : List.of("birthDate", "country", "program", "dataset", "alias")) {
      props.addObject().put("id", p);
    }
    Answer extended = postForm("default" + key, "extend", extend.toString());
    assertThat(extended.status()).isEqualTo(200);
    JsonNode row = extended.json().path("rows").path("partner-list-A-1");
    assertThat(row.path("birthDate").get(0).path("str").asText()).isEqualTo("1957-03");
    assertThat(row.path("program").toString()).contains("WATCH");
    assertThat(extended.json().path("rows").path("no-such-entity").path("program")).isEmpty();

    Answer suggested = get("default/suggest/entity" + key + "&prefix=qas");
    assertThat(suggested.json().path("result").get(0).path("id").asText())
        .isEqualTo("partner-list-A-1");
    Answer proposed = get("default/extend/propose" + key + "&type=Person");

    List<ObjectNode> checks = new ArrayList<>();
    checks.add(check("manifest", "manifest.json", manifest.json()));
    checks.add(check("queries", "reconciliation-result-batch.json", byPost.json()));
    checks.add(check("extend", "data-extension-response.json", extended.json()));
    checks.add(check("suggest", "suggest-entities-response.json", suggested.json()));
    checks.add(check("propose", "data-extension-property-proposal.json", proposed.json()));
    JsonNode out = validate(checks);
    assertThat(out.path("failures")).as(out.toString()).isEmpty();
    assertThat(out.path("checked").asInt()).isEqualTo(5);
  }

  @Test
  void theValidatorRefusesTheSpecificationsInvalidExamples() throws Exception {
    Path examples = reconciliation().resolve("examples");
    List<ObjectNode> checks = new ArrayList<>();
    for (String[] kind :
        List.of(
            new String[] {"manifest", "manifest.json"},
            new String[] {"reconciliation-result-batch", "reconciliation-result-batch.json"},
            new String[] {"data-extension-response", "data-extension-response.json"})) {
      try (Stream<Path> files = Files.list(examples.resolve(kind[0]).resolve("invalid"))) {
        for (Path f : files.sorted().toList()) {
          checks.add(check(f.getFileName().toString(), kind[1], Client.JSON.readTree(f.toFile())));
        }
      }
    }
    JsonNode out = validate(checks);
    assertThat(out.path("checked").asInt()).isGreaterThanOrEqualTo(10);
    assertThat(out.path("failures").size()).isEqualTo(out.path("checked").asInt());
  }

  @Test
  void aTokenInTheUrlMustBeAScreeningTokenAndIsNeverWrittenToTheAuditLog() {
    assertThat(get("default?" + key(fullToken)).status()).isEqualTo(401);
    assertThat(get("default?api_key=not-a-token").status()).isEqualTo(401);
    assertThat(get("default").status()).isEqualTo(401);
    assertThat(get("no-such-list?" + key(screenToken)).status()).isEqualTo(404);
    // Elsewhere a token in the URL is not taken at all.
    Answer elsewhere =
        send(
            HttpRequest.newBuilder(
                    URI.create(app.base() + Routes.PREFIX + "/lists?" + key(screenToken)))
                .GET());
    assertThat(elsewhere.status()).isEqualTo(401);
    assertThat(get("default?" + key(screenToken)).status()).isEqualTo(200);
    List<AuditRecord> rows = store.audit().recent(50);
    assertThat(rows).isNotEmpty();
    for (AuditRecord r : rows) {
      assertThat(r.event().target() + " " + r.event().detail())
          .doesNotContain(screenToken)
          .doesNotContain(fullToken);
    }
  }

  private static ObjectNode check(String name, String schema, JsonNode instance) {
    ObjectNode c = Client.JSON.createObjectNode().put("name", name).put("schema", schema);
    c.set("instance", instance);
    return c;
  }

  private static JsonNode validate(List<ObjectNode> checks) throws Exception {
    Path modules = ajv();
    Path script = dir.resolve("validate_reconciliation.js");
    if (!Files.exists(script)) {
      try (InputStream in =
          ReconciliationApiIT.class.getResourceAsStream("validate_reconciliation.js")) {
        Files.copy(in, script);
      }
    }
    Path input = Files.createTempFile(dir, "checks", ".json");
    Files.writeString(input, Client.JSON.writeValueAsString(checks));
    ProcessBuilder pb =
        new ProcessBuilder(
            "node",
            script.toString(),
            reconciliation().resolve("schemas").toString(),
            input.toString());
    pb.environment().put("NODE_PATH", modules.toString());
    pb.redirectError(dir.resolve("node.err").toFile());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(Files.readString(dir.resolve("node.err"))).isZero();
    return Client.JSON.readTree(out);
  }

  /** ajv 8 and ajv-formats from npm, installed by the test into target/reconciliation-ajv. */
  private static synchronized Path ajv() throws IOException, InterruptedException {
    Path prefix = Path.of("target", "reconciliation-ajv").toAbsolutePath();
    Path modules = prefix.resolve("node_modules");
    if (!Files.isDirectory(modules.resolve("ajv"))
        || !Files.isDirectory(modules.resolve("ajv-formats"))) {
      Files.createDirectories(prefix);
      Process p =
          new ProcessBuilder(
                  "npm",
                  "install",
                  "--no-audit",
                  "--no-fund",
                  "--prefix",
                  prefix.toString(),
                  "ajv@8.17.1",
                  "ajv-formats@3.0.1")
              .redirectErrorStream(true)
              .start();
      String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor()).as("npm install ajv:\n" + log).isZero();
    }
    return modules;
  }

  /** The W3C reconciliation API 0.2 folder in ../shared/data, found from here upwards. */
  static Path reconciliation() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared/data/reconciliation/0.2");
      if (Files.isDirectory(candidate.resolve("schemas"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("shared/data/reconciliation/0.2 is not above here");
  }
}
