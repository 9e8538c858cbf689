/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Joins runs of single letters into one part, for organisation names: "A.B.C. Company" and "ABC
 * Company" both become "abc company", and "U.S." becomes "us". Person names keep their initials. A
 * legal form at the end of a run stays apart: "Partners V L.P." is "partners v lp", not "vlp".
 */
public final class JoinSingleLetters {

  private final Predicate<String> legalForm;

  /** Joins every run whole. */
  public JoinSingleLetters() {
    this(form -> false);
  }

  /** Keeps apart the end of a run that {@code legalForm} accepts. */
  public JoinSingleLetters(Predicate<String> legalForm) {
    this.legalForm = legalForm;
  }

  public List<String> apply(List<String> parts) {
    List<String> out = new ArrayList<>(parts.size());
    StringBuilder run = new StringBuilder();
    for (String part : parts) {
      if (part.length() == 1 && Character.isLetter(part.charAt(0))) {
        run.append(part);
        continue;
      }
      flush(run, out);
      out.add(part);
    }
    flush(run, out);
    return out;
  }

  private void flush(StringBuilder run, List<String> out) {
    if (run.length() == 0) {
      return;
    }
    String letters = run.toString();
    run.setLength(0);
    for (int start = 1; start + 2 <= letters.length(); start++) {
      if (legalForm.test(letters.substring(start))) {
        out.add(letters.substring(0, start));
        out.add(letters.substring(start));
        return;
      }
    }
    out.add(letters);
  }
}
