/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cases;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.vigil.access.Viewer;
import org.vigil.claims.AchAnalysis;
import org.vigil.claims.AchEvidence;
import org.vigil.claims.AchMatrix;
import org.vigil.claims.AchRating;
import org.vigil.model.Credibility;
import org.vigil.model.Entity;
import org.vigil.model.Reliability;
import org.vigil.model.Source;
import org.vigil.model.Statement;
import org.vigil.store.CaseHypothesis;
import org.vigil.store.CaseItem;
import org.vigil.store.Store;
import org.vigil.weighing.ClaimWeighings;

/**
 * Builds a case's {@link CaseMatrix} for one reader: each row of evidence is read through the same
 * reads as the claim and entity pages, so a row, its cells and its weight in the scores exist only
 * for a reader who may see the evidence. The scores are {@link AchAnalysis}'s over those rows.
 */
final class CaseMatrices {
  /** The most rows of one matrix (as many as an ACH matrix takes). */
  static final int MAX_ROWS = AchMatrix.MAX_EVIDENCE;

  /** The analyst key of the case's one matrix: the team rates one matrix together. */
  private static final String TEAM = "case";

  /** A row as the reader sees it, and as the analysis weighs it. */
  record Row(CaseMatrix.Evidence shown, AchEvidence weighed) {}

  private final Store store;
  private final Viewer viewer;

  CaseMatrices(Store store, Viewer viewer) {
    this.store = store;
    this.viewer = viewer;
  }

  /** The evidence references of a case's matrix: its claims, then the other evidence rated. */
  static List<String> refs(List<CaseItem> items, List<CaseHypothesis> hypotheses) {
    Set<String> refs = new LinkedHashSet<>();
    items.stream()
        .filter(i -> i.kind() == CaseItem.Kind.CLAIM)
        .forEach(i -> refs.add("claim:" + i.itemId()));
    hypotheses.stream()
        .flatMap(h -> h.ratings().stream())
        .sorted(java.util.Comparator.comparing(CaseHypothesis.Rating::ratedAt))
        .forEach(r -> refs.add(r.evidence()));
    return List.copyOf(refs);
  }

  CaseMatrix of(String caseId) {
    return of(caseId, ref -> true);
  }

  /**
   * The matrix over the rows this reader sees that {@code alsoRead} keeps too (a report's: what the
   * recipient reads that the exporting analyst reads as well); rows left out take no part in the
   * scores.
   */
  CaseMatrix of(String caseId, Predicate<String> alsoRead) {
    List<CaseHypothesis> hypotheses = store.cases().hypotheses(caseId);
    if (hypotheses.isEmpty()) {
      return CaseMatrix.empty();
    }
    List<Row> rows = new ArrayList<>();
    for (String ref : refs(store.cases().items(caseId), hypotheses)) {
      if (rows.size() >= MAX_ROWS) {
        break;
      }
      row(ref).filter(r -> alsoRead.test(ref)).ifPresent(rows::add);
    }
    Set<String> seen = new LinkedHashSet<>();
    rows.forEach(r -> seen.add(r.shown().ref()));
    Optional<AchAnalysis.View> view = analysis(hypotheses, rows);
    List<CaseMatrix.Hypothesis> columns = new ArrayList<>();
    for (CaseHypothesis h : hypotheses) {
      Map<String, CaseMatrix.Cell> cells = new LinkedHashMap<>();
      int inconsistent = 0;
      for (CaseHypothesis.Rating r : h.ratings()) {
        if (seen.contains(r.evidence())) {
          cells.put(r.evidence(), new CaseMatrix.Cell(r.rating(), r.ratedBy(), r.ratedAt()));
          inconsistent += r.rating() == AchRating.INCONSISTENT ? 1 : 0;
        }
      }
      double score =
          view.flatMap(
                  v ->
                      v.ranking().stream().filter(s -> s.hypothesis().equals(h.text())).findFirst())
              .map(AchAnalysis.Score::inconsistency)
              .orElse(0.0);
      columns.add(
          new CaseMatrix.Hypothesis(
              h.id(), h.text(), h.authorName(), h.writtenAt(), score, inconsistent, cells));
    }
    List<CaseMatrix.Evidence> shown = new ArrayList<>();
    for (Row r : rows) {
      double d = view.map(v -> v.diagnosticity().getOrDefault(r.shown().ref(), 0.0)).orElse(0.0);
      CaseMatrix.Evidence e = r.shown();
      shown.add(
          new CaseMatrix.Evidence(
              e.ref(), e.label(), e.href(), e.source(), e.grade(), e.marking(), d));
    }
    Optional<Long> leader =
        view.flatMap(AchAnalysis.View::leader)
            .flatMap(text -> hypotheses.stream().filter(h -> h.text().equals(text)).findFirst())
            .map(CaseHypothesis::id);
    return new CaseMatrix(
        columns, shown, leader, view.map(AchAnalysis.View::linchpins).orElse(List.of()));
  }

  private static Optional<AchAnalysis.View> analysis(
      List<CaseHypothesis> hypotheses, List<Row> rows) {
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Set<String> seen = new LinkedHashSet<>();
    rows.forEach(r -> seen.add(r.shown().ref()));
    List<AchMatrix.Cell> cells = new ArrayList<>();
    for (CaseHypothesis h : hypotheses) {
      for (CaseHypothesis.Rating r : h.ratings()) {
        if (seen.contains(r.evidence())) {
          cells.add(new AchMatrix.Cell(r.evidence(), h.text(), r.rating()));
        }
      }
    }
    AchMatrix matrix =
        new AchMatrix(
            hypotheses.stream().map(CaseHypothesis::text).toList(),
            rows.stream().map(Row::weighed).toList(),
            Map.of(TEAM, cells));
    return AchAnalysis.of(matrix).views().stream().findFirst();
  }

  /** The row of one evidence reference, if it names a claim or a statement the reader may see. */
  Optional<Row> row(String ref) {
    Optional<Citation> cited = Citation.parse(ref);
    if (cited.isPresent() && cited.get() instanceof Citation.OfClaim c) {
      return claim(ref, c.claimId());
    }
    if (cited.isPresent() && cited.get() instanceof Citation.OfStatement s) {
      return statement(ref, s);
    }
    return Optional.empty();
  }

  private Optional<Row> claim(String ref, String claimId) {
    Optional<ClaimWeighings.Fact> fact = new ClaimWeighings(store).claim(claimId, viewer);
    if (fact.isEmpty()) {
      return Optional.empty();
    }
    for (ClaimWeighings.OriginGroup g : fact.get().origins()) {
      for (ClaimWeighings.ClaimLine line : g.claims()) {
        if (line.claimId().equals(claimId)) {
          Reliability reliability = line.sourceReliability();
          Credibility credibility = line.credibilityInForce();
          return Optional.of(
              new Row(
                  new CaseMatrix.Evidence(
                      ref,
                      fact.get().caption() + " (" + line.claimant() + ")",
                      "/claims/" + URLEncoder.encode(claimId, StandardCharsets.UTF_8),
                      Optional.of(line.sourceTitle()),
                      reliability.name() + credibility.grade(),
                      Optional.empty(),
                      0.0),
                  new AchEvidence(
                      ref, fact.get().caption(), g.origin(), reliability, credibility)));
        }
      }
    }
    return Optional.empty();
  }

  private Optional<Row> statement(String ref, Citation.OfStatement cited) {
    Optional<Entity> entity = store.statements().entity(cited.entityId(), viewer);
    Optional<Statement> found =
        entity.flatMap(
            e ->
                e.statements().stream()
                    .filter(s -> s.id().equals(cited.statementId()))
                    .findFirst());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Statement s = found.get();
    Optional<Source> source = store.statements().source(s.sourceId(), viewer);
    Reliability reliability = source.map(Source::reliability).orElse(Reliability.F);
    Credibility credibility = s.credibility().orElse(Credibility.CANNOT_BE_JUDGED);
    String label = entity.get().caption() + " — " + s.property() + ": " + s.value();
    return Optional.of(
        new Row(
            new CaseMatrix.Evidence(
                ref,
                label,
                StoreEvidence.href(entity.get().id(), entity.get().schema()),
                source.map(Source::title),
                reliability.name() + credibility.grade(),
                Optional.of(s.marking()),
                0.0),
            // The statements of one source count as one item: a source is one origin.
            new AchEvidence(
                ref, label, Optional.of("source:" + s.sourceId()), reliability, credibility)));
  }
}
