/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.store.RootlessPostgres;

/**
 * The adversarial matrix with the server on a real PostgreSQL (embedded binaries, started once; a
 * fresh database per world).
 */
class AdversarialMatrixPostgresIT {
  @TempDir static Path dir;
  static EmbeddedPostgres postgres;
  static AdversarialMatrix matrix;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = RootlessPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    try {
      if (matrix != null) {
        matrix.writeReport(Path.of("target", "adversarial-matrix-postgresql.md"));
        // The leak checks are the dynamic cells; this guards against a matrix that sent nothing.
        assertThat(matrix.requestsSent()).as("requests the matrix sent").isPositive();
      }
    } finally {
      postgres.close();
    }
  }

  @TestFactory
  Stream<DynamicNode> noRouteLeaksWhatTheAttackerMayNotSee() {
    matrix =
        new AdversarialMatrix(
            "PostgreSQL", dataDir -> RootlessPostgres.freshDatabase(postgres, dataDir), dir);
    return matrix.cells();
  }
}
