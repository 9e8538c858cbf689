/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.DataLocation;
import org.vigil.store.StoreException;

class RunningServerTest {
  @TempDir Path dir;

  // What Store.open throws when H2 finds its file held by another process.
  private static RuntimeException heldByAnotherProcess() {
    return new StoreException(
        "cannot open the database jdbc:h2:file:x",
        new IllegalStateException(
            new SQLException(
                "Database may be already in use: \"x.mv.db\". The file is locked",
                "90020",
                90020)));
  }

  @Test
  void aDatabaseHeldByARunningServerNamesItsAddressAndProcess() {
    RunningServer.announce(dir, "http://127.0.0.1:8080/");
    Optional<CliFailure> failure =
        RunningServer.explain(DataLocation.embedded(dir), heldByAnotherProcess());
    assertThat(failure).isPresent();
    assertThat(failure.get().getMessage())
        .contains("in use by the Vigil server at http://127.0.0.1:8080/")
        .contains("(process " + ProcessHandle.current().pid() + ")")
        .contains("http://127.0.0.1:8080/api/v1/")
        .contains("stop it")
        .doesNotContain("locked");
  }

  @Test
  void aGraphPathOnHeldDataNamesTheApiCallsThatAnswerIt() {
    RunningServer.announce(dir, "http://127.0.0.1:8080/");
    Optional<CliFailure> failure =
        RunningServer.explain(
            DataLocation.embedded(dir),
            heldByAnotherProcess(),
            List.of("graph", "path"),
            List.of("Naji Ibrahim Sharifi-Zindashti", "MOIS"));
    assertThat(failure.orElseThrow().getMessage())
        .contains(
            "Through the API: find an entity's id with GET"
                + " http://127.0.0.1:8080/api/v1/entities?q=Naji+Ibrahim+Sharifi-Zindashti")
        .contains("then GET http://127.0.0.1:8080/api/v1/graph/path?from=ID&to=ID")
        .contains("Authorization: Bearer");
    assertThat(RunningServer.apiCalls("http://h/", List.of("users", "add"), List.of())).isEmpty();
  }

  @Test
  void aDatabaseHeldByAProcessThatLeftNoNoteSaysSoPlainly() {
    Optional<CliFailure> failure =
        RunningServer.explain(DataLocation.embedded(dir), heldByAnotherProcess());
    assertThat(failure).isPresent();
    assertThat(failure.get().getMessage())
        .contains("in use by another Vigil process")
        .contains("--data");
  }

  @Test
  void theNoteIsWithdrawnWhenTheServerStops() throws IOException {
    RunningServer.announce(dir, "http://127.0.0.1:8080/");
    assertThat(dir.resolve(RunningServer.FILE)).exists();
    RunningServer.withdraw(dir);
    assertThat(dir.resolve(RunningServer.FILE)).doesNotExist();
    assertThat(Files.list(dir)).isEmpty();
  }

  @Test
  void otherFailuresAndPostgresAreLeftAsTheyAre() {
    assertThat(
            RunningServer.explain(
                DataLocation.embedded(dir), new StoreException("disk full", new IOException())))
        .isEmpty();
    DataLocation postgres =
        new DataLocation(
            dir,
            Optional.of("jdbc:postgresql://localhost/vigil"),
            Optional.empty(),
            Optional.empty());
    assertThat(RunningServer.explain(postgres, heldByAnotherProcess())).isEmpty();
  }
}
