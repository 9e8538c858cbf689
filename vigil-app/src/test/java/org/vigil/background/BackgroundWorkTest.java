/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.background;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.jobs.Job;
import org.vigil.jobs.JobRequest;
import org.vigil.jobs.JobRunner;
import org.vigil.jobs.JobState;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/** The server's background work on the embedded store: the same queue, run in process. */
class BackgroundWorkTest {
  @TempDir Path dir;

  @Test
  void aRegisteredKindRunsOnceForEachKeySubmitted() throws InterruptedException {
    List<String> ran = new CopyOnWriteArrayList<>();
    try (Store store = Store.open(StoreConfig.embedded(dir.resolve("data")));
        BackgroundWork work = new BackgroundWork("node-a", settings(3))) {
      work.register("pull-feed", job -> ran.add(job.key()));
      work.start(store);

      assertThat(work.submit(new JobRequest("pull-feed", "partner-1", "{}"))).isTrue();
      assertThat(work.submit(new JobRequest("pull-feed", "partner-1", "{}"))).isFalse();
      work.submit(new JobRequest("pull-feed", "partner-2", "{}"));
      await(() -> store.jobs().counts().get(JobState.DONE) == 2);
    }
    assertThat(ran).containsExactlyInAnyOrder("partner-1", "partner-2");
  }

  @Test
  void aPeriodicKindIsEnqueuedOncePerPeriodWhateverTheNodes() throws InterruptedException {
    List<String> ran = new CopyOnWriteArrayList<>();
    try (Store store = Store.open(StoreConfig.embedded(dir.resolve("data")));
        BackgroundWork a = new BackgroundWork("node-a", settings(3));
        BackgroundWork b = new BackgroundWork("node-b", settings(3))) {
      Duration period = Duration.ofSeconds(2);
      a.every("pull-feed", period, BackgroundWork.Reach.ONE_NODE, j -> ran.add("a"));
      b.every("pull-feed", period, BackgroundWork.Reach.ONE_NODE, j -> ran.add("b"));
      a.every("lists", period, BackgroundWork.Reach.EACH_NODE, j -> ran.add("a"));
      b.every("lists", period, BackgroundWork.Reach.EACH_NODE, j -> ran.add("b"));
      a.start(store);
      b.start(store);
      assertThat(store.jobs().counts().get(JobState.QUEUED)).as("nothing at the start").isZero();
      await(() -> store.jobs().counts().get(JobState.DONE) >= 3);
      Job feed =
          store.jobs().list(JobState.DONE, 10).stream()
              .filter(j -> j.kind().equals("pull-feed"))
              .findFirst()
              .orElseThrow();
      String number = feed.key().substring("period-".length());
      assertThat(store.jobs().find("lists", "period-" + number + "@node-a")).isPresent();
      assertThat(store.jobs().find("lists", "period-" + number + "@node-b")).isPresent();
      assertThat(
              store.jobs().list(JobState.DONE, 100).stream()
                  .filter(j -> j.key().equals(feed.key())))
          .as("one feed pull for the period, whatever the nodes")
          .hasSize(1);
    }
  }

  @Test
  void aJobThatAlwaysFailsIsParkedWithItsErrorAndRunsAgainWhenRetried()
      throws InterruptedException {
    List<Integer> attempts = new CopyOnWriteArrayList<>();
    try (Store store = Store.open(StoreConfig.embedded(dir.resolve("data")));
        BackgroundWork work = new BackgroundWork("node-a", settings(3))) {
      work.register(
          "pull-feed",
          job -> {
            attempts.add(job.attempts());
            if (attempts.size() <= 3) {
              throw new IllegalStateException("the partner's server answered 503");
            }
          });
      work.start(store);
      work.submit(new JobRequest("pull-feed", "partner-1", "{}"));
      await(() -> store.jobs().counts().get(JobState.PARKED) == 1);
      Job parked = store.jobs().list(JobState.PARKED, 5).get(0);
      assertThat(parked.lastError().orElseThrow()).contains("the partner's server answered 503");

      assertThat(store.jobs().retry(parked.id())).isTrue();
      work.wake();
      await(() -> store.jobs().counts().get(JobState.DONE) == 1);
    }
    assertThat(attempts).containsExactly(1, 2, 3, 1);
  }

  @Test
  void kindsAreRegisteredOnceAndBeforeTheStart() {
    try (Store store = Store.open(StoreConfig.embedded(dir.resolve("data")));
        BackgroundWork work = new BackgroundWork("node-a", settings(3))) {
      work.register("resolve", job -> {});
      assertThatThrownBy(() -> work.register("resolve", job -> {}))
          .hasMessageContaining("kind 'resolve' already have a handler");
      work.start(store);
      assertThatThrownBy(() -> work.register("pull-feed", job -> {}))
          .hasMessageContaining("before the work starts");
    }
  }

  private static JobRunner.Settings settings(int maxAttempts) {
    return new JobRunner.Settings(
        2,
        Duration.ofSeconds(10),
        Duration.ofMillis(50),
        maxAttempts,
        Duration.ofMillis(20),
        Duration.ofMillis(200));
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not reached within 60 s");
      }
      Thread.sleep(50);
    }
  }
}
