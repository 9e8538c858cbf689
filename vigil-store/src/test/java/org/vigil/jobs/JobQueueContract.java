/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/**
 * What the job queue and its runner must do, on every database the store runs on ({@link
 * H2JobQueueContractTest}, {@link PostgresJobQueueContractIT}).
 */
abstract class JobQueueContract {
  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir Path dir;
  private Store store;
  private JobQueue queue;

  protected abstract StoreConfig freshConfig(Path dataDir) throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = Store.open(freshConfig(dir));
    queue = store.jobs();
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void enqueueingTheSameKindAndKeyTwiceIsOneJob() {
    assertThat(queue.enqueue(new JobRequest("rescreen", "release-1", "{}"))).isTrue();
    assertThat(queue.enqueue(new JobRequest("rescreen", "release-1", "{\"other\":1}"))).isFalse();
    assertThat(queue.enqueue(new JobRequest("resolve", "release-1", "{}"))).isTrue();

    assertThat(queue.counts()).containsEntry(JobState.QUEUED, 2L);
    assertThat(queue.find("rescreen", "release-1").orElseThrow().payload()).isEqualTo("{}");
  }

  @Test
  void aClaimedJobIsAnotherNodesOnlyOnceItsLeaseHasRunOut() throws InterruptedException {
    queue.enqueue(new JobRequest("ingest", "batch-1", "{}"));

    List<Job> first = queue.claim("node-a", 5, Duration.ofMillis(800));
    assertThat(first).singleElement().satisfies(j -> assertThat(j.attempts()).isEqualTo(1));
    assertThat(queue.claim("node-b", 5, Duration.ofSeconds(30))).isEmpty();

    // node-a stops renewing, as a node that died would
    List<Job> second = awaitClaim("node-b");
    assertThat(second).singleElement().satisfies(j -> assertThat(j.attempts()).isEqualTo(2));
    assertThat(queue.complete(first.get(0).id(), "node-a")).isFalse();
    assertThat(queue.complete(second.get(0).id(), "node-b")).isTrue();
    assertThat(queue.find("ingest", "batch-1").orElseThrow().state()).isEqualTo(JobState.DONE);
  }

  @Test
  void aRenewedLeaseKeepsTheJob() throws InterruptedException {
    queue.enqueue(new JobRequest("ingest", "batch-1", "{}"));
    Job job = queue.claim("node-a", 1, Duration.ofMillis(600)).get(0);

    for (int i = 0; i < 4; i++) {
      Thread.sleep(300);
      assertThat(queue.renew(job.id(), "node-a", Duration.ofMillis(600))).isTrue();
      assertThat(queue.claim("node-b", 1, Duration.ofSeconds(30))).isEmpty();
    }
  }

  @Test
  void aFailedAttemptWaitsForItsBackOff() {
    queue.enqueue(new JobRequest("ingest", "batch-1", "{}"));
    Job job = queue.claim("node-a", 1, Duration.ofSeconds(30)).get(0);

    assertThat(queue.fail(job.id(), "node-a", "disk full", Optional.of(Duration.ofMinutes(10))))
        .isTrue();

    assertThat(queue.claim("node-b", 1, Duration.ofSeconds(30))).isEmpty();
    Job queued = queue.find("ingest", "batch-1").orElseThrow();
    assertThat(queued.state()).isEqualTo(JobState.QUEUED);
    assertThat(queued.lastError()).contains("disk full");
  }

  @Test
  void aJobThatAlwaysFailsIsRetriedWithBackOffThenParkedWithItsError() throws InterruptedException {
    AtomicInteger attempts = new AtomicInteger();
    queue.enqueue(new JobRequest("update-lists", "ofac", "{}"));
    try (JobRunner runner =
        JobRunner.start(
            queue,
            "node-a",
            Map.of(
                "update-lists",
                job -> {
                  attempts.incrementAndGet();
                  throw new IllegalStateException("the list server answered 502");
                }),
            settings(3))) {
      await(() -> queue.counts().get(JobState.PARKED) == 1);
    }

    Job parked = queue.parked(10).get(0);
    assertThat(parked.key()).isEqualTo("ofac");
    assertThat(parked.attempts()).isEqualTo(3);
    assertThat(parked.lastError().orElseThrow()).contains("the list server answered 502");
    assertThat(attempts).hasValue(3);
  }

  @Test
  void theBackOffDoublesUpToItsMaximum() {
    try (JobRunner runner =
        JobRunner.start(
            queue,
            "node-a",
            Map.of(),
            new JobRunner.Settings(
                1,
                Duration.ofSeconds(30),
                Duration.ofSeconds(1),
                9,
                Duration.ofSeconds(5),
                Duration.ofSeconds(30)))) {
      assertThat(List.of(1, 2, 3, 4, 5).stream().map(runner::backoff))
          .containsExactly(
              Duration.ofSeconds(5),
              Duration.ofSeconds(10),
              Duration.ofSeconds(20),
              Duration.ofSeconds(30),
              Duration.ofSeconds(30));
    }
  }

  @Test
  void aJobOfAKindNoNodeHandlesIsParkedAtOnce() throws InterruptedException {
    queue.enqueue(new JobRequest("unknown-kind", "k", "{}"));
    try (JobRunner runner = JobRunner.start(queue, "node-a", Map.of(), settings(5))) {
      await(() -> queue.counts().get(JobState.PARKED) == 1);
    }
    assertThat(queue.parked(1).get(0).lastError().orElseThrow()).contains("unknown-kind");
  }

  @Test
  void twoRunnersOnOneQueueRunEveryJobOnce() throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      queue.enqueue(new JobRequest("resolve", "doc-" + i, "{}"));
    }
    Map<String, Integer> runs = new ConcurrentHashMap<>();
    JobHandler handler = job -> runs.merge(job.key(), 1, Integer::sum);
    try (JobRunner a = JobRunner.start(queue, "node-a", Map.of("resolve", handler), settings(5));
        JobRunner b = JobRunner.start(queue, "node-b", Map.of("resolve", handler), settings(5))) {
      await(() -> queue.counts().get(JobState.DONE) == 200);
    }
    assertThat(runs).hasSize(200);
    assertThat(runs.values()).containsOnly(1);
  }

  @Test
  void aParkedJobRetriedByAnOperatorRunsAgainFromItsFirstAttempt() throws InterruptedException {
    queue.enqueue(new JobRequest("pull-feed", "partner-1", "{}"));
    Job job = queue.claim("node-a", 1, Duration.ofSeconds(30)).get(0);
    queue.fail(
        job.id(), "node-a", "the partner's server refused the certificate", Optional.empty());
    assertThat(queue.list(JobState.PARKED, 10)).extracting(Job::key).containsExactly("partner-1");

    assertThat(queue.retry(job.id())).isTrue();
    assertThat(queue.retry(job.id())).as("no longer parked").isFalse();
    Job again = queue.claim("node-b", 1, Duration.ofSeconds(30)).get(0);
    assertThat(again.id()).isEqualTo(job.id());
    assertThat(again.attempts()).isEqualTo(1);
    assertThat(again.lastError()).contains("the partner's server refused the certificate");
  }

  @Test
  void forgettingDoneJobsDeletesOnlyThoseOfTheKindAndPrefixThatFinishedLongEnoughAgo()
      throws InterruptedException {
    for (String key : List.of("period-1", "period-2", "period_x", "batch-1")) {
      queue.enqueue(new JobRequest("tick", key, "{}"));
    }
    queue.enqueue(new JobRequest("other", "period-1", "{}"));
    for (Job job : queue.claim("node-a", 10, Duration.ofSeconds(30))) {
      if (!job.key().equals("period-2")) {
        assertThat(queue.complete(job.id(), "node-a")).isTrue();
      }
    }

    assertThat(queue.forgetDone("tick", "period-", Duration.ofHours(1)))
        .as("nothing finished an hour ago")
        .isZero();
    Thread.sleep(50);
    assertThat(queue.forgetDone("tick", "period-", Duration.ofMillis(10))).isEqualTo(1);

    assertThat(queue.find("tick", "period-1")).as("done and old enough: forgotten").isEmpty();
    assertThat(queue.find("tick", "period-2").orElseThrow().state())
        .as("still running")
        .isEqualTo(JobState.RUNNING);
    assertThat(queue.find("tick", "period_x")).as("'_' is no wildcard").isPresent();
    assertThat(queue.find("tick", "batch-1")).as("another prefix").isPresent();
    assertThat(queue.find("other", "period-1")).as("another kind").isPresent();
    assertThat(queue.enqueue(new JobRequest("tick", "period-1", "{}")))
        .as("a forgotten key can be enqueued again")
        .isTrue();
  }

  @Test
  void aRequestThatAWaitingJobCoversAddsNone() {
    assertThat(queue.enqueueUnlessWaiting(new JobRequest("resolve", "after-1", "{}"))).isTrue();
    assertThat(queue.enqueueUnlessWaiting(new JobRequest("resolve", "after-2", "{}"))).isFalse();
    assertThat(queue.enqueueUnlessWaiting(new JobRequest("rescreen", "after-2", "{}"))).isTrue();

    queue.claim("node-a", 5, Duration.ofSeconds(30));
    // the first run has started: it may have read the store before this request's write
    assertThat(queue.enqueueUnlessWaiting(new JobRequest("resolve", "after-3", "{}"))).isTrue();
  }

  @Test
  void theLagIsHowLongTheOldestDueJobHasWaitedByTheDatabasesClock() throws InterruptedException {
    assertThat(queue.lag()).isZero();
    queue.enqueue(new JobRequest("resolve", "after-1", "{}"));
    Thread.sleep(200);
    assertThat(queue.lag()).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    Instant before = queue.now();
    queue.claim("node-a", 5, Duration.ofSeconds(30));
    assertThat(queue.lag()).isZero();
    assertThat(queue.now()).isAfterOrEqualTo(before);
  }

  static JobRunner.Settings settings(int maxAttempts) {
    return new JobRunner.Settings(
        2,
        Duration.ofSeconds(10),
        Duration.ofMillis(50),
        maxAttempts,
        Duration.ofMillis(20),
        Duration.ofMillis(200));
  }

  private List<Job> awaitClaim(String node) throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      List<Job> jobs = queue.claim(node, 5, Duration.ofSeconds(30));
      if (!jobs.isEmpty()) {
        return jobs;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no job could be claimed by " + node + " within " + WAIT);
  }

  static void await(BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not reached within " + WAIT);
      }
      Thread.sleep(50);
    }
  }
}
