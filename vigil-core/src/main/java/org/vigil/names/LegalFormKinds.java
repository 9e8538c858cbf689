/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kind of legal person a dropped legal form declares ("gmbh" and "ooo" limited liability, "ag"
 * and "jsc" joint stock), from {@code legal-form-kinds.txt}; forms several kinds use declare none.
 * Thread-safe.
 */
final class LegalFormKinds {

  private static final Map<String, String> KINDS = load();

  private LegalFormKinds() {}

  /** The kind {@code form} declares, as {@link DropLegalForm} reports a dropped form. */
  static Optional<String> of(String form) {
    return Optional.ofNullable(KINDS.get(form));
  }

  /**
   * Whether two names' dropped legal forms declare kinds and share none: an "AG" and a "GmbH" of
   * one name are two companies. False when either side declares no kind.
   */
  static boolean conflict(List<String> a, List<String> b) {
    List<String> kindsA = a.stream().flatMap(f -> of(f).stream()).toList();
    List<String> kindsB = b.stream().flatMap(f -> of(f).stream()).toList();
    if (kindsA.isEmpty() || kindsB.isEmpty()) {
      return false;
    }
    return kindsA.stream().noneMatch(kindsB::contains);
  }

  private static Map<String, String> load() {
    Map<String, String> kinds = new HashMap<>();
    for (String line : NameTables.lines("legal-form-kinds.txt")) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IllegalStateException("legal-form-kinds.txt: bad line '" + line + "'");
      }
      String kind = line.substring(0, colon).strip();
      for (String form : line.substring(colon + 1).split("\\|")) {
        String previous = kinds.put(form.strip(), kind);
        if (previous != null) {
          throw new IllegalStateException(
              "legal-form-kinds.txt: '" + form.strip() + "' is of two kinds");
        }
      }
    }
    return Map.copyOf(kinds);
  }
}
