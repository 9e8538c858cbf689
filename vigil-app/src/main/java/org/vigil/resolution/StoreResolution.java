/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.resolution;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.vigil.access.Viewer;
import org.vigil.resolve.Audience;
import org.vigil.resolve.Judgement;
import org.vigil.resolve.PairScore;
import org.vigil.resolve.RecordPair;
import org.vigil.resolve.ResolutionRecord;
import org.vigil.resolve.ResolutionResult;
import org.vigil.resolve.Resolver;
import org.vigil.resolve.ReviewItem;
import org.vigil.resolve.Verdict;
import org.vigil.store.JudgementRepository;
import org.vigil.store.Store;

/**
 * Resolves the entities read from reporting in a store: each machine merge becomes a judgement by
 * "machine" with its score and reasons, and the uncertain pairs replace the review queue. A pair
 * that has ever been judged (by an analyst, or by the machine and undone since) is neither merged
 * again nor queued: an undo stays undone, and an analyst's word stands.
 *
 * <p>Resolution runs once per audience ({@link Readers}), over the records as that audience sees
 * them and the judgements it may see; its merges, their notes and its queued pairs reach that
 * audience only. A reader's clusters therefore never rest on a statement they may not read.
 */
public final class StoreResolution {
  /** Who machine judgements are by. */
  public static final String MACHINE = "machine";

  private final Resolver resolver = new Resolver();
  private final Clock clock;

  public StoreResolution(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
  }

  /** What a run did. */
  public record Outcome(int records, int pairsScored, List<Judgement> merges, int queued) {
    public Outcome {
      merges = List.copyOf(merges);
    }
  }

  /** Resolves the store's records from reporting, for each audience. */
  public Outcome run(Store store) {
    StoreRecords.Snapshot snapshot = StoreRecords.scan(store);
    return run(store, snapshot, Readers.of(store, snapshot.markings()));
  }

  Outcome run(Store store, StoreRecords.Snapshot snapshot, List<Readers.Group> groups) {
    Map<Audience, List<ReviewItem>> queues = new LinkedHashMap<>();
    int records = 0;
    int pairsScored = 0;
    List<Judgement> made = new ArrayList<>();
    for (Readers.Group group : groups) {
      Part one = resolve(store, snapshot.records(group.viewer()).records(), group);
      records = Math.max(records, one.records);
      pairsScored += one.pairsScored;
      made.addAll(one.made);
      queues.put(group.audience(), one.queue);
    }
    store.resolution().replaceReviewQueue(queues, clock.instant());
    return new Outcome(
        records, pairsScored, made, queues.values().stream().mapToInt(List::size).sum());
  }

  /**
   * Resolves {@code records}, already read from the store by {@link StoreRecords#read}, for the
   * operator alone (evaluations).
   */
  public Outcome run(Store store, List<ResolutionRecord> records) {
    Readers.Group operator = new Readers.Group(Audience.operator(), Viewer.system());
    Part one = resolve(store, records, operator);
    store.resolution().replaceReviewQueue(Map.of(operator.audience(), one.queue), clock.instant());
    return new Outcome(one.records, one.pairsScored, one.made, one.queue.size());
  }

  private record Part(int records, int pairsScored, List<Judgement> made, List<ReviewItem> queue) {}

  private Part resolve(Store store, List<ResolutionRecord> records, Readers.Group group) {
    JudgementRepository judgements = store.judgements();
    Viewer viewer = group.viewer();
    Set<RecordPair> decided = new HashSet<>();
    Set<RecordPair> apart = new HashSet<>();
    for (Judgement j : judgements.all(viewer)) {
      decided.add(RecordPair.of(j.left(), j.right()));
      if (!j.inForce() || j.verdict() == Verdict.DIFFERENT) {
        // Whatever is now joined to either side must stay apart from the other side too.
        for (String a : judgements.members(j.left(), viewer)) {
          for (String b : judgements.members(j.right(), viewer)) {
            if (!a.equals(b)
                && !judgements.canonicalId(a, viewer).equals(judgements.canonicalId(b, viewer))) {
              apart.add(RecordPair.of(a, b));
            }
          }
        }
      }
    }
    ResolutionResult result = resolver.resolve(records, apart, decided);
    List<Judgement> made = new ArrayList<>();
    for (PairScore merge : result.merges()) {
      if (judgements
          .canonicalId(merge.left(), viewer)
          .equals(judgements.canonicalId(merge.right(), viewer))) {
        continue;
      }
      made.add(
          judgements.record(
              merge.left(),
              merge.right(),
              Verdict.SAME,
              MACHINE,
              reason(merge),
              OptionalDouble.of(merge.score()),
              group.audience()));
    }
    List<ReviewItem> queue =
        result.review().stream()
            .filter(
                r ->
                    !judgements
                        .canonicalId(r.pair().left(), viewer)
                        .equals(judgements.canonicalId(r.pair().right(), viewer)))
            .toList();
    return new Part(result.records(), result.pairsScored(), made, queue);
  }

  static String reason(PairScore pair) {
    String text = String.join("; ", pair.explanation());
    return text.length() <= 2_000 ? text : text.substring(0, 1_999) + "…";
  }
}
