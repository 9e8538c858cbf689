/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vigil.resolve.Judgement;
import org.vigil.resolve.Verdict;

class ClustersTest {
  private long ids;

  @Test
  void sameJudgementsJoinTransitivelyAndTheSmallestIdIsCanonical() {
    Clusters clusters = new Clusters();
    clusters.add(judge("c", "b", Verdict.SAME));
    clusters.add(judge("b", "a", Verdict.SAME));

    assertThat(clusters.members("c")).containsExactly("a", "b", "c");
    assertThat(clusters.canonicalId("c")).isEqualTo("a");
    assertThat(clusters.members("z")).containsExactly("z");
  }

  @Test
  void removingABridgeSplitsOnlyItsComponent() {
    Clusters clusters = new Clusters();
    clusters.add(judge("a", "b", Verdict.SAME));
    Judgement bridge = judge("b", "c", Verdict.SAME);
    clusters.add(bridge);
    clusters.add(judge("c", "d", Verdict.SAME));
    clusters.add(judge("x", "y", Verdict.SAME));

    clusters.remove(bridge);

    assertThat(clusters.members("a")).containsExactly("a", "b");
    assertThat(clusters.members("d")).containsExactly("c", "d");
    assertThat(clusters.members("y")).containsExactly("x", "y");
  }

  @Test
  void theLatestJudgementOnAPairDecidesIt() {
    Clusters clusters = new Clusters();
    clusters.add(judge("a", "b", Verdict.SAME));
    Judgement unsure = judge("b", "a", Verdict.UNSURE);
    clusters.add(unsure);
    assertThat(clusters.members("a")).containsExactly("a");

    clusters.remove(unsure);
    assertThat(clusters.members("a")).containsExactly("a", "b");
  }

  @Test
  void incrementalClustersMatchAFreshComputationOnRandomHistories() {
    Random random = new Random(42);
    Clusters incremental = new Clusters();
    java.util.List<Judgement> inForce = new java.util.ArrayList<>();
    for (int step = 0; step < 2_000; step++) {
      if (!inForce.isEmpty() && random.nextInt(4) == 0) {
        Judgement undone = inForce.remove(random.nextInt(inForce.size()));
        incremental.remove(undone);
      } else {
        String left = "r" + random.nextInt(30);
        String right = "r" + random.nextInt(30);
        if (left.equals(right)) {
          continue;
        }
        Verdict verdict = random.nextInt(3) == 0 ? Verdict.DIFFERENT : Verdict.SAME;
        Judgement j = judge(left, right, verdict);
        inForce.add(j);
        incremental.add(j);
      }
      Clusters fresh = new Clusters();
      inForce.forEach(fresh::add);
      for (int r = 0; r < 30; r++) {
        assertThat(incremental.members("r" + r)).isEqualTo(fresh.members("r" + r));
      }
    }
  }

  private Judgement judge(String left, String right, Verdict verdict) {
    return new Judgement(
        ++ids,
        left,
        right,
        verdict,
        "tester",
        Instant.EPOCH,
        "",
        OptionalDouble.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
