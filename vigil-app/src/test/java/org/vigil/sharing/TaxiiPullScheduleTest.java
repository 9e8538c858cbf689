/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.jobs.Job;
import org.vigil.jobs.JobState;
import org.vigil.model.Reliability;
import org.vigil.model.Tlp;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/**
 * The pull schedule counts its slots on the database's clock: two nodes whose own clocks are a day
 * ahead and a day behind enqueue the slot of the database's time, and the same one.
 */
class TaxiiPullScheduleTest {
  @TempDir Path dir;

  @Test
  void nodesWithSkewedClocksEnqueueTheDatabasesSlotOnce() throws InterruptedException {
    // a partner nobody answers for: its pulls fail and wait for their back-off, which is fine here
    TaxiiPartner partner =
        new TaxiiPartner(
            "allied",
            URI.create("http://127.0.0.1:9/taxii2/api/"),
            "collection-1",
            "ctic",
            Optional.empty(),
            Optional.of("ALLIED_TOKEN"),
            Duration.ofHours(1),
            100,
            Reliability.B,
            Tlp.AMBER,
            Set.of());
    Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofDays(1));
    Clock behind = Clock.offset(Clock.systemUTC(), Duration.ofDays(-1));
    try (Store store = Store.open(StoreConfig.embedded(dir))) {
      Instant before = store.jobs().now();
      try (TaxiiPullSchedule a =
              TaxiiPullSchedule.start(
                  store,
                  Map.of("allied", partner),
                  name -> Optional.empty(),
                  ahead,
                  Duration.ofMillis(50));
          TaxiiPullSchedule b =
              TaxiiPullSchedule.start(
                  store,
                  Map.of("allied", partner),
                  name -> Optional.empty(),
                  behind,
                  Duration.ofMillis(50))) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (pulls(store).isEmpty() && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        Thread.sleep(300); // several more ticks of both schedules
      }
      Instant after = store.jobs().now();
      // the slots the database's clock passed through meanwhile (one, unless an hour began)
      Set<String> databaseSlots =
          LongStream.rangeClosed(slot(before), slot(after))
              .mapToObj(s -> "allied:" + s)
              .collect(Collectors.toSet());
      List<String> keys = pulls(store).stream().map(Job::key).toList();
      assertThat(keys).isNotEmpty().doesNotHaveDuplicates();
      assertThat(databaseSlots).containsAll(keys);
      assertThat(keys)
          .doesNotContain(
              TaxiiPullSchedule.key(partner, ahead.instant()),
              TaxiiPullSchedule.key(partner, behind.instant()));
    }
  }

  private static long slot(Instant at) {
    return at.toEpochMilli() / Duration.ofHours(1).toMillis();
  }

  private static List<Job> pulls(Store store) {
    return java.util.Arrays.stream(JobState.values())
        .flatMap(state -> store.jobs().list(state, 1000).stream())
        .filter(j -> j.kind().equals(TaxiiPullSchedule.KIND))
        .toList();
  }
}
