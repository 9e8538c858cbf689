/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.jobs;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/**
 * A Vigil node that only runs jobs, as a process of its own for {@link JobsOnTwoNodesIT}: it runs
 * "effect" jobs until it is killed. Arguments: JDBC URL, database user, node name, data folder.
 */
public final class JobNodeMain {
  private JobNodeMain() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String user = args[1];
    String node = args[2];
    Path data = Path.of(args[3]);
    Store store =
        Store.open(
            new StoreConfig(url, Optional.of(user), Optional.empty(), data.resolve("index")));
    JobRunner.start(
        store.jobs(), node, Map.of("effect", job -> effect(url, user, node, job)), settings());
    Thread.currentThread().join(); // until killed
  }

  static JobRunner.Settings settings() {
    return new JobRunner.Settings(
        2,
        Duration.ofSeconds(2),
        Duration.ofMillis(50),
        5,
        Duration.ofMillis(50),
        Duration.ofSeconds(1));
  }

  /**
   * The job's work, idempotent as every handler must be: its effect is written only if it is not
   * there yet; every run is counted apart, to see which jobs ran twice.
   */
  static void effect(String url, String user, String node, Job job) throws Exception {
    try (Connection c = DriverManager.getConnection(url, user, "")) {
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO job_runs (job_key, node) VALUES (?, ?)")) {
        ps.setString(1, job.key());
        ps.setString(2, node);
        ps.executeUpdate();
      }
      Thread.sleep(40); // a batch's work takes time: a kill can land in the middle of it
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO job_effects (job_key, node) SELECT ?, ? WHERE NOT EXISTS"
                  + " (SELECT 1 FROM job_effects WHERE job_key = ?)")) {
        ps.setString(1, job.key());
        ps.setString(2, node);
        ps.setString(3, job.key());
        ps.executeUpdate();
      }
    }
  }
}
