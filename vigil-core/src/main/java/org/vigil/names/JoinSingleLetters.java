/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import java.util.ArrayList;
import java.util.List;

/**
 * Joins runs of single letters into one part, for organisation names: "A.B.C. Company" and "ABC
 * Company" both become "abc company", and "U.S." becomes "us". Person names keep their initials.
 */
public final class JoinSingleLetters {

  public List<String> apply(List<String> parts) {
    List<String> out = new ArrayList<>(parts.size());
    StringBuilder run = new StringBuilder();
    for (String part : parts) {
      if (part.length() == 1 && Character.isLetter(part.charAt(0))) {
        run.append(part);
        continue;
      }
      if (run.length() > 0) {
        out.add(run.toString());
        run.setLength(0);
      }
      out.add(part);
    }
    if (run.length() > 0) {
      out.add(run.toString());
    }
    return out;
  }
}
