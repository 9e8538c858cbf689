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
}
