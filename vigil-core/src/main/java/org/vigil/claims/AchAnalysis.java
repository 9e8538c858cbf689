/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.claims;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Heuer's analysis of competing hypotheses over one {@link AchMatrix}, for each analyst apart:
 *
 * <ul>
 *   <li>the <b>inconsistency score</b> of a hypothesis is the weighted count of evidence rated
 *       inconsistent with it (Heuer ranks by what refutes, not by what agrees); an item weighs its
 *       reliability's share times its credibility's share, and the items of one independent origin
 *       share one item's weight (their weights are averaged), so an origin repeated counts once;
 *   <li>the <b>diagnosticity</b> of an item is 1 − (the largest number of hypotheses sharing one
 *       rating) / (the hypotheses it applies to): 0 when it rates every hypothesis alike;
 *   <li>a <b>linchpin</b> is an item without which the leading hypothesis would no longer score
 *       strictly lowest.
 * </ul>
 *
 * Analysts' ratings are never averaged: each gets their own ranking, and the cells they rate
 * differently are listed as disagreements.
 */
public final class AchAnalysis {

  /** A hypothesis and its inconsistency score. */
  public record Score(String hypothesis, double inconsistency) {}

  /** One analyst's view of the matrix. */
  public record View(
      String analyst,
      List<Score> ranking,
      Optional<String> leader,
      Map<String, Double> diagnosticity,
      List<String> linchpins) {
    public View {
      requireNonNull(analyst, "analyst");
      ranking = List.copyOf(ranking);
      requireNonNull(leader, "leader");
      diagnosticity = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(diagnosticity));
      linchpins = List.copyOf(linchpins);
    }

    /** Whether the leading hypothesis rests on a single item. */
    public boolean linchpinWarning() {
      return !linchpins.isEmpty();
    }
  }

  /** A cell that analysts rated differently, with each one's rating. */
  public record Disagreement(
      String evidenceId, String hypothesis, Map<String, AchRating> byAnalyst) {
    public Disagreement {
      byAnalyst = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byAnalyst));
    }
  }

  private final List<View> views;
  private final List<Disagreement> disagreements;

  private AchAnalysis(List<View> views, List<Disagreement> disagreements) {
    this.views = List.copyOf(views);
    this.disagreements = List.copyOf(disagreements);
  }

  /** Analyses {@code matrix} for every analyst who rated it. */
  public static AchAnalysis of(AchMatrix matrix) {
    requireNonNull(matrix, "matrix");
    List<View> views = new ArrayList<>();
    for (String analyst : matrix.ratings().keySet()) {
      views.add(view(matrix, analyst));
    }
    List<Disagreement> disagreements = new ArrayList<>();
    if (matrix.ratings().size() > 1) {
      for (AchEvidence e : matrix.evidence()) {
        for (String h : matrix.hypotheses()) {
          Map<String, AchRating> by = new LinkedHashMap<>();
          for (String analyst : matrix.ratings().keySet()) {
            by.put(analyst, matrix.rating(analyst, e.id(), h));
          }
          if (by.values().stream().distinct().count() > 1) {
            disagreements.add(new Disagreement(e.id(), h, by));
          }
        }
      }
    }
    return new AchAnalysis(views, disagreements);
  }

  /** Each analyst's view, in order of their first rating. */
  public List<View> views() {
    return views;
  }

  /** The cells analysts rated differently, by item then hypothesis. */
  public List<Disagreement> disagreements() {
    return disagreements;
  }

  private static View view(AchMatrix m, String analyst) {
    List<Score> ranking = ranking(m, analyst, m.evidence());
    Optional<String> leader = leader(ranking);
    Map<String, Double> diagnosticity = new LinkedHashMap<>();
    for (AchEvidence e : m.evidence()) {
      diagnosticity.put(e.id(), diagnosticity(m, analyst, e));
    }
    List<String> linchpins = new ArrayList<>();
    if (leader.isPresent()) {
      for (AchEvidence e : m.evidence()) {
        List<AchEvidence> without = new ArrayList<>(m.evidence());
        without.remove(e);
        if (!leader(ranking(m, analyst, without)).equals(leader)) {
          linchpins.add(e.id());
        }
      }
    }
    return new View(analyst, ranking, leader, diagnosticity, linchpins);
  }

  private static List<Score> ranking(AchMatrix m, String analyst, List<AchEvidence> items) {
    Map<String, Integer> perOrigin = new LinkedHashMap<>();
    for (AchEvidence e : items) {
      perOrigin.merge(e.countedUnder(), 1, Integer::sum);
    }
    List<Score> scores = new ArrayList<>();
    for (String h : m.hypotheses()) {
      double sum = 0;
      for (AchEvidence e : items) {
        if (m.rating(analyst, e.id(), h) == AchRating.INCONSISTENT) {
          sum += e.weight() / perOrigin.get(e.countedUnder());
        }
      }
      scores.add(new Score(h, sum));
    }
    List<Score> sorted = new ArrayList<>(scores);
    sorted.sort(Comparator.comparingDouble(Score::inconsistency));
    return sorted;
  }

  /** The hypothesis that scores strictly lowest; none on a tie. */
  private static Optional<String> leader(List<Score> ranking) {
    if (ranking.size() > 1
        && Math.abs(ranking.get(0).inconsistency() - ranking.get(1).inconsistency()) < 1e-9) {
      return Optional.empty();
    }
    return Optional.of(ranking.get(0).hypothesis());
  }

  private static double diagnosticity(AchMatrix m, String analyst, AchEvidence e) {
    Map<AchRating, Integer> counts = new LinkedHashMap<>();
    int applicable = 0;
    for (String h : m.hypotheses()) {
      AchRating r = m.rating(analyst, e.id(), h);
      if (r != AchRating.NOT_APPLICABLE) {
        counts.merge(r, 1, Integer::sum);
        applicable++;
      }
    }
    if (applicable < 2) {
      return 0.0;
    }
    int most = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    return 1.0 - (double) most / applicable;
  }
}
