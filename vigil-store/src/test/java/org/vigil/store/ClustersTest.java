/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.access.Role;
import org.vigil.access.Viewer;
import org.vigil.resolve.Audience;
import org.vigil.resolve.Judgement;
import org.vigil.resolve.Verdict;

class ClustersTest {
  private long ids;

  @Test
  void sameJudgementsJoinTransitivelyAndTheSmallestIdIsCanonical() {
    Clusters clusters = new Clusters();
    clusters.add(judge("c", "b", Verdict.SAME));
    clusters.add(judge("b", "a", Verdict.SAME));

    assertThat(clusters.view(A).members("c")).containsExactly("a", "b", "c");
    assertThat(clusters.view(A).canonicalId("c")).isEqualTo("a");
    assertThat(clusters.view(A).members("z")).containsExactly("z");
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

    assertThat(clusters.view(A).members("a")).containsExactly("a", "b");
    assertThat(clusters.view(A).members("d")).containsExactly("c", "d");
    assertThat(clusters.view(A).members("y")).containsExactly("x", "y");
  }

  @Test
  void theLatestJudgementOnAPairDecidesIt() {
    Clusters clusters = new Clusters();
    clusters.add(judge("a", "b", Verdict.SAME));
    Judgement unsure = judge("b", "a", Verdict.UNSURE);
    clusters.add(unsure);
    assertThat(clusters.view(A).members("a")).containsExactly("a");

    clusters.remove(unsure);
    assertThat(clusters.view(A).members("a")).containsExactly("a", "b");
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
        assertThat(incremental.view(A).members("r" + r)).isEqualTo(fresh.view(A).members("r" + r));
      }
    }
  }

  @Test
  void aReaderIsJoinedOnlyByTheJudgementsOfTheirAudiences() {
    Clusters clusters = new Clusters();
    clusters.add(judge("a", "b", Verdict.SAME, FOR_A));
    clusters.add(judge("b", "c", Verdict.SAME, FOR_B));
    clusters.add(judge("a", "b", Verdict.DIFFERENT, FOR_B));

    assertThat(clusters.view(A).members("a")).containsExactly("a", "b");
    assertThat(clusters.view(A).members("c")).containsExactly("c");
    assertThat(clusters.view(B).members("a")).containsExactly("a");
    assertThat(clusters.view(B).members("c")).containsExactly("b", "c");
    assertThat(clusters.view(B).canonicalId("c")).isEqualTo("b");
    assertThat(clusters.view(Viewer.system()).members("b")).containsExactly("b", "c");
    assertThat(clusters.view(A).key()).isNotEqualTo(clusters.view(B).key());
    assertThat(clusters.view(A2).key())
        .as("readers of the same audiences share a view")
        .isEqualTo(clusters.view(A).key());
  }

  private static final Viewer A = Viewer.of("u-a1", "a1", "org-a", Set.of(), Role.ANALYST);
  private static final Viewer A2 = Viewer.of("u-a2", "a2", "org-a", Set.of(), Role.ANALYST);
  private static final Viewer B = Viewer.of("u-b1", "b1", "org-b", Set.of(), Role.ANALYST);
  private static final Audience FOR_A = Audience.of("org-a", Set.of("u-a1", "u-a2"));
  private static final Audience FOR_B = Audience.of("org-b", Set.of("u-b1"));

  private Judgement judge(String left, String right, Verdict verdict) {
    return judge(left, right, verdict, FOR_A);
  }

  private Judgement judge(String left, String right, Verdict verdict, Audience audience) {
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
        Optional.empty(),
        audience);
  }
}
