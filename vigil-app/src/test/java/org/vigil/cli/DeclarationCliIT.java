/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.cli.CliRunner.vigil;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

  private static Statement node(Source s, String property, String value) {
    return Statement.about("cli-person", Schema.PERSON)
        .set(property, value)
        .from(s)
        .seen(SEEN)
        .build();
  }
}
