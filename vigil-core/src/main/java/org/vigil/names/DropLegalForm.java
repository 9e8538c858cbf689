/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Removes legal forms ("Ltd", "LLC", "Joint Stock Company", "GmbH", "Sherkat", ...) from an
 * organisation's name parts, the longest form first; a long word of a form may be misspelt by one
 * letter, and the last word of a name may be a form cut short. A name that is nothing but legal
 * forms keeps its parts: "Company" alone stays a name, so that it cannot match every company on a
 * list.
 */
public final class DropLegalForm {

  /** The parts kept and the legal forms removed, each in the order they appeared. */
  public record Split(List<String> kept, List<String> dropped) {
    public Split {
      kept = List.copyOf(kept);
      dropped = List.copyOf(dropped);
    }
  }

  private static final List<String[]> FORMS = load();
  private static final Set<String> SINGLE_WORD_FORMS =
      FORMS.stream().filter(f -> f.length == 1).map(f -> f[0]).collect(Collectors.toSet());

  public Split apply(List<String> parts) {
    List<String> kept = new ArrayList<>(parts.size());
    List<String> dropped = new ArrayList<>();
    int i = 0;
    while (i < parts.size()) {
      int length = matchAt(parts, i);
      if (length > 0) {
        dropped.add(String.join(" ", parts.subList(i, i + length)));
        i += length;
      } else {
        kept.add(parts.get(i));
        i++;
      }
    }
    if (kept.isEmpty()) {
      return new Split(parts, List.of());
    }
    return new Split(kept, dropped);
  }

  /** Whether {@code part} alone is a legal form ("llc", "gmbh"). */
  public static boolean isLegalForm(String part) {
    return SINGLE_WORD_FORMS.contains(part);
  }

  private static int matchAt(List<String> parts, int start) {
    for (String[] form : FORMS) {
      if (start + form.length > parts.size()) {
        continue;
      }
      boolean matches = true;
      for (int k = 0; k < form.length && matches; k++) {
        // only a form's later word may be cut short: "Lime" is a name, not a cut "Limited"
        boolean last = k > 0 && start + k == parts.size() - 1;
        matches = spells(form[k], parts.get(start + k), last);
      }
      if (matches) {
        return form.length;
      }
    }
    return 0;
  }

  // A word of a legal form as written, misspelt by one letter ("Aktiengeselschaft", "Joynt") when
  // it is long enough for that to be unambiguous, or cut short at the end of a name that a list's
  // field length truncated ("Joint Stock Compan").
  private static boolean spells(String formWord, String part, boolean lastOfName) {
    if (formWord.equals(part)) {
      return true;
    }
    if (lastOfName && part.length() >= 4 && formWord.startsWith(part)) {
      return true;
    }
    return formWord.length() >= 5
        && part.length() >= 5
        && formWord.charAt(0) == part.charAt(0)
        && EditDistance.bounded(formWord, part, 1) <= 1;
  }

  private static List<String[]> load() {
    List<String[]> forms = new ArrayList<>();
    for (String line : NameTables.lines("legal-forms.txt")) {
      forms.add(line.split(" "));
    }
    forms.sort(Comparator.comparingInt((String[] f) -> f.length).reversed());
    return forms.stream().map(f -> Arrays.copyOf(f, f.length)).toList();
  }
}
