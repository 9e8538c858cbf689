/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.auth.PasswordHasher;
import org.vigil.cli.VigilCommand;
import org.vigil.lists.SanctionsLists;
import org.vigil.store.Store;

/**
 * One CSV file screened on all three surfaces (the command line, the JSON API and the screening
 * page) gives the same matches for every row, and the same problem for every bad row: they share
 * one reader of rows and one front door.
 */
class ScreeningSurfacesIT {
  private static final String CSV =
      String.join(
          "\n",
          "name,date_of_birth,nationality",
          "Ghasem Examplani,1957,Iran",
          "\"Example Logistics, GmbH\",,",
          ",1957,",
          "Qasem Examplani,not-a-date,",
          "Example Logistik,,Atlantis",
          "Zzyzx Qwertyuiop,,",
          "");

  @TempDir static Path dir;
  static TestServer app;
  static Store store;
  static Client analyst;

  @BeforeAll
  static void start() throws Exception {
    List<Path> lists =
        List.of(fixture("agency/partner-list.csv"), fixture("un/un-consolidated-excerpt.xml"));
    app = TestServer.withLists(dir, lists);
    store = app.store;
    store.accounts().createOrganization("ctic", "CTIC");
    store
        .accounts()
        .createUser(
            "ana", "ctic", Role.ANALYST, PasswordHasher.standard().hash(TestServer.PASSWORD));
    analyst = app.client().signedIn("ana");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** What one surface made of one row: the list entries matched, best first, or the problem. */
  record Answer(List<String> matches, String problem) {}

  @Test
  void oneCsvFileGivesTheSameMatchesOnTheCommandLineTheApiAndThePage() throws Exception {
    List<Answer> cli = commandLine();
    List<Answer> api = api();
    List<Answer> page = page();

    assertThat(cli).hasSize(6);
    assertThat(cli.get(0).matches()).isNotEmpty();
    assertThat(cli.get(1).matches()).isNotEmpty();
    assertThat(cli.get(2).problem()).startsWith("line 4: name: ");
    assertThat(cli.get(3).problem()).contains("line 5: birthDate: ").contains("not-a-date");
    assertThat(cli.get(4).problem()).contains("line 6: country: ").contains("Atlantis");
    assertThat(cli.get(5)).isEqualTo(new Answer(List.of(), ""));
    assertThat(api).isEqualTo(cli);
    assertThat(page).isEqualTo(cli);
  }

  @Test
  void theApiAndThePageGiveEachMatchTheSameReasonsInSentences() {
    List<String> api = new ArrayList<>();
    HttpRequest.Builder request =
        analyst
            .request("/screen")
            .setHeader("Content-Type", "text/csv; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(CSV));
    analyst.csrfToken().ifPresent(t -> request.header("X-CSRF-Token", t));
    Client.Reply reply = analyst.send(request);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    for (JsonNode item : reply.json().path("results")) {
      for (JsonNode match : item.path("matches")) {
        assertThat(match.path("explanation").asText()).isNotBlank();
        api.add(match.path("reasons").asText());
      }
    }
    List<String> page = new ArrayList<>();
    Matcher reasons = Pattern.compile("<p class=\"reasons\">([^<]*)</p>").matcher(pageBody());
    while (reasons.find()) {
      page.add(unescape(reasons.group(1)));
    }

    assertThat(api).isNotEmpty();
    assertThat(api.get(0))
        .contains(" entry ")
        .contains(" scores ")
        .contains(" through its name ")
        .endsWith(".");
    assertThat(page).containsExactlyInAnyOrderElementsOf(api);
  }

  private static List<Answer> commandLine() throws Exception {
    Path input = Files.writeString(dir.resolve("queries.csv"), CSV, StandardCharsets.UTF_8);
    Path output = dir.resolve("results.jsonl");
    StringWriter err = new StringWriter();
    int code =
        VigilCommand.commandLine(
                new java.io.ByteArrayInputStream(new byte[0]),
                name -> Optional.empty(),
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true))
            .execute(
                "screen",
                "--input",
                input.toString(),
                "--output",
                output.toString(),
                "--data",
                dir.toString());
    assertThat(code).as(err.toString()).isZero();
    List<Answer> answers = new ArrayList<>();
    for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
      JsonNode json = Client.JSON.readTree(line);
      List<String> matches = new ArrayList<>();
      json.path("matches")
          .forEach(
              m ->
                  matches.add(
                      SanctionsLists.storeId(
                          m.path("dataset").asText(), m.path("entity_id").asText())));
      answers.add(new Answer(matches, json.path("error").asText("")));
    }
    return answers;
  }

  private static List<Answer> api() {
    HttpRequest.Builder request =
        analyst
            .request("/screen")
            .setHeader("Content-Type", "text/csv; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(CSV));
    analyst.csrfToken().ifPresent(t -> request.header("X-CSRF-Token", t));
    Client.Reply reply = analyst.send(request);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    List<Answer> answers = new ArrayList<>();
    for (JsonNode item : reply.json().path("results")) {
      List<String> matches = new ArrayList<>();
      item.path("matches")
          .forEach(
              m ->
                  matches.add(
                      SanctionsLists.storeId(
                          m.path("dataset").asText(), m.path("entityId").asText())));
      answers.add(new Answer(matches, item.path("error").path("message").asText("")));
    }
    return answers;
  }

  private static List<Answer> page() {
    String body = pageBody();
    List<Answer> answers = new ArrayList<>();
    String[] screened = body.split("<li class=\"screened\">");
    Pattern link = Pattern.compile("<th>\\s*<a href=\"/entities/([^\"]+)\"");
    Pattern error = Pattern.compile("<p class=\"error\">([^<]*)</p>");
    for (int i = 1; i < screened.length; i++) {
      List<String> matches = new ArrayList<>();
      Matcher m = link.matcher(screened[i]);
      while (m.find()) {
        matches.add(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8));
      }
      Matcher e = error.matcher(screened[i]);
      answers.add(new Answer(matches, e.find() ? unescape(e.group(1)) : ""));
    }
    return answers;
  }

  // The screening page's answer to the CSV file uploaded as a form.
  private static String pageBody() {
    String boundary = "----vigil-test-" + Long.toHexString(System.nanoTime());
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n"
                + analyst.csrfToken().orElseThrow()
                + "\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"csv\"; filename=\"queries.csv\""
                + "\r\nContent-Type: text/csv\r\n\r\n"
                + CSV
                + "\r\n--"
                + boundary
                + "--\r\n")
            .getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(app.base() + "/screening"))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Cookie", analyst.cookie().orElseThrow())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    Client.Reply reply = analyst.send(request);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.body();
  }

  private static String unescape(String html) {
    return html.replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(ScreeningSurfacesIT.class.getResource("/lists/" + name).toURI());
  }
}
