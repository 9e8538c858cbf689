/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.claims;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Values that cannot both hold of one subject: two birth or death dates, two leaders of one body at
 * one time (the subject names the time, as in "org@2024"), "arrested" and "at large". Two claims of
 * such values are a dispute even when neither denies the other.
 */
final class CannotBothHold {
  /** Properties a subject has one value of at a time. */
  private static final Set<String> SINGLE_VALUED =
      Set.of("birthDate", "deathDate", "dissolutionDate", "incorporationDate", "leader");

  /** Properties whose values fall in classes that exclude each other. */
  private static final Set<String> STATUS = Set.of("status", "custody");

  private static final List<Set<String>> EXCLUSIVE_STATUSES =
      List.of(
          Set.of("arrested", "detained", "in custody", "imprisoned", "jailed", "captured"),
          Set.of("at large", "free", "released", "escaped", "fugitive", "wanted"),
          Set.of("dead", "killed", "executed", "deceased"));

  private CannotBothHold() {}

  /** Whether {@code a} and {@code b} cannot both be true. */
  static boolean conflict(Proposition a, Proposition b) {
    if (!a.subject().equals(b.subject()) || !a.predicate().equals(b.predicate())) {
      return false;
    }
    if (a.value().equals(b.value())) {
      return false;
    }
    if (SINGLE_VALUED.contains(a.predicate())) {
      return true;
    }
    if (STATUS.contains(a.predicate())) {
      int ca = statusClass(a.value());
      int cb = statusClass(b.value());
      return ca >= 0 && cb >= 0 && ca != cb;
    }
    return false;
  }

  private static int statusClass(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    for (int i = 0; i < EXCLUSIVE_STATUSES.size(); i++) {
      if (EXCLUSIVE_STATUSES.get(i).contains(v)) {
        return i;
      }
    }
    return -1;
  }
}
