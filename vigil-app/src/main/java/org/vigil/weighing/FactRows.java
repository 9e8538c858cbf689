/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.weighing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.store.Assessment;
import org.vigil.store.DeclaredLink;
import org.vigil.store.Grade;

/**
 * Weighed facts as plain ordered maps, the one shape that the API's JSON and the CLI's JSON lines
 * share. Grades stay apart: reliability per source, credibility per claim, corroboration as counts.
 */
public final class FactRows {
  private FactRows() {}

  public static Map<String, Object> fact(ClaimWeighings.Fact f) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("caption", f.caption());
    row.put("subject", f.proposition().subject());
    row.put("predicate", f.proposition().predicate());
    row.put("value", f.proposition().value());
    row.put("status", f.status().code());
    row.put("statusLabel", f.status().label());
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("asserting", f.corroboration().asserting());
    c.put("denying", f.corroboration().denying());
    c.put("speculating", f.corroboration().speculating());
    c.put("unknownOrigin", f.corroboration().unknownOrigin());
    c.put("text", f.corroboration().describe());
    row.put("corroboration", c);
    List<Map<String, Object>> origins = new ArrayList<>();
    for (ClaimWeighings.OriginGroup g : f.origins()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("origin", g.origin().orElse(null));
      o.put("label", g.label());
      o.put("claims", g.claims().stream().map(FactRows::claim).toList());
      origins.add(o);
    }
    row.put("origins", origins);
    row.put("conflicts", f.conflicts().stream().map(ClaimWeighings.Conflicting::caption).toList());
    row.put("disputes", f.conflicts().stream().map(FactRows::dispute).toList());
    row.put("assessments", f.assessments().stream().map(FactRows::assessment).toList());
    row.put("ends", f.ends());
    row.put("links", f.links().stream().map(FactRows::link).toList());
    return row;
  }

  /** A proposition that cannot hold together with a fact, and why. */
  static Map<String, Object> dispute(ClaimWeighings.Conflicting c) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("with", c.caption());
    row.put("reason", c.reason());
    return row;
  }

  static Map<String, Object> claim(ClaimWeighings.ClaimLine l) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", l.claimId());
    row.put("claimant", l.claimant());
    row.put("stance", l.stance().word());
    row.put("source", l.sourceId());
    row.put("sourceTitle", l.sourceTitle());
    row.put("sourceReliability", l.sourceReliability().name());
    row.put("evidence", l.evidence().orElse(null));
    row.put("date", l.date().orElse(null));
    row.put("seen", l.seen().toString());
    row.put("suggestedCredibility", l.suggested().credibility().grade());
    row.put("suggestedBecause", l.suggested().why());
    row.put("credibility", l.credibilityInForce().grade());
    row.put("credibilityGrade", l.credibility().map(FactRows::grade).orElse(null));
    return row;
  }

  public static Map<String, Object> grade(Grade g) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", g.id());
    row.put("target", g.target().name().toLowerCase(java.util.Locale.ROOT));
    row.put("targetId", g.targetId());
    row.put("grade", g.grade());
    row.put("reason", g.reason());
    row.put("by", g.gradedBy());
    row.put("at", g.gradedAt().toString());
    row.put("undone", !g.inForce());
    return row;
  }

  /** A declared link of derivation. */
  public static Map<String, Object> link(DeclaredLink l) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", l.id());
    row.put("from", l.link().from());
    row.put("kind", l.link().kind().code());
    row.put("to", l.link().to());
    row.put("reason", l.reason());
    row.put("by", l.madeBy());
    row.put("at", l.madeAt().toString());
    row.put("undone", !l.inForce());
    return row;
  }

  /** An assessment, with its likelihood's words and range. */
  public static Map<String, Object> assessment(Assessment a) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", a.id());
    row.put("subject", a.subjectId());
    row.put("statement", a.statement());
    row.put("likelihood", a.likelihood().code());
    row.put("words", a.likelihood().words());
    row.put("lowPercent", a.likelihood().lowPercent());
    row.put("highPercent", a.likelihood().highPercent());
    row.put("by", a.madeBy());
    row.put("at", a.madeAt().toString());
    row.put("undone", !a.inForce());
    return row;
  }
}
