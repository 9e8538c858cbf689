/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.resolve.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** On MISP's threat-actor galaxy from ../shared/data; skips when the shared data is absent. */
class GalaxyEvaluationTest {
  private static final Path GALAXY =
      Path.of(
          System.getProperty("vigil.sharedData", "../../shared/data"),
          "stix",
          "misp-galaxy",
          "clusters",
          "threat-actor.json");

  @Test
  void namesSharedByDifferentActorsCauseNoWrongMerge() throws Exception {
    assumeTrue(Files.isRegularFile(GALAXY), "the MISP galaxy is not at " + GALAXY);

    GalaxyEvaluation.Result result = GalaxyEvaluation.run(GALAXY);

    assertTrue(result.sharedNames() >= 27, "shared names: " + result.sharedNames());
    assertEquals(0, result.sharedNamesInWrongMerges(), result.wrongMerges().toString());
    assertTrue(
        result.resolver().precision() > result.baseline().precision(),
        result.resolver() + " vs " + result.baseline());
  }
}
