/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.resolve.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PairwiseScoreTest {
  @Test
  void countsEveryPairWithinAClusterOnce() {
    PairwiseScore score =
        PairwiseScore.of(
            List.of(List.of("a", "b", "c"), List.of("d", "e")),
            List.of(List.of("a", "b"), List.of("c", "d"), List.of("e", "f")));

    assertEquals(new PairwiseScore(1, 3, 2), score);
    assertEquals(0.25, score.precision());
    assertEquals(1.0 / 3, score.recall(), 1e-9);
  }

  @Test
  void noMergesAndNoGoldIsPerfectRatherThanUndefined() {
    PairwiseScore score = PairwiseScore.of(List.of(), List.of());
    assertEquals(1.0, score.precision());
    assertEquals(1.0, score.recall());
  }
}
