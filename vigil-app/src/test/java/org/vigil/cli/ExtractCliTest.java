/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.cli.CliRunner.vigil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil extract} on short reports written by the test. */
class ExtractCliTest {
  static final String REPORT =
      "Smuggling network sanctioned\n\n"
          + "The network was led by Naji Ibrahim Sharifi-Zindashti, who acted on behalf of Iran's"
          + " Ministry of Intelligence and Security (MOIS).\n\n"
          + "On 29 January 2024, OFAC and the UK sanctioned Naji Ibrahim Sharifi-Zindashti.\n\n"
          + "Iran's Ministry of Intelligence claimed it had arrested 17 CIA spies."
          + " Washington called the report totally false.\n";

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static List<JsonNode> lines(String out) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : out.split("\\R")) {
      if (!line.isBlank()) {
        nodes.add(JSON.readTree(line));
      }
    }
    return nodes;
  }

  @Test
  void printsMentionsRelationsAndEventsOneJsonObjectPerLine() throws IOException {
    Path file = Files.writeString(dir.resolve("report.txt"), REPORT, StandardCharsets.UTF_8);

    CliRunner.Run run = vigil("extract", file.toString());

    assertThat(run.code()).as(run.err()).isZero();
    List<JsonNode> found = lines(run.out());
    assertThat(found).extracting(n -> n.path("kind").asText()).contains("mention", "relation");
    JsonNode mois =
        found.stream()
            .filter(n -> n.path("kind").asText().equals("mention"))
            .filter(n -> n.path("text").asText().equals("MOIS"))
            .findFirst()
            .orElseThrow();
    assertThat(mois.path("type").asText()).isEqualTo("ORGANIZATION");
    assertThat(REPORT.strip().substring(mois.path("start").asInt(), mois.path("end").asInt()))
        .isEqualTo("MOIS");
    JsonNode relation =
        found.stream().filter(n -> n.path("kind").asText().equals("relation")).findFirst().get();
    assertThat(relation.path("source").asText()).contains("Zindashti");
    assertThat(relation.path("evidence").asText()).contains("led by");
    assertThat(relation.has("schema") && relation.has("confidence")).isTrue();
    JsonNode sanction =
        found.stream()
            .filter(n -> n.path("schema").asText().equals("Sanction"))
            .findFirst()
            .orElseThrow();
    assertThat(sanction.path("date").asText()).isEqualTo("2024-01-29");
    assertThat(sanction.path("participants").toString()).contains("Zindashti");
    JsonNode arrest =
        found.stream()
            .filter(n -> n.path("kind").asText().equals("event"))
            .filter(n -> n.path("evidence").asText().contains("17 CIA spies"))
            .findFirst()
            .orElseThrow();
    assertThat(arrest.path("disputed").asBoolean()).isTrue();
  }

  @Test
  void tablePrintsOneLinePerFinding() throws IOException {
    Path file = Files.writeString(dir.resolve("report.txt"), REPORT, StandardCharsets.UTF_8);

    CliRunner.Run run = vigil("extract", "--format", "table", file.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("kind").contains("relation").contains("DISPUTED");
  }

  @Test
  void emptyFileExitsWithItsReason() throws IOException {
    Path file = Files.write(dir.resolve("empty.txt"), new byte[0]);

    CliRunner.Run run = vigil("extract", file.toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("empty.txt").contains("empty");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void nlpEvaluationsSayWhereTheyLookedForTheSharedData() {
    Path nowhere = dir.resolve("nowhere");
    for (String evaluation : List.of("ner", "relations")) {
      CliRunner.Run run = vigil("eval", evaluation, "--shared", nowhere.toString());

      assertThat(run.code()).isEqualTo(1);
      assertThat(run.err()).contains(nowhere.toString()).contains("--shared");
    }
  }

  @Test
  void nerEvaluationWithoutCorporaNamesWhatItLookedFor() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("shared"));

    CliRunner.Run run = vigil("eval", "ner", "--no-baseline", "--shared", empty.toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("nlp/re3d").contains("nlp/wikigold");
  }

  @Test
  void kbpWithAMissingModelsJarNamesIt() throws IOException {
    Path file = Files.writeString(dir.resolve("report.txt"), REPORT, StandardCharsets.UTF_8);
    Path jar = dir.resolve("no-such-models.jar");

    CliRunner.Run run =
        vigil("extract", "--kbp", "--corenlp-models", jar.toString(), file.toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("--kbp").contains(jar.toAbsolutePath().toString());
    assertThat(run.out()).isEmpty();
  }
}
