/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.cases.CaseMatrix;
import org.vigil.cases.CaseView;
import org.vigil.store.CaseHypothesis;
import org.vigil.store.CaseTask;

/** A case's hypotheses, tasks and note versions as the JSON routes answer them. */
final class CaseWorkJson {
  private CaseWorkJson() {}

  static Map<String, Object> matrix(CaseMatrix m) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<Map<String, Object>> hypotheses = new ArrayList<>();
    List<CaseMatrix.Hypothesis> ranking = m.ranking();
    for (CaseMatrix.Hypothesis h : m.hypotheses()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", h.id());
      row.put("text", h.text());
      row.put("author", h.author());
      row.put("writtenAt", h.writtenAt().toString());
      row.put("inconsistency", h.inconsistency());
      row.put("inconsistent", h.inconsistent());
      row.put("rank", ranking.indexOf(h) + 1);
      Map<String, Object> ratings = new LinkedHashMap<>();
      h.cells()
          .forEach(
              (ref, cell) -> {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("rating", cell.rating().code());
                c.put("ratedBy", cell.ratedBy());
                c.put("ratedAt", cell.ratedAt().toString());
                ratings.put(ref, c);
              });
      row.put("ratings", ratings);
      hypotheses.add(row);
    }
    out.put("hypotheses", hypotheses);
    List<Map<String, Object>> evidence = new ArrayList<>();
    for (CaseMatrix.Evidence e : m.evidence()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("ref", e.ref());
      row.put("label", e.label());
      row.put("href", e.href());
      e.source().ifPresent(s -> row.put("source", s));
      row.put("grade", e.grade());
      e.marking().ifPresent(mk -> row.put("marking", mk.describe()));
      row.put("diagnosticity", e.diagnosticity());
      evidence.add(row);
    }
    out.put("evidence", evidence);
    out.put("leader", m.leader().orElse(null));
    out.put("linchpins", m.linchpins());
    return out;
  }

  static Map<String, Object> hypothesis(CaseHypothesis h) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", h.id());
    out.put("caseId", h.caseId());
    out.put("text", h.text());
    out.put("author", h.authorName());
    out.put("writtenAt", h.writtenAt().toString());
    return out;
  }

  static List<Map<String, Object>> tasks(List<CaseView.Task> tasks) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (CaseView.Task t : tasks) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", t.id());
      row.put("title", t.title());
      row.put("assignee", t.assignee().orElse(null));
      if (t.assignee().isPresent()) {
        row.put("assigneeReads", t.assigneeReads());
      }
      row.put("status", t.status().code());
      row.put("due", t.due().map(Object::toString).orElse(null));
      row.put("createdBy", t.createdBy());
      row.put("updatedAt", t.updatedAt().toString());
      out.add(row);
    }
    return out;
  }

  static Map<String, Object> task(CaseTask t) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", t.id());
    out.put("caseId", t.caseId());
    out.put("title", t.title());
    out.put("status", t.status().code());
    out.put("due", t.due().map(Object::toString).orElse(null));
    out.put("updatedAt", t.updatedAt().toString());
    return out;
  }

  /** The edit history of a note, for its JSON: who edited it last and its earlier versions. */
  static void history(CaseView.Note n, Map<String, Object> out) {
    n.editedBy().ifPresent(e -> out.put("editedBy", e));
    List<Map<String, Object>> versions = new ArrayList<>();
    for (CaseView.Version v : n.versions()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("version", v.version());
      row.put("writtenBy", v.writtenBy());
      row.put("writtenAt", v.writtenAt().toString());
      row.put("tlp", v.marking().tlp().code());
      row.put("html", v.rendered().html());
      versions.add(row);
    }
    out.put("versions", versions);
  }
}
