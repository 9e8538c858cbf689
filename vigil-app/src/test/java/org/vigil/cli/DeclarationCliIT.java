/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.cli.CliRunner.vigil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/**
 * {@code vigil origin-link} and {@code vigil assess}: a declared copy joins two origins in {@code
 * vigil claims}, a link back is refused with the circle named and exit code 1, an assessment keeps
 * its range, and both are undone.
 */
class DeclarationCliIT {
  private static final Instant SEEN = Instant.parse("2026-11-02T08:00:00Z");
  @TempDir Path data;

  @Test
  void aCopyIsDeclaredACircleRefusedAndAnAssessmentRecordedFromTheCommandLine() {
    try (Store store = Store.open(StoreConfig.embedded(data))) {
      for (String id : List.of("src-cli-wire", "src-cli-outlet")) {
        Source s =
            new Source(
                id,
                SourceKind.DOCUMENT,
                id,
                Reliability.C,
                Marking.of(Tlp.GREEN, "ops"),
                Optional.empty(),
                Optional.empty(),
                SEEN);
        store
            .statements()
            .write(s, List.of(node(s, "name", "Lena Testfall"), node(s, "position", "Consul")));
      }
    }
    String dir = data.toString();
    assertThat(vigil("claims", "--data", dir, "cli-person").out()).contains("2 origins assert");

    CliRunner.Run link =
        vigil(
            "origin-link",
            "--data",
            dir,
            "src-cli-outlet",
            "copied_from",
            "src-cli-wire",
            "--reason",
            "same wording");
    assertThat(link.code()).isZero();
    assertThat(link.out()).startsWith("Recorded link 1: src-cli-outlet copied_from src-cli-wire");
    assertThat(vigil("claims", "--data", dir, "cli-person").out()).contains("1 origin asserts");

    CliRunner.Run circle =
        vigil("origin-link", "--data", dir, "src-cli-wire", "derived_from", "src-cli-outlet");
    assertThat(circle.code()).isEqualTo(1);
    assertThat(circle.err()).contains("would close a circle").contains("src-cli-wire -> ");
    assertThat(vigil("origin-link", "--data", dir, "--list").out())
        .isEqualToIgnoringNewLines(
            "link 1: src-cli-outlet copied_from src-cli-wire (same wording)");

    CliRunner.Run assess =
        vigil("assess", "--data", dir, "cli-person", "very likely", "The consul is the same man");
    assertThat(assess.code()).isZero();
    assertThat(assess.out()).contains("very likely (80-95%): The consul is the same man");
    assertThat(vigil("assess", "--data", dir, "cli-person", "perhaps", "x").code()).isEqualTo(1);
    assertThat(vigil("assess", "--data", dir, "--undo", "1").out())
        .startsWith("Undone assessment 1");
    assertThat(vigil("origin-link", "--data", dir, "--undo", "1").out())
        .startsWith("Undone link 1");
    assertThat(vigil("claims", "--data", dir, "cli-person").out()).contains("2 origins assert");
  }

  @Test
  void aClaimAndASourceAreGradedAndUndoneAndAchRefusesAMatrixWithoutHypotheses()
      throws IOException {
    try (Store store = Store.open(StoreConfig.embedded(data))) {
      Source s =
          new Source(
              "src-cli-registry",
              SourceKind.DOCUMENT,
              "Registry",
              Reliability.F,
              Marking.of(Tlp.GREEN, "ops"),
              Optional.empty(),
              Optional.empty(),
              SEEN);
      store.statements().write(s, List.of(node(s, "birthDate", "1961-04-12")));
    }
    String dir = data.toString();
    Matcher claim =
        Pattern.compile("  claim (\\S+)")
            .matcher(vigil("claims", "--data", dir, "cli-person").out());
    assertThat(claim.find()).isTrue();

    CliRunner.Run graded =
        vigil("grade", "--data", dir, "claim", claim.group(1), "2", "--reason", "court papers");
    assertThat(graded.code()).isZero();
    assertThat(graded.out()).startsWith("Recorded grade 1: claim " + claim.group(1) + " 2");
    assertThat(vigil("grade", "--data", dir, "source", "src-cli-registry", "B").out())
        .startsWith("Recorded grade 2: source src-cli-registry ");
    CliRunner.Run off = vigil("grade", "--data", dir, "claim", claim.group(1), "7");
    assertThat(off.code()).isEqualTo(1);
    assertThat(off.err()).contains("7");
    assertThat(vigil("grade", "--data", dir, "--undo", "1").out()).startsWith("Undone grade 1");
    assertThat(vigil("grade", "--data", dir, "--undo", "1").code()).isEqualTo(1);

    Path empty =
        Files.writeString(data.resolve("empty.json"), "{\"hypotheses\":[],\"evidence\":[]}");
    CliRunner.Run none = vigil("ach", empty.toString());
    assertThat(none.code()).isEqualTo(1);
    assertThat(none.err()).contains("at least one hypothesis");
    Path one =
        Files.writeString(
            data.resolve("one.json"),
            "{\"hypotheses\":[\"H1\",\"H2\"],\"evidence\":[{\"id\":\"E1\"}],"
                + "\"ratings\":{\"alice\":[{\"evidence\":\"E1\",\"hypothesis\":\"H2\","
                + "\"rating\":\"I\"}]}}");
    CliRunner.Run ach = vigil("ach", one.toString());
    assertThat(ach.code()).as(ach.err()).isZero();
    assertThat(ach.out()).contains("\"alice\"", "\"H1\"");
  }

  private static Statement node(Source s, String property, String value) {
    return Statement.about("cli-person", Schema.PERSON)
        .set(property, value)
        .from(s)
        .seen(SEEN)
        .build();
  }
}
