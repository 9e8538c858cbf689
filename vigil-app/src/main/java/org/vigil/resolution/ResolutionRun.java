/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.resolution;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.vigil.store.Store;
import org.vigil.watchlists.ListLibrary;
import org.vigil.watchlists.ListLoading;
import org.vigil.watchlists.ListScreening;

/**
 * The front door of this package: resolves the store's entities from reporting, then screens them
 * against the loaded lists, reading the records once. Run after an ingest, after lists change, and
 * by {@code vigil resolve}.
 */
public final class ResolutionRun {
  private final StoreResolution resolution;
  private final CrossReferencing crossReferencing;

  public ResolutionRun(ListScreening screening, double matchThreshold, Clock clock) {
    this.resolution = new StoreResolution(requireNonNull(clock, "clock"));
    this.crossReferencing = new CrossReferencing(screening, matchThreshold, clock);
  }

  /** What a run did. */
  public record Outcome(StoreResolution.Outcome resolution, CrossReferencing.Outcome matches) {
    /** A line for people: merges, queued pairs, new possible matches. */
    public String summary() {
      return String.format(
          Locale.ROOT,
          "Resolved %d entities from reporting (%d pairs scored): %d merged by the machine, %d"
              + " pairs queued for review; %d possible list matches, %d new.",
          resolution.records(),
          resolution.pairsScored(),
          resolution.merges().size(),
          resolution.queued(),
          matches.matches(),
          matches.newAlerts().size());
    }
  }

  /** Resolves and cross-references everything in {@code store}. */
  public Outcome run(Store store) {
    StoreRecords.Snapshot snapshot = StoreRecords.scan(store);
    List<Readers.Group> groups = Readers.of(store, snapshot.markings());
    return new Outcome(
        resolution.run(store, snapshot, groups), crossReferencing.run(store, snapshot, groups));
  }

  /**
   * After the lists in {@code library} changed (loaded, updated): the store's entities from
   * reporting screened again with the default threshold.
   */
  public static CrossReferencing.Outcome screenAgain(
      Store store, ListLibrary library, Clock clock) {
    return new ResolutionRun(ListScreening.over(library), CrossReferencing.DEFAULT_THRESHOLD, clock)
        .screenAgain(store);
  }

  /**
   * What loading lists into {@code library} runs once they changed: {@link #screenAgain(Store,
   * ListLibrary, Clock)}, said in a line.
   */
  public static ListLoading.AfterChange afterListsChange(ListLibrary library, Clock clock) {
    requireNonNull(library, "library");
    requireNonNull(clock, "clock");
    return store -> screenAgain(store, library, clock).summary();
  }

  /** Cross-references only, for when the lists changed and the records did not. */
  public CrossReferencing.Outcome screenAgain(Store store) {
    return crossReferencing.run(store);
  }
}
