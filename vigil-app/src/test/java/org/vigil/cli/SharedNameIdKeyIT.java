/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.cli.CliRunner.vigil;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.NameIdKeyFile;

/**
 * Every process on one database must key the ids of names with the same {@code name-id.key}: the
 * first registers its key's fingerprint in the database, and one with another key (a node whose
 * folder got a new key, or whose key was lost) is refused with what to do, before it writes.
 */
class SharedNameIdKeyIT {
  @TempDir Path dir;

  @Test
  void aProcessWithAnotherNameIdKeyIsRefusedUntilItHasTheDatabasesKey() throws Exception {
    Path data = dir.resolve("data");
    CliRunner.Run first = vigil("orgs", "add", "ctic", "--name", "CTIC", "--data", data.toString());
    assertThat(first.code()).as(first.err()).isZero();
    Path key = data.resolve(NameIdKeyFile.FILE_NAME);
    Path kept = Files.copy(key, dir.resolve("kept-name-id.key"));

    Files.delete(key); // the next command makes a new key: the same names would get other ids
    CliRunner.Run refused =
        vigil("orgs", "add", "other", "--name", "Other", "--data", data.toString());
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.out() + refused.err())
        .contains("name-id.key is not the name id key this database's other processes use")
        .contains("copy name-id.key");
    assertThat(vigil("orgs", "list", "--data", data.toString()).code())
        .as("still refused")
        .isEqualTo(1);

    Files.copy(kept, key, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    CliRunner.Run again =
        vigil("orgs", "add", "other", "--name", "Other", "--data", data.toString());
    assertThat(again.code()).as(again.err()).isZero();
    CliRunner.Run listed = vigil("orgs", "list", "--data", data.toString());
    assertThat(listed.out()).contains("ctic").contains("other");
  }
}
