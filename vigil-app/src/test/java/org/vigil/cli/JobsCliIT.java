/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.cli.CliRunner.vigil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.documents.QueuedIngest;
import org.vigil.jobs.Job;
import org.vigil.jobs.JobState;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/**
 * {@code vigil ingest --queue} and {@code vigil jobs}: files queued once however often they are
 * named, a parked job listed with its error and queued again by an operator.
 */
class JobsCliIT {
  @TempDir Path dir;

  @Test
  void queuedFilesAreOneJobEachAndAParkedJobIsListedAndRetried() throws Exception {
    Path data = dir.resolve("data");
    Path report = Files.writeString(dir.resolve("report.txt"), "The courier met an officer.\n");

    CliRunner.Run queued =
        vigil("ingest", "--queue", "--data", data.toString(), report.toString(), report.toString());
    assertThat(queued.code()).as(queued.err()).isZero();
    assertThat(queued.out()).contains("Queued 1 of 2 files");

    long id;
    try (Store store = Store.open(StoreConfig.embedded(data))) {
      Job job = store.jobs().claim("node-a", 5, Duration.ofSeconds(30)).get(0);
      assertThat(job.kind()).isEqualTo(QueuedIngest.KIND);
      store.jobs().fail(job.id(), "node-a", "NoSuchFileException: report.txt", Optional.empty());
      id = job.id();
    }

    CliRunner.Run parked = vigil("jobs", "list", "--data", data.toString());
    assertThat(parked.code()).isZero();
    assertThat(parked.out()).contains("ingest", "parked", "NoSuchFileException: report.txt");
    assertThat(vigil("jobs", "status", "--data", data.toString()).out()).contains("parked\t1");

    CliRunner.Run retried = vigil("jobs", "retry", Long.toString(id), "--data", data.toString());
    assertThat(retried.code()).isZero();
    assertThat(retried.out()).contains("Job " + id + " queued again.");
    CliRunner.Run again = vigil("jobs", "retry", Long.toString(id), "--data", data.toString());
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.out()).contains("No parked job " + id);
    try (Store store = Store.open(StoreConfig.embedded(data))) {
      assertThat(store.jobs().counts()).containsEntry(JobState.QUEUED, 1L);
    }
    assertThat(vigil("jobs", "list", "--state", "nonsense", "--data", data.toString()).code())
        .isEqualTo(2);
  }
}
