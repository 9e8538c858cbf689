/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.resolve.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResolutionBenchmarkTest {
  @Test
  void syntheticMentionsResolveMostlyRightAndTheSameEachTime() {
    ResolutionBenchmark.Result first = ResolutionBenchmark.run(600, 1, 7);
    ResolutionBenchmark.Result second = ResolutionBenchmark.run(600, 1, 7);

    assertEquals(first.quality(), second.quality());
    assertTrue(first.quality().precision() > 0.9, first.describe());
    assertTrue(first.quality().recall() > 0.5, first.describe());
  }
}
