/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.resolve;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The front door of resolution: records in; pairs found by blocking, scored ({@link PairScorer}),
 * and clustered. Clustering takes the pairs to merge best first and joins two clusters only when no
 * member of one conflicts with a member of the other and no analyst has kept two of them apart, so
 * a chain of plausible merges never joins two records that may not be one. Uncertain pairs, and
 * merges that clustering refused, go to the review queue ranked by impact.
 *
 * <p>Pure: it reads nothing and writes nothing. Thread-safe.
 */
public final class Resolver {
  private static final double IMPACT_PER_LINK = 1.0;
  private static final double IMPACT_PER_STATEMENT = 0.1;
  private static final double IMPACT_OF_SANCTIONS = 10.0;

  private final PairScorer scorer = new PairScorer();

  public PairScorer scorer() {
    return scorer;
  }

  /** Resolves records with no earlier judgements. */
  public ResolutionResult resolve(List<ResolutionRecord> records) {
    return resolve(records, Set.of(), Set.of());
  }

  /**
   * Resolves records.
   *
   * @param keepApart pairs that must end in different clusters (an analyst judged them different,
   *     or undid a merge of them)
   * @param decided pairs already judged, in force or undone: neither merged again nor queued
   */
  public ResolutionResult resolve(
      List<ResolutionRecord> records, Set<RecordPair> keepApart, Set<RecordPair> decided) {
    requireNonNull(records, "records");
    requireNonNull(keepApart, "keepApart");
    requireNonNull(decided, "decided");
    List<PreparedRecord> prepared = new ArrayList<>(records.size());
    Map<String, Integer> index = new HashMap<>();
    for (ResolutionRecord r : records) {
      if (index.putIfAbsent(r.id(), prepared.size()) != null) {
        throw new IllegalArgumentException("record " + r.id() + " is given twice");
      }
      prepared.add(new PreparedRecord(r, scorer.normaliser()));
    }
    List<long[]> candidates = Blocking.pairs(prepared);
    List<PairScore> merges = new ArrayList<>();
    List<PairScore> uncertain = new ArrayList<>();
    int scored = 0;
    for (long[] pair : candidates) {
      PreparedRecord a = prepared.get((int) pair[0]);
      PreparedRecord b = prepared.get((int) pair[1]);
      if (!PairScorer.compatible(a.schema(), b.schema())
          || !decided.isEmpty() && decided.contains(RecordPair.of(a.id(), b.id()))) {
        continue;
      }
      scored++;
      PairScore score = scorer.score(a, b);
      switch (score.decision()) {
        case MERGE -> merges.add(score);
        case REVIEW -> uncertain.add(score);
        case APART -> {}
      }
    }
    merges.sort(
        Comparator.comparingDouble(PairScore::score)
            .reversed()
            .thenComparing(PairScore::left)
            .thenComparing(PairScore::right));
    Clustering clustering = new Clustering(prepared, index, keepApart);
    List<PairScore> made = new ArrayList<>();
    for (PairScore merge : merges) {
      switch (clustering.join(merge.left(), merge.right())) {
        case JOINED -> made.add(merge);
        case ALREADY -> {}
        case REFUSED ->
            uncertain.add(
                new PairScore(
                    merge.left(),
                    merge.right(),
                    merge.score(),
                    append(merge.reasons(), "not merged: it would join records that conflict"),
                    merge.conflicts(),
                    Decision.REVIEW));
      }
    }
    List<ReviewItem> review = new ArrayList<>();
    for (PairScore pair : uncertain) {
      if (!clustering.together(pair.left(), pair.right())) {
        review.add(
            new ReviewItem(
                pair,
                impact(
                    prepared.get(index.get(pair.left())).record,
                    prepared.get(index.get(pair.right())).record)));
      }
    }
    review.sort(
        Comparator.comparingDouble(ReviewItem::impact)
            .reversed()
            .thenComparing(r -> -r.pair().score())
            .thenComparing(r -> r.pair().left())
            .thenComparing(r -> r.pair().right()));
    return new ResolutionResult(made, review, clustering.clusters(), records.size(), scored);
  }

  /** How much deciding a pair matters: links, statements, and closeness to sanctions. */
  static double impact(ResolutionRecord a, ResolutionRecord b) {
    double raw =
        IMPACT_PER_LINK * (a.degree() + b.degree())
            + IMPACT_PER_STATEMENT * (a.statements() + b.statements())
            + IMPACT_OF_SANCTIONS * (a.sanctionsProximity() + b.sanctionsProximity());
    return Math.round(raw * 10.0) / 10.0;
  }

  private static List<String> append(List<String> list, String line) {
    List<String> out = new ArrayList<>(list);
    out.add(line);
    return out;
  }

  /** Union of clusters that refuses to join records in conflict. */
  private final class Clustering {
    enum Outcome {
      JOINED,
      ALREADY,
      REFUSED
    }

    private final List<PreparedRecord> records;
    private final Map<String, Integer> index;
    private final Set<RecordPair> keepApart;
    private final int[] parent;
    private final Map<Integer, List<Integer>> members = new HashMap<>();

    Clustering(List<PreparedRecord> records, Map<String, Integer> index, Set<RecordPair> apart) {
      this.records = records;
      this.index = index;
      this.keepApart = apart;
      this.parent = new int[records.size()];
      for (int i = 0; i < parent.length; i++) {
        parent[i] = i;
      }
    }

    private int find(int i) {
      while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
      }
      return i;
    }

    private List<Integer> membersOf(int root) {
      return members.getOrDefault(root, List.of(root));
    }

    boolean together(String a, String b) {
      return find(index.get(a)) == find(index.get(b));
    }

    Outcome join(String a, String b) {
      int ra = find(index.get(a));
      int rb = find(index.get(b));
      if (ra == rb) {
        return Outcome.ALREADY;
      }
      List<Integer> left = membersOf(ra);
      List<Integer> right = membersOf(rb);
      for (int x : left) {
        for (int y : right) {
          ResolutionRecord rx = records.get(x).record;
          ResolutionRecord ry = records.get(y).record;
          if (!keepApart.isEmpty() && keepApart.contains(RecordPair.of(rx.id(), ry.id()))
              || scorer.inConflict(rx, ry)) {
            return Outcome.REFUSED;
          }
        }
      }
      List<Integer> joined = new ArrayList<>(left.size() + right.size());
      joined.addAll(left);
      joined.addAll(right);
      members.remove(ra);
      members.remove(rb);
      int root = Math.min(ra, rb);
      parent[ra] = root;
      parent[rb] = root;
      members.put(root, joined);
      return Outcome.JOINED;
    }

    List<List<String>> clusters() {
      List<List<String>> out = new ArrayList<>();
      for (List<Integer> cluster : members.values()) {
        TreeSet<String> ids = new TreeSet<>();
        cluster.forEach(i -> ids.add(records.get(i).id()));
        out.add(List.copyOf(ids));
      }
      out.sort(Comparator.comparing(c -> c.get(0)));
      return out;
    }
  }
}
