/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cases.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vigil.cases.CaseMatrix;
import org.vigil.cases.CaseView;
import org.vigil.cases.ReportWork;
import org.vigil.model.Tlp;

/**
 * A case's hypotheses (its ACH matrix) and tasks as report paragraphs: the hypotheses ranked, each
 * with its author and score, then one paragraph per item of evidence with its rating against each
 * hypothesis, then one per task. The analysts' words stand under the case's marking; a row of
 * evidence under the higher of that and the evidence's own.
 */
final class ReportAnalysis {
  /** The paragraphs of the two sections. */
  record Portions(List<CaseReport.Portion> hypotheses, List<CaseReport.Portion> tasks) {
    static final Portions NONE = new Portions(List.of(), List.of());
  }

  private ReportAnalysis() {}

  static Portions of(Optional<ReportWork> work, String recipientName, LocalDate today) {
    if (work.isEmpty()) {
      return Portions.NONE;
    }
    ReportWork w = work.get();
    return new Portions(hypotheses(w, recipientName), tasks(w, today));
  }

  private static List<CaseReport.Portion> hypotheses(ReportWork w, String recipientName) {
    CaseMatrix m = w.matrix();
    if (m.hypotheses().isEmpty()) {
      return List.of();
    }
    Tlp own = w.marking().tlp();
    List<CaseReport.Portion> out = new ArrayList<>();
    out.add(
        portion(
            own,
            "",
            "The hypotheses the analysts weigh, against the evidence "
                + recipientName
                + " may read (analysis of competing hypotheses): each item is rated consistent (C),"
                + " inconsistent (I), neutral (N) or not applicable (NA) with each hypothesis, and"
                + " a hypothesis stands the better the fewer and the weaker the items inconsistent"
                + " with it"
                + (m.evidence().isEmpty() ? "; no evidence they may read is rated." : ".")));
    int rank = 0;
    for (CaseMatrix.Hypothesis h : m.ranking()) {
      rank++;
      List<String> facts = new ArrayList<>();
      facts.add(h.text());
      facts.add("written by " + h.author());
      facts.add(
          "rank "
              + rank
              + ": "
              + h.inconsistent()
              + (h.inconsistent() == 1 ? " item" : " items")
              + " inconsistent, weighted score "
              + String.format(Locale.ROOT, "%.2f", h.inconsistency()));
      if (m.leader().equals(Optional.of(h.id()))) {
        facts.add("the least inconsistent: it stands best");
      }
      out.add(portion(own, name(m, h), facts));
    }
    int row = 0;
    for (CaseMatrix.Evidence e : m.evidence()) {
      row++;
      Tlp marking =
          ReportAssembly.max(own, w.rowMarkings().getOrDefault(e.ref(), w.marking()).tlp());
      List<String> facts = new ArrayList<>();
      facts.add(
          e.label() + " (" + e.source().map(s -> s + ", ").orElse("") + "grade " + e.grade() + ")");
      for (CaseMatrix.Hypothesis h : m.hypotheses()) {
        facts.add(
            name(m, h)
                + " "
                + h.cell(e).map(c -> c.rating().code() + " (" + c.ratedBy() + ")").orElse("N"));
      }
      if (m.linchpins().contains(e.ref())) {
        facts.add("a linchpin: without it the leading hypothesis would no longer lead");
      }
      out.add(portion(marking, "Evidence " + row, facts));
    }
    return out;
  }

  /** H1, H2, ...: a hypothesis by the order it was written in. */
  private static String name(CaseMatrix m, CaseMatrix.Hypothesis h) {
    return "H" + (m.hypotheses().indexOf(h) + 1);
  }

  private static List<CaseReport.Portion> tasks(ReportWork w, LocalDate today) {
    List<CaseReport.Portion> out = new ArrayList<>();
    for (CaseView.Task t : w.tasks()) {
      List<String> facts = new ArrayList<>();
      facts.add(t.title());
      facts.add(
          t.assignee()
              .map(
                  a ->
                      "assigned to " + a + (t.assigneeReads() ? "" : " (no longer reads the case)"))
              .orElse("not assigned"));
      t.due().ifPresent(d -> facts.add("due " + d + (t.overdue(today) ? " (overdue)" : "")));
      out.add(portion(w.marking().tlp(), status(t), facts));
    }
    return out;
  }

  private static String status(CaseView.Task t) {
    String code = t.status().code();
    return code.substring(0, 1).toUpperCase(Locale.ROOT) + code.substring(1);
  }

  private static CaseReport.Portion portion(Tlp marking, String lead, String fact) {
    return portion(marking, lead, List.of(fact));
  }

  private static CaseReport.Portion portion(Tlp marking, String lead, List<String> facts) {
    return new CaseReport.Portion(
        marking, lead, facts.stream().map(f -> new CaseReport.Fact(f, List.of())).toList());
  }
}
