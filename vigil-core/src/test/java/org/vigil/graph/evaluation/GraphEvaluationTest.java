/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.graph.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Runs the covert-network evaluation when the shared data folder is present (it may not be
 * redistributed, so it is never part of the repository); skipped elsewhere.
 */
class GraphEvaluationTest {
  /** The reference values are rounded to six decimals. */
  private static final double REFERENCE_ROUNDING = 1e-6;

  private static final Path SHARED_DATA =
      Path.of(System.getProperty("vigil.sharedData", "../shared/data"));

  @Test
  void vigilMeasuresMatchNetworkxOnPublishedCovertNetworks() throws Exception {
    GraphEvaluation evaluation = new GraphEvaluation(SHARED_DATA);
    assumeTrue(evaluation.available(), "shared covert-network data not present");
    GraphEvaluation.Report report = evaluation.run();
    assertThat(report.comparisons()).hasSize(5 * 9);
    for (GraphEvaluation.Comparison comparison : report.comparisons()) {
      assertThat(comparison.maxAbsDifference())
          .as("%s %s", comparison.network(), comparison.metric())
          .isLessThanOrEqualTo(REFERENCE_ROUNDING);
    }
    for (GraphEvaluation.CommunityComparison communities : report.communities()) {
      assertThat(communities.louvainModularity())
          .as("Louvain finds communities at least nearly as modular as networkx's greedy method")
          .isGreaterThan(communities.greedyModularity() - 0.02);
    }
  }
}
