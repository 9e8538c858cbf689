/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cases;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.claims.AchRating;
import org.vigil.model.Marking;

/**
 * A case's analysis of competing hypotheses as one reader sees it: the case's hypotheses (columns),
 * the evidence the reader may see (rows: the case's claims and the statements rated), each cell's
 * rating, and each hypothesis's inconsistency score over those rows only. Evidence the reader may
 * not see is left out of the rows, of the cells and of the scores, and not counted.
 *
 * @param leader the hypothesis that scores strictly least inconsistent; empty on a tie or when
 *     nothing is rated inconsistent
 * @param linchpins the rows without which the leader would no longer lead
 */
public record CaseMatrix(
    List<Hypothesis> hypotheses,
    List<Evidence> evidence,
    Optional<Long> leader,
    List<String> linchpins) {
  public CaseMatrix {
    hypotheses = List.copyOf(hypotheses);
    evidence = List.copyOf(evidence);
    requireNonNull(leader, "leader");
    linchpins = List.copyOf(linchpins);
  }

  /** A matrix with nothing in it. */
  public static CaseMatrix empty() {
    return new CaseMatrix(List.of(), List.of(), Optional.empty(), List.of());
  }

  /**
   * A hypothesis with its score and its rated cells.
   *
   * @param author the username of the analyst who wrote it
   * @param inconsistency the weighted count of the rows rated inconsistent with it (see {@link
   *     org.vigil.claims.AchAnalysis}): the lower, the better it stands
   * @param inconsistent how many of the reader's rows are rated inconsistent with it
   * @param cells the rated cells, by evidence reference; a row not here is neutral
   */
  public record Hypothesis(
      long id,
      String text,
      String author,
      Instant writtenAt,
      double inconsistency,
      int inconsistent,
      Map<String, Cell> cells) {
    public Hypothesis {
      requireNonNull(text, "text");
      requireNonNull(author, "author");
      requireNonNull(writtenAt, "writtenAt");
      cells = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cells));
    }

    /** The cell of one row: its rating, or neutral when no one rated it. */
    public Optional<Cell> cell(Evidence e) {
      return Optional.ofNullable(cells.get(e.ref()));
    }
  }

  /** One rated cell: the rating, who gave it last (username), and when. */
  public record Cell(AchRating rating, String ratedBy, Instant ratedAt) {
    public Cell {
      requireNonNull(rating, "rating");
      requireNonNull(ratedBy, "ratedBy");
      requireNonNull(ratedAt, "ratedAt");
    }
  }

  /**
   * A row of evidence as the reader sees it.
   *
   * @param ref {@code claim:ID} or {@code statement:ENTITY/STATEMENT}
   * @param label what it says
   * @param href its page on this server
   * @param source the title of the source it rests on, when the reader may see it
   * @param grade the Admiralty grade that weighs it: the source's reliability and the information's
   *     credibility ("B2")
   * @param marking the statement's marking (a claim carries the markings of its statements on its
   *     own page)
   * @param diagnosticity how well it tells the hypotheses apart (0: it rates them all alike)
   */
  public record Evidence(
      String ref,
      String label,
      String href,
      Optional<String> source,
      String grade,
      Optional<Marking> marking,
      double diagnosticity) {
    public Evidence {
      requireNonNull(ref, "ref");
      requireNonNull(label, "label");
      requireNonNull(href, "href");
      requireNonNull(source, "source");
      requireNonNull(grade, "grade");
      requireNonNull(marking, "marking");
    }
  }

  /** The hypotheses, the least inconsistent first (ties in the order written). */
  public List<Hypothesis> ranking() {
    List<Hypothesis> out = new ArrayList<>(hypotheses);
    out.sort(Comparator.comparingDouble(Hypothesis::inconsistency));
    return out;
  }
}
