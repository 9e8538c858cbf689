/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vigil's own marker clustering for the case map (assets/cluster.js), run as it is shipped with
 * node (Debian's, as for the STIX schema test): points of one grid cell form one cluster at their
 * mean, zooming in parts them, and every point is in exactly one cluster (cluster_test.js).
 */
class MapClusterTest {
  @TempDir Path dir;

  @Test
  void theGridClusteringGroupsNearPointsAndKeepsEveryPointOnce() throws Exception {
    Path cluster = copy("/org/vigil/http/assets/cluster.js", "cluster.js");
    Path test = copy("/org/vigil/web/cluster_test.js", "cluster_test.js");
    ProcessBuilder pb = new ProcessBuilder("node", test.toString(), cluster.toString());
    pb.redirectErrorStream(true);
    Process node = pb.start();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(node.exitValue()).as(output).isZero();
    assertThat(output.strip()).isEqualTo("ok");
  }

  private Path copy(String resource, String name) throws IOException {
    try (InputStream in = MapClusterTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      Path out = dir.resolve(name);
      Files.copy(in, out);
      return out;
    }
  }
}
