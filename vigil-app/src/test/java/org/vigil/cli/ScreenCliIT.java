/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.cli.CliRunner.fixture;
import static org.vigil.cli.CliRunner.vigil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil screen} and {@code vigil names compare}, in-process, on the fixture lists. */
class ScreenCliIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path data;
  @TempDir Path work;

  @BeforeAll
  static void loadLists() {
    CliRunner.Run load =
        vigil(
            "lists",
            "load",
            fixture("agency/partner-list.csv").toString(),
            fixture("un/un-consolidated-excerpt.xml").toString(),
            "--data",
            data.toString());
    assertThat(load.code()).as(load.err()).isZero();
  }

  @Test
  void oneNameIsAnsweredWithScoreListEntryAndExplanation() {
    CliRunner.Run run =
        vigil(
            "screen",
            "--name",
            "Ghasem Examplani",
            "--schema",
            "Person",
            "--data",
            data.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("SCORE")
        .contains("partner-list")
        .contains("A-1")
        .contains("WATCH;PARTNER-7")
        .contains("aligned:")
        .contains("Why partner-list A-1: partner-list entry A-1")
        .contains("through its name");

    CliRunner.Run json =
        vigil("screen", "--name", "قاسم اگزامپلانی", "--format", "json", "--data", data.toString());
    assertThat(json.code()).as(json.err()).isZero();
    assertThat(json.out()).contains("\"entityId\" : \"A-1\"").contains("\"reasons\" : \"");
  }

  @Test
  void punctuationOnlyMatchesNothingAndBadValuesAreRefused() {
    CliRunner.Run punctuation = vigil("screen", "--name", "?!.,;", "--data", data.toString());
    assertThat(punctuation.code()).isZero();
    assertThat(punctuation.out()).contains("No match.");

    CliRunner.Run huge = vigil("screen", "--name", "x".repeat(10_000), "--data", data.toString());
    assertThat(huge.code()).isEqualTo(1);
    assertThat(huge.err()).contains("the limit is 512");

    assertThat(vigil("screen", "--data", data.toString()).code()).isEqualTo(2);
    assertThat(vigil("screen", "--name", "x", "--threshold", "2", "--data", data.toString()).code())
        .isEqualTo(2);
    CliRunner.Run schema =
        vigil("screen", "--name", "x", "--schema", "Spaceship", "--data", data.toString());
    assertThat(schema.code()).isEqualTo(1);
    assertThat(schema.err()).contains("Spaceship");
  }

  @Test
  void withoutListsTheUserIsToldHowToLoadThem() {
    CliRunner.Run run = vigil("screen", "--name", "anyone", "--data", work.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("no lists are loaded").contains("vigil lists load");
  }

  @Test
  void aBatchKeepsInputOrderReportsBadRowsAndGoesOn() throws Exception {
    Path input = work.resolve("queries.csv");
    Files.writeString(
        input,
        String.join(
            "\n",
            "id,name,schema,birth_date,country",
            "q1,Qasem Examplani,Person,1957,ir",
            "q2,,,,",
            "q3,\"Example Logistics, GmbH\",Organization,,",
            "q4,\"bad" + (char) 1 + "name\",,,",
            "q5," + "y".repeat(10_000) + ",,,",
            "q6,!!! ???,,,",
            "q7,Qasem Examplani,Person,not a date,",
            ",Example Logistik,,,",
            ""),
        StandardCharsets.UTF_8);
    Path output = work.resolve("results.jsonl");
    CliRunner.Run run =
        vigil(
            "screen",
            "--input",
            input.toString(),
            "--output",
            output.toString(),
            "--limit",
            "3",
            "--data",
            data.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("Screened 8 rows").contains("4 rejected");

    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
      lines.add(JSON.readTree(line));
    }
    assertThat(lines)
        .extracting(l -> l.path("id").asText())
        .containsExactly("q1", "q2", "q3", "q4", "q5", "q6", "q7", "9");
    JsonNode first = lines.get(0);
    assertThat(first.path("query").asText()).isEqualTo("Qasem Examplani");
    JsonNode match = first.path("matches").get(0);
    assertThat(match.path("dataset").asText()).isEqualTo("partner-list");
    assertThat(match.path("entity_id").asText()).isEqualTo("A-1");
    assertThat(match.path("name").asText()).isEqualTo("Qasem Examplani");
    assertThat(match.path("schema").asText()).isEqualTo("Person");
    assertThat(match.path("score").asDouble()).isGreaterThanOrEqualTo(0.7);
    assertThat(match.path("explanation").asText()).contains("birth date agrees");
    assertThat(lines.get(2).path("matches").get(0).path("entity_id").asText()).isEqualTo("A-2");
    for (int i : new int[] {1, 3, 4, 6}) {
      assertThat(lines.get(i).has("error")).as("row %d", i).isTrue();
      assertThat(lines.get(i).path("matches")).isEmpty();
    }
    assertThat(lines.get(3).path("error").asText()).contains("control character");
    assertThat(lines.get(4).path("error").asText()).contains("limit is 512");
    assertThat(lines.get(5).has("error")).isFalse();
    assertThat(lines.get(5).path("matches")).isEmpty();
    assertThat(lines.get(7).path("matches").get(0).path("entity_id").asText()).isEqualTo("A-2");
  }

  @Test
  void thresholdZeroListsTheTopKWhateverTheirScore() throws Exception {
    Path input = work.resolve("weak.csv");
    Files.writeString(input, "name\nQasem Nobodyelse\n", StandardCharsets.UTF_8);
    CliRunner.Run strict = vigil("screen", "--input", input.toString(), "--data", data.toString());
    CliRunner.Run all =
        vigil(
            "screen",
            "--input",
            input.toString(),
            "--threshold",
            "0",
            "--limit",
            "2",
            "--data",
            data.toString());
    assertThat(all.code()).as(all.err()).isZero();
    JsonNode everything = JSON.readTree(all.out().strip());
    JsonNode thresholded = JSON.readTree(strict.out().strip());
    assertThat(everything.path("matches").size())
        .isBetween(1, 2)
        .isGreaterThan(thresholded.path("matches").size());
    assertThat(everything.path("matches").get(0).path("score").asDouble()).isLessThan(0.7);
  }

  @Test
  void namesCompareScoresAndExplainsOnePairOrAFile() throws Exception {
    CliRunner.Run one =
        vigil("names", "compare", "Mohammed Qassem", "Muhammad Kasim", "--schema", "Person");
    assertThat(one.code()).as(one.err()).isZero();
    assertThat(one.out()).startsWith("score 0.").contains("aligned:");

    Path pairs = work.resolve("pairs.csv");
    Files.writeString(
        pairs,
        "name1,name2,schema\n"
            + "Qasem Soleimani,قاسم سلیمانی,Person\n"
            + ",Nobody,Person\n"
            + "\"Acme Trading, LLC\",Acme Trading Company,Company\n",
        StandardCharsets.UTF_8);
    CliRunner.Run file = vigil("names", "compare", "--input", pairs.toString());
    assertThat(file.code()).as(file.err()).isZero();
    List<String> lines = file.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("name1,name2,schema,score,explanation,error");
    assertThat(lines).hasSize(4);
    assertThat(lines.get(1)).startsWith("Qasem Soleimani,قاسم سلیمانی,Person,0.");
    assertThat(lines.get(2)).contains("needs a name");
    assertThat(lines.get(3)).startsWith("\"Acme Trading, LLC\",Acme Trading Company,Company,");

    assertThat(vigil("names", "compare", "only one").code()).isEqualTo(2);
  }

  @Test
  void evalSaysWhereItLookedForTheSharedData() {
    CliRunner.Run run = vigil("eval", "screening", "--shared", work.resolve("nowhere").toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains(work.resolve("nowhere").toString()).contains("--shared");
  }
}
