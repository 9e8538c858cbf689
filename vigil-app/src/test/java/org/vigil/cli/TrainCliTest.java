/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.cli.CliRunner.vigil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCliTest {
  @TempDir Path dir;

  @Test
  void trainingWithoutTheCorporaNamesTheFirstMissingFile() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("shared"));

    CliRunner.Run run = vigil("train", "relations", "--shared", empty.toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("nlp/conll04/conll04_train.json").contains("--shared");
  }

  @Test
  void evaluatingAFileThatIsNoModelSaysSoOnOneLine() throws IOException {
    Path shared = Files.createDirectories(dir.resolve("shared/nlp/conll04"));
    Files.writeString(shared.resolve("conll04_dev.json"), "[]", StandardCharsets.UTF_8);
    Path notes = Files.writeString(dir.resolve("notes.txt"), "hello", StandardCharsets.UTF_8);

    CliRunner.Run run =
        vigil(
            "eval",
            "relations",
            "--shared",
            dir.resolve("shared").toString(),
            "--model",
            notes.toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err())
        .contains("notes.txt is not a relation model file")
        .doesNotContain("unexpected error");
  }
}
