/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.auth.PasswordHasher;
import org.vigil.cli.VigilCommand;
import org.vigil.store.Store;

/**
 * Screening results a person can decide on, on the page, the JSON API and the command line: one
 * person's entries on two lists are one candidate, each entry shows what its list says (born,
 * countries, programmes) beside the query's own details, and an entry of another kind than the
 * query's (a vessel for a person) is ranked down with the reason.
 */
class ScreeningCandidatesIT {
  // Two agency lists: the first is the fixture's partner list; the second, written here, names
  // the same person (same name, agreeing birth date), another man of the same name born
  // elsewhere and later, and a vessel named after the first.
  private static final String ALLIED =
      String.join(
          "\n",
          "id,name,schema,aliases,country,birth_date,programs",
          "B-1,Qasem Examplani,Person,,ir,1957-03-11,ALLIED-1",
          "B-2,Qasem Examplani,Person,,iq,1979,ALLIED-2",
          "B-3,Qasem Examplani,Vessel,,ir,,ALLIED-3",
          "");

  @TempDir static Path dir;
  static TestServer app;
  static Store store;
  static Client analyst;

  @BeforeAll
  static void start() throws Exception {
    Path allied = Files.writeString(dir.resolve("allied-list.csv"), ALLIED, StandardCharsets.UTF_8);
    List<Path> lists =
        List.of(
            Path.of(
                ScreeningCandidatesIT.class.getResource("/lists/agency/partner-list.csv").toURI()),
            allied);
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

  @Test
  void theApiGroupsOnePersonsEntriesAndGivesEachEntrysDetails() {
    Client.Reply reply =
        analyst.post(
            "/screen", "{\"name\":\"Qasem Examplani\",\"schema\":\"Person\",\"threshold\":0.3}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode a1 = match(reply.json(), "partner-list", "A-1");
    JsonNode b1 = match(reply.json(), "allied-list", "B-1");
    JsonNode b2 = match(reply.json(), "allied-list", "B-2");
    JsonNode b3 = match(reply.json(), "allied-list", "B-3");

    assertThat(a1.path("candidate").asInt()).isEqualTo(b1.path("candidate").asInt());
    assertThat(b2.path("candidate").asInt()).isNotEqualTo(a1.path("candidate").asInt());
    assertThat(b1.path("birthDates").get(0).asText()).isEqualTo("1957-03-11");
    assertThat(b2.path("countries").get(0).asText()).isEqualTo("iq");
    assertThat(b1.path("authority").asText()).isEqualTo("agency");
    assertThat(b3.path("evidence").toString()).contains("schema differs");
    assertThat(b3.path("score").asDouble()).isLessThan(b2.path("score").asDouble());
  }

  @Test
  void thePageShowsOneCandidateOnTwoListsBesideTheQueryAndExplainsTheVessel() {
    Client.Reply reply =
        analyst.form(
            "/screening",
            Map.of(
                "csrf",
                analyst.csrfToken().orElseThrow(),
                "names",
                "Qasem Examplani",
                "schema",
                "Person"));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    String html = reply.body();

    assertThat(html)
        .contains("the same person on 2 lists")
        .contains("<td class=\"query\">Person</td>")
        .contains("1957-03-11")
        .contains("ALLIED-2");
    assertThat(html).contains("Ranked down: the query is a person, this entry a vessel");
  }

  @Test
  void theCommandLineNumbersCandidatesAndShowsBirthDates() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        VigilCommand.commandLine(
                new java.io.ByteArrayInputStream(new byte[0]),
                name -> Optional.empty(),
                new PrintWriter(out, true),
                new PrintWriter(err, true))
            .execute(
                "screen",
                "--name",
                "Qasem Examplani",
                "--schema",
                "Person",
                "--data",
                dir.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("(schema Person, born unknown, country unknown)")
        .contains("CANDIDATE")
        .contains("BORN")
        .contains("1957-03-11")
        .contains("Rows with one CANDIDATE number are one person's");
  }

  private static JsonNode match(JsonNode result, String dataset, String id) {
    List<String> seen = new ArrayList<>();
    for (JsonNode m : result.path("matches")) {
      seen.add(m.path("dataset").asText() + " " + m.path("entityId").asText());
      if (m.path("dataset").asText().equals(dataset) && m.path("entityId").asText().equals(id)) {
        return m;
      }
    }
    throw new AssertionError(dataset + " " + id + " is not among the matches " + seen);
  }
}
