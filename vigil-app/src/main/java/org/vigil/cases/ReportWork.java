/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cases;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.model.Marking;

/**
 * A case's hypotheses (its ACH matrix) and tasks as a report carries them. They are the analysts'
 * own words under the case's marking, so a report carries them only when that marking reaches both
 * the exporting analyst and the recipient; the matrix's rows are only the evidence both may read,
 * as the recipient reads it, and its scores are over those rows alone.
 *
 * @param marking the case's marking, under which its hypotheses, ratings and tasks are written
 * @param matrix the matrix over the evidence both may read
 * @param rowMarkings the marking of each row's evidence, by reference: a statement's own, a claim's
 *     source's
 * @param statements the ids of the statements its rows show, released with the report
 * @param tasks the case's tasks
 */
public record ReportWork(
    Marking marking,
    CaseMatrix matrix,
    Map<String, Marking> rowMarkings,
    List<String> statements,
    List<CaseView.Task> tasks) {
  public ReportWork {
    requireNonNull(marking, "marking");
    requireNonNull(matrix, "matrix");
    rowMarkings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rowMarkings));
    statements = List.copyOf(statements);
    tasks = List.copyOf(tasks);
  }
}
