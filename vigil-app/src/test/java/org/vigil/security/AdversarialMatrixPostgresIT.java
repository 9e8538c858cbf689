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
 * fresh database per world); under -Pnode-pair, each world's server is two nodes on that database
 * and one OpenSearch index, the scan's requests alternating between them.
 */
class AdversarialMatrixPostgresIT {
  /** Whether every server is a node pair, requests alternating (-Pnode-pair; TestServer). */
  private static final boolean PAIR = "2".equals(System.getProperty("vigil.test.nodes"));

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
        matrix.writeReport(
            Path.of(
                "target",
                PAIR
                    ? "adversarial-matrix-postgresql-node-pair.md"
                    : "adversarial-matrix-postgresql.md"));
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
            PAIR ? "PostgreSQL, node pair" : "PostgreSQL",
            dataDir -> RootlessPostgres.freshDatabase(postgres, dataDir),
            dir);
    return matrix.cells();
  }
}
