/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vigil.cases.CaseMatrix;
import org.vigil.cases.CaseView;

/** How {@code vigil case} and its subcommands print a case's matrix, tasks and refusals. */
final class CaseLines {
  private CaseLines() {}

  /** The failure of a case the user may not see, worded as for one that does not exist. */
  static CliFailure noCase(String id, String user) {
    return new CliFailure("no case " + id + " that " + user + " may see");
  }

  /**
   * The matrix for a terminal: the hypotheses ranked (id, score, author, words), then a row per
   * item of evidence with its grade and its rating against each hypothesis (N where no one rated).
   */
  static void matrix(CaseMatrix m, PrintWriter out) {
    if (m.hypotheses().isEmpty()) {
      out.println("No hypotheses.");
      return;
    }
    for (CaseMatrix.Hypothesis h : m.ranking()) {
      out.println(
          "hypothesis "
              + h.id()
              + "  inconsistent "
              + h.inconsistent()
              + " (score "
              + String.format(Locale.ROOT, "%.2f", h.inconsistency())
              + ")"
              + (m.leader().equals(Optional.of(h.id())) ? "  leads" : "")
              + "  by "
              + h.author()
              + ": "
              + h.text());
    }
    for (CaseMatrix.Evidence e : m.evidence()) {
      StringBuilder line = new StringBuilder("  ").append(e.ref()).append("  ").append(e.grade());
      for (CaseMatrix.Hypothesis h : m.hypotheses()) {
        line.append("  ")
            .append(h.id())
            .append(':')
            .append(h.cell(e).map(c -> c.rating().code()).orElse("N"));
      }
      line.append(m.linchpins().contains(e.ref()) ? "  linchpin" : "");
      out.println(line.append("  ").append(e.label()));
    }
  }

  /** The tasks for a terminal: id, status, assignee, due date, title. */
  static void tasks(List<CaseView.Task> tasks, LocalDate today, PrintWriter out) {
    if (tasks.isEmpty()) {
      out.println("No tasks.");
    }
    for (CaseView.Task t : tasks) {
      out.println(
          "task "
              + t.id()
              + "  "
              + t.status().code()
              + "  "
              + t.assignee()
                  .map(a -> a + (t.assigneeReads() ? "" : " (no longer reads the case)"))
                  .orElse("unassigned")
              + t.due().map(d -> "  due " + d + (t.overdue(today) ? " (overdue)" : "")).orElse("")
              + "  "
              + t.title());
    }
  }
}
