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

/**
 * {@code vigil import ftm}: a clean file imports with exit code 0 and a summary, a file with a bad
 * line lists it with its line number and reason and exits 1 with the rest imported, and importing
 * again writes the same statements.
 */
class FtmImportCliIT {
  @TempDir Path dir;

  @Test
  void importsReportsSkippedLinesAndExitsOneWhenAnythingWasSkipped() throws IOException {
    String data = dir.resolve("data").toString();
    assertThat(vigil("orgs", "add", "ops", "--name", "Ops", "--data", data).code()).isZero();
    Path clean = dir.resolve("clean.ftm.jsonl");
    Files.writeString(
        clean,
        "{\"id\":\"p-lena\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Lena Okafor\"]}}\n"
            + "{\"id\":\"o-relay\",\"schema\":\"Organization\",\"marking\":\"TLP:GREEN\","
            + "\"properties\":{\"name\":[\"Relay Shipping\"]}}\n",
        StandardCharsets.UTF_8);
    CliRunner.Run first = vigil("import", "ftm", clean.toString(), "--org", "ops", "--data", data);
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.err())
        .contains("Imported 2 of 2 lines of clean.ftm.jsonl")
        .contains(": 2 statements, 0 skipped");
    CliRunner.Run again = vigil("import", "ftm", clean.toString(), "--org", "ops", "--data", data);
    assertThat(again.code()).isZero();
    assertThat(again.err())
        .contains("Imported 2 of 2 lines of clean.ftm.jsonl")
        .contains(": 2 statements, 0 skipped");

    Path mixed = dir.resolve("mixed.ftm.jsonl");
    Files.writeString(
        mixed,
        "{\"id\":\"p-omar\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Omar Haddad\"]}}\n"
            + "{\"id\":\"x\",\"schema\":\"Starship\",\"properties\":{}}\n",
        StandardCharsets.UTF_8);
    CliRunner.Run partly =
        vigil(
            "import",
            "ftm",
            mixed.toString(),
            "--org",
            "ops",
            "--marking",
            "AMBER",
            "--data",
            data);
    assertThat(partly.code()).isEqualTo(1);
    assertThat(partly.err())
        .contains("skipped line 2 (x): unknown schema 'Starship'")
        .contains("Imported 1 of 2 lines of mixed.ftm.jsonl")
        .contains(": 1 statements, 1 skipped");
    assertThat(vigil("import", "ftm", mixed.toString(), "--org", "nobody", "--data", data).code())
        .isEqualTo(1);
  }
}
