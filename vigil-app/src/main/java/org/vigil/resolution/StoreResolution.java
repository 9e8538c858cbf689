/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.resolution;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.vigil.resolve.Judgement;
import org.vigil.resolve.PairScore;
import org.vigil.resolve.RecordPair;
import org.vigil.resolve.ResolutionRecord;
import org.vigil.resolve.ResolutionResult;
import org.vigil.resolve.Resolver;
import org.vigil.resolve.Verdict;
import org.vigil.store.JudgementRepository;
import org.vigil.store.Store;

/**
 * Resolves the entities read from reporting in a store: each machine merge becomes a judgement by
 * "machine" with its score and reasons, and the uncertain pairs replace the review queue. A pair
 * that has ever been judged (by an analyst, or by the machine and undone since) is neither merged
 * again nor queued: an undo stays undone, and an analyst's word stands.
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

  /** Resolves the store's records from reporting. */
  public Outcome run(Store store) {
    List<ResolutionRecord> records = StoreRecords.read(store).records();
    return run(store, records);
  }

  /** Resolves {@code records}, already read from the store by {@link StoreRecords#read}. */
  public Outcome run(Store store, List<ResolutionRecord> records) {
    JudgementRepository judgements = store.judgements();
    Set<RecordPair> decided = new HashSet<>();
    Set<RecordPair> apart = new HashSet<>();
    for (Judgement j : judgements.all()) {
      decided.add(RecordPair.of(j.left(), j.right()));
      if (!j.inForce() || j.verdict() == Verdict.DIFFERENT) {
        // Whatever is now joined to either side must stay apart from the other side too.
        for (String a : judgements.members(j.left())) {
          for (String b : judgements.members(j.right())) {
            if (!a.equals(b) && !judgements.canonicalId(a).equals(judgements.canonicalId(b))) {
              apart.add(RecordPair.of(a, b));
            }
          }
        }
      }
    }
    ResolutionResult result = resolver.resolve(records, apart, decided);
    List<Judgement> made = new ArrayList<>();
    for (PairScore merge : result.merges()) {
      if (judgements.canonicalId(merge.left()).equals(judgements.canonicalId(merge.right()))) {
        continue;
      }
      made.add(
          judgements.judge(
              merge.left(),
              merge.right(),
              Verdict.SAME,
              MACHINE,
              reason(merge),
              OptionalDouble.of(merge.score())));
    }
    List<org.vigil.resolve.ReviewItem> queue =
        result.review().stream()
            .filter(
                r ->
                    !judgements
                        .canonicalId(r.pair().left())
                        .equals(judgements.canonicalId(r.pair().right())))
            .toList();
    store.resolution().replaceReviewQueue(queue, clock.instant());
    return new Outcome(result.records(), result.pairsScored(), made, queue.size());
  }

  static String reason(PairScore pair) {
    String text = String.join("; ", pair.explanation());
    return text.length() <= 2_000 ? text : text.substring(0, 1_999) + "…";
  }
}
