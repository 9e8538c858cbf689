/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.weighing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.claims.AchAnalysis;
import org.vigil.claims.AchEvidence;
import org.vigil.claims.AchMatrix;
import org.vigil.claims.AchRating;
import org.vigil.model.Credibility;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Reliability;

/**
 * An ACH matrix read from JSON and its analysis written as plain maps, shared by {@code vigil ach}
 * and {@code POST /api/v1/ach}:
 *
 * <pre>{"hypotheses": ["H1", "H2"],
 *  "evidence": [{"id": "E1", "label": "...", "origin": "party:mois", "reliability": "C",
 *                "credibility": 3}],
 *  "ratings": {"alice": [{"evidence": "E1", "hypothesis": "H1", "rating": "C"}]}}</pre>
 *
 * Nothing is stored: the matrix is analysed and answered.
 */
public final class AchJson {
  private AchJson() {}

  /**
   * The matrix {@code body} describes.
   *
   * @throws InvalidValueException naming what is missing or off the scale
   */
  public static AchMatrix matrix(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new InvalidValueException("an ACH matrix is a JSON object");
    }
    List<String> hypotheses = new ArrayList<>();
    JsonNode hs = array(body, "hypotheses", AchMatrix.MAX_HYPOTHESES);
    hs.forEach(h -> hypotheses.add(h.asText()));
    List<AchEvidence> evidence = new ArrayList<>();
    for (JsonNode e : array(body, "evidence", AchMatrix.MAX_EVIDENCE)) {
      Optional<String> origin =
          e.hasNonNull("origin") ? Optional.of(e.get("origin").asText()) : Optional.empty();
      evidence.add(
          new AchEvidence(
              e.path("id").asText(""),
              e.path("label").asText(""),
              origin,
              Reliability.parse(e.path("reliability").asText("F")),
              Credibility.ofGrade(e.path("credibility").asInt(6))));
    }
    Map<String, List<AchMatrix.Cell>> ratings = new LinkedHashMap<>();
    JsonNode rs = body.path("ratings");
    if (!rs.isMissingNode() && !rs.isObject()) {
      throw new InvalidValueException("ratings is an object of analysts' ratings");
    }
    var fields = rs.fields();
    while (fields.hasNext()) {
      var analyst = fields.next();
      List<AchMatrix.Cell> cells = new ArrayList<>();
      for (JsonNode c : analyst.getValue()) {
        if (cells.size() >= AchMatrix.MAX_EVIDENCE * AchMatrix.MAX_HYPOTHESES) {
          throw new InvalidValueException("too many ratings for " + analyst.getKey());
        }
        cells.add(
            new AchMatrix.Cell(
                c.path("evidence").asText(""),
                c.path("hypothesis").asText(""),
                AchRating.parse(c.path("rating").asText(""))));
      }
      ratings.put(analyst.getKey(), cells);
    }
    return new AchMatrix(hypotheses, evidence, ratings);
  }

  private static JsonNode array(JsonNode body, String field, int max) {
    JsonNode a = body.path(field);
    if (!a.isArray()) {
      throw new InvalidValueException(field + " must be an array");
    }
    if (a.size() > max) {
      throw new InvalidValueException(
          "an ACH matrix has at most " + max + " " + field + ", not " + a.size());
    }
    return a;
  }

  /** The analysis: each analyst's ranking, diagnosticity and linchpins, then the disagreements. */
  public static Map<String, Object> analysis(AchAnalysis a) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<Map<String, Object>> views = new ArrayList<>();
    for (AchAnalysis.View v : a.views()) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("analyst", v.analyst());
      List<Map<String, Object>> ranking = new ArrayList<>();
      for (AchAnalysis.Score s : v.ranking()) {
        Map<String, Object> score = new LinkedHashMap<>();
        score.put("hypothesis", s.hypothesis());
        score.put("inconsistency", s.inconsistency());
        ranking.add(score);
      }
      view.put("ranking", ranking);
      view.put("leader", v.leader().orElse(null));
      view.put("diagnosticity", v.diagnosticity());
      view.put("linchpins", v.linchpins());
      view.put(
          "warning",
          v.linchpinWarning()
              ? "the leading hypothesis rests on "
                  + String.join(", ", v.linchpins())
                  + ": without it the ranking flips"
              : null);
      views.add(view);
    }
    out.put("analysts", views);
    List<Map<String, Object>> disagreements = new ArrayList<>();
    for (AchAnalysis.Disagreement d : a.disagreements()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("evidence", d.evidenceId());
      row.put("hypothesis", d.hypothesis());
      Map<String, String> by = new LinkedHashMap<>();
      d.byAnalyst().forEach((k, r) -> by.put(k, r.code()));
      row.put("ratings", by);
      disagreements.add(row);
    }
    out.put("disagreements", disagreements);
    return out;
  }
}
