/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.screening.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.vigil.screening.Screener;

/** Runs the evaluation on the shared benchmark data when this machine has it. */
class ScreeningEvaluationTest {

  private static final Path SHARED =
      Path.of(System.getProperty("vigil.sharedData", "../shared/data"));

  @Test
  void evaluationOnSharedDataBeatsTheLogicV2BaselineAndFindsUnPositives() throws IOException {
    assumeTrue(Files.isDirectory(SHARED.resolve("matching")), "shared benchmark data not present");
    ScreeningEvaluation.Report report =
        new ScreeningEvaluation(SHARED, Screener.DEFAULT_THRESHOLD).run();
    assertThat(report.nameBench().orElseThrow().f1())
        .isGreaterThan(report.nameBenchLogicV2().orElseThrow().f1());
    assertThat(report.unClean().orElseThrow().recallAt5()).isGreaterThanOrEqualTo(0.99);
    assertThat(report.unTreated().orElseThrow().recallAt5()).isGreaterThanOrEqualTo(0.95);
    assertThat(report.arabicToLatin().orElseThrow().recallAt5()).isGreaterThan(0.85);
    assertThat(report.render()).contains("name bench (logic-v2 frozen): P 0.762 R 0.821 F1 0.790");
  }
}
