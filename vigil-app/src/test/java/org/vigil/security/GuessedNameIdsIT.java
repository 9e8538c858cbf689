/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.cli.VigilCommand;
import org.vigil.model.Statement;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/**
 * The ids of names read from text must not be computable from a guessed name: otherwise a partner
 * who guesses "Hadrik Solvenne" computes its id and probes the store with it. Each installation
 * keys them with its own secret, kept in the data folder, and keeps them across restarts.
 */
class GuessedNameIdsIT {
  private static final String TEXT =
      "Hadrik Solvenne met officials of the Ministry of Intelligence in Tehran in March 2021.\n";

  @TempDir Path dir;

  @Test
  void extractedIdsOfAGuessedNameCannotBeComputedWithoutTheInstallationsKey() throws IOException {
    Path report = Files.writeString(dir.resolve("report.txt"), TEXT, StandardCharsets.UTF_8);
    Path one = dir.resolve("installation-one");
    Path two = dir.resolve("installation-two");

    Set<String> first = idsOf("Hadrik Solvenne", ingest(one, report));
    Set<String> second = idsOf("Hadrik Solvenne", ingest(two, report));
    Set<String> again = idsOf("Hadrik Solvenne", ingest(one, report));

    assertThat(first).hasSize(1);
    assertThat(first).doesNotContain(unkeyedId("Hadrik Solvenne"));
    assertThat(second).hasSize(1).doesNotContainAnyElementsOf(first);
    assertThat(again).as("the same installation keeps its ids").isEqualTo(first);
  }

  private static Path ingest(Path data, Path file) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        VigilCommand.commandLine(
                new ByteArrayInputStream(new byte[0]),
                name -> Optional.empty(),
                new PrintWriter(out, true),
                new PrintWriter(err, true))
            .execute("ingest", "--data", data.toString(), file.toString());
    assertThat(code).as(err.toString()).isZero();
    return data;
  }

  private static Set<String> idsOf(String name, Path data) {
    Set<String> ids = new TreeSet<>();
    try (Store store = Store.open(StoreConfig.embedded(data))) {
      store
          .statements()
          .scanEntities(
              e -> {
                for (Statement s : e.statements()) {
                  if (s.property().equals("name") && s.value().equals(name)) {
                    ids.add(e.id());
                  }
                }
              });
    }
    return ids;
  }

  /** The id anyone could compute: type and a plain SHA-256 of the folded name. */
  private static String unkeyedId(String name) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(name.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      return "x-person-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
