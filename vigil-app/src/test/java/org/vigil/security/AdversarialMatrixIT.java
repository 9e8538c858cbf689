/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.store.StoreConfig;

/**
 * The adversarial matrix on the embedded H2 store: a hostile analyst of another organisation, with
 * write access, learns nothing of the victim's items it may not see, on any route or page.
 */
class AdversarialMatrixIT {
  @TempDir static Path dir;
  static AdversarialMatrix matrix;

  @TestFactory
  Stream<DynamicNode> noRouteLeaksWhatTheAttackerMayNotSee() {
    matrix = new AdversarialMatrix("H2", StoreConfig::embedded, dir);
    return matrix.cells();
  }

  @AfterAll
  static void report() {
    if (matrix != null) {
      matrix.writeReport(Path.of("target", "adversarial-matrix-h2.md"));
      // The leak checks are the dynamic cells; this guards against a matrix that sent nothing.
      assertThat(matrix.requestsSent()).as("requests the matrix sent").isPositive();
    }
  }
}
