/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.resolution;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.lists.SanctionsLists;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Schema;
import org.vigil.resolve.PossibleMatch;
import org.vigil.resolve.ResolutionRecord;
import org.vigil.screening.Screener;
import org.vigil.screening.ScreeningMatch;
import org.vigil.screening.ScreeningQuery;
import org.vigil.store.Store;
import org.vigil.watchlists.ListLibrary;
import org.vigil.watchlists.ListScreening;

/**
 * Screens every entity from reporting against the loaded lists: each of its names (with its schema,
 * birth date and country when known), and a hit at or above the threshold becomes a possible match
 * to the list entry, with the screener's explanation. Never a merge: an analyst confirms. A match
 * not recorded before is a new alert.
 *
 * <p>Screening runs per audience ({@link Readers}) over the records as that audience sees them, and
 * each possible match is recorded for that audience only: an alert raised by a statement a reader
 * may not see never reaches them, and neither does its score or explanation.
 */
public final class CrossReferencing {
  /** The lowest screening score that makes a possible match. */
  public static final double DEFAULT_THRESHOLD = 0.85;

  private static final int NAMES_PER_ENTITY = 4;
  private static final int HITS_PER_NAME = 5;

  private final ListScreening screening;
  private final double threshold;
  private final Clock clock;

  public CrossReferencing(ListScreening screening, double threshold, Clock clock) {
    this.screening = requireNonNull(screening, "screening");
    if (!(threshold > 0.0 && threshold <= 1.0)) {
      throw new InvalidValueException("the match threshold " + threshold + " is outside (0, 1]");
    }
    this.threshold = threshold;
    this.clock = requireNonNull(clock, "clock");
  }

  /**
   * What a screening of the store found: the new alerts are new designations (matches not recorded
   * before, or listed again), the delisted ones earlier matches whose entry left its list.
   */
  public record Outcome(
      int screened, int matches, List<PossibleMatch> newAlerts, List<PossibleMatch> delisted) {
    public Outcome {
      newAlerts = List.copyOf(newAlerts);
      delisted = List.copyOf(delisted);
    }

    /** A line for people: how many were screened, matched, and newly alerted. */
    public String summary() {
      return "Screened "
          + screened
          + " entities from reporting against the lists: "
          + matches
          + " possible matches, "
          + newAlerts.size()
          + " new, "
          + delisted.size()
          + " delisted (vigil alerts).";
    }
  }

  /** Screens every record from reporting in {@code store}, for each audience. */
  public Outcome run(Store store) {
    StoreRecords.Snapshot snapshot = StoreRecords.scan(store);
    return run(store, snapshot, Readers.of(store, snapshot.markings()));
  }

  Outcome run(Store store, StoreRecords.Snapshot snapshot, List<Readers.Group> groups) {
    Screener screener = screening.current().screener();
    if (screener.entryCount() == 0) {
      return new Outcome(0, 0, List.of(), List.of());
    }
    Instant now = clock.instant();
    // Audiences share most records; a query is screened once per run.
    Map<ScreeningQuery, List<ScreeningMatch>> screened = new HashMap<>();
    int records = 0;
    int matches = 0;
    List<PossibleMatch> fresh = new ArrayList<>();
    List<PossibleMatch> delisted = new ArrayList<>();
    Set<String> datasets = new HashSet<>();
    Set<String> listed = new HashSet<>();
    screener.forEachEntry(
        (dataset, entryId) -> {
          datasets.add(ListLibrary.datasetKey(dataset));
          listed.add(SanctionsLists.storeId(dataset, entryId));
        });
    for (Readers.Group group : groups) {
      List<ResolutionRecord> seen = snapshot.records(group.viewer()).records();
      List<PossibleMatch> found = new ArrayList<>();
      for (ResolutionRecord record : seen) {
        found.addAll(matches(screener, record, now, screened));
      }
      records = Math.max(records, seen.size());
      matches += found.size();
      fresh.addAll(store.resolution().recordMatches(group.audience(), found));
      delisted.addAll(store.resolution().delistMissing(group.audience(), datasets, listed, now));
    }
    return new Outcome(records, matches, fresh, delisted);
  }

  List<PossibleMatch> matches(Screener screener, ResolutionRecord record, Instant now) {
    return matches(screener, record, now, new HashMap<>());
  }

  private List<PossibleMatch> matches(
      Screener screener,
      ResolutionRecord record,
      Instant now,
      Map<ScreeningQuery, List<ScreeningMatch>> screened) {
    Map<String, PossibleMatch> best = new LinkedHashMap<>();
    for (String name : record.names().stream().limit(NAMES_PER_ENTITY).toList()) {
      ScreeningQuery query;
      try {
        query = query(name, record);
      } catch (InvalidValueException e) {
        continue;
      }
      for (ScreeningMatch hit :
          screened.computeIfAbsent(query, q -> screener.screen(q).matches())) {
        String listId = SanctionsLists.storeId(hit.dataset(), hit.entityId());
        PossibleMatch match =
            new PossibleMatch(
                0,
                record.id(),
                listId,
                hit.entityId(),
                ListLibrary.datasetKey(hit.dataset()),
                hit.primaryName(),
                hit.programs(),
                hit.score(),
                explanation(name, hit),
                now,
                PossibleMatch.Change.LISTED,
                Optional.empty());
        PossibleMatch known = best.get(listId);
        if (known == null || known.score() < match.score()) {
          best.put(listId, match);
        }
      }
    }
    return List.copyOf(best.values());
  }

  private ScreeningQuery query(String name, ResolutionRecord record) {
    ScreeningQuery query =
        ScreeningQuery.of(name)
            .withLimit(HITS_PER_NAME)
            .withThreshold(threshold)
            .withSchema(record.schema() == Schema.PERSON ? Schema.PERSON : record.schema());
    if (!record.birthDates().isEmpty()) {
      query = query.withBirthDate(record.birthDates().get(0));
    }
    if (record.countries().size() == 1) {
      query = query.withCountry(record.countries().get(0));
    }
    return query;
  }

  private static List<String> explanation(String name, ScreeningMatch hit) {
    List<String> out = new ArrayList<>();
    out.add(
        "\""
            + name
            + "\" matched \""
            + hit.matchedName()
            + "\" on "
            + hit.dataset()
            + " "
            + hit.entityId());
    // in sentences, as the alert page shows them to the person who reviews the alert
    out.add(hit.explain());
    return out;
  }
}
