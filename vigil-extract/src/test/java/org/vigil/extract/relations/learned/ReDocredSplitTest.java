/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReDocredSplitTest {
  @Test
  void aboutAThirdOfTitlesAreHeldOutEachByItsDigest() {
    long held = IntStream.range(0, 3000).filter(i -> ReDocredSplit.heldOut("doc " + i)).count();
    assertThat(held).isBetween(900L, 1100L);
    // The split is fixed by the titles' digests: these two stay on their sides on every machine.
    assertThat(ReDocredSplit.heldOut("Ross Alger")).isTrue();
    assertThat(ReDocredSplit.heldOut("Willi Schneider (skeleton racer)")).isFalse();
  }

  @Test
  void aQuarterOfTheRestTunesAndNoDocumentIsOnTwoSides() {
    long tuning = 0;
    for (int i = 0; i < 3000; i++) {
      String title = "doc " + i;
      int sides =
          (ReDocredSplit.heldOut(title) ? 1 : 0)
              + (ReDocredSplit.tuning(title) ? 1 : 0)
              + (ReDocredSplit.training(title) ? 1 : 0);
      assertThat(sides).as(title).isEqualTo(1);
      tuning += ReDocredSplit.tuning(title) ? 1 : 0;
    }
    assertThat(tuning).isBetween(400L, 600L);
  }
}
