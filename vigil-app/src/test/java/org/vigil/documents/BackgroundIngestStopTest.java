/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A stopping process asks a background ingest to end and waits for it, through its progress. */
class BackgroundIngestStopTest {
  @Test
  void aBatchThatNeverRanIsNotWaitedFor() throws InterruptedException {
    assertThat(IngestProgress.none().awaitEnd(Duration.ZERO)).isTrue();
  }

  @Test
  void aRunningBatchIsWaitedForUntilItStopsOnRequest() throws InterruptedException {
    IngestProgress progress = new IngestProgress("the demo corpus");
    progress.start(45);
    assertThat(progress.awaitEnd(Duration.ZERO)).as("still running").isFalse();

    Thread worker =
        new Thread(
            () -> {
              while (!progress.stopRequested()) {
                Thread.onSpinWait();
              }
              progress.stop("Vigil is stopping");
            });
    worker.start();
    progress.requestStop();

    assertThat(progress.awaitEnd(Duration.ofMinutes(5))).isTrue();
    assertThat(progress.snapshot().state()).isEqualTo(IngestProgress.State.STOPPED);
    assertThat(progress.snapshot().lastProblem()).contains("Vigil is stopping");
    worker.join();
  }

  @Test
  void aFinishedBatchEndsTheWait() throws InterruptedException {
    IngestProgress progress = new IngestProgress("the demo corpus");
    progress.preparing("loading the bundled sanctions lists");
    progress.finish();
    assertThat(progress.awaitEnd(Duration.ZERO)).isTrue();
  }
}
