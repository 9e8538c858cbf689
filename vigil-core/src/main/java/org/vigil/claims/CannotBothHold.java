/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.claims;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Values that cannot both hold of one subject: two birth or death dates, two leaders of one body at
 * one time (the subject names the time, as in "org@2024"), "arrested" and "at large". Two claims of
 * such values are a dispute even when neither denies the other. Claims of different propositions
 * whose standings exclude each other cannot both hold either: two people in one body's single post
 * over overlapping dates, or a person held and, at the same time or later, at large. Undated
 * standings are not compared: nothing says they were at one time.
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
    return reason(a, b).isPresent();
  }

  /** Why {@code a} and {@code b} cannot both be true, if they cannot. */
  static Optional<String> reason(Proposition a, Proposition b) {
    if (!a.subject().equals(b.subject()) || !a.predicate().equals(b.predicate())) {
      return Optional.empty();
    }
    if (a.value().equals(b.value())) {
      return Optional.empty();
    }
    if (SINGLE_VALUED.contains(a.predicate())) {
      return Optional.of(
          "one subject has one "
              + a.predicate()
              + ": "
              + a.value()
              + " and "
              + b.value()
              + " cannot both be true");
    }
    if (STATUS.contains(a.predicate())) {
      int ca = statusClass(a.value());
      int cb = statusClass(b.value());
      if (ca >= 0 && cb >= 0 && ca != cb) {
        return Optional.of("one cannot be " + a.value() + " and " + b.value() + " at once");
      }
    }
    return Optional.empty();
  }

  /** Why claims {@code a} and {@code b} cannot both be true by their standings, if they cannot. */
  static Optional<String> reason(Claim a, Claim b) {
    for (Standing x : a.standings()) {
      for (Standing y : b.standings()) {
        Optional<String> why = reason(x, y);
        if (why.isPresent()) {
          return why;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> reason(Standing x, Standing y) {
    if (x instanceof Standing.Holds h && y instanceof Standing.Holds k) {
      if (h.body().equals(k.body())
          && !h.holder().equals(k.holder())
          && h.post().equals(k.post())
          && h.when().overlaps(k.when())) {
        return Optional.of(
            "only one person holds the post of "
                + h.post()
                + " of one body at a time, and one is said to hold it "
                + h.when().words()
                + ", another "
                + k.when().words());
      }
      return Optional.empty();
    }
    if (x instanceof Standing.Custody c && y instanceof Standing.Custody d) {
      if (!c.person().equals(d.person()) || c.state() == d.state()) {
        return Optional.empty();
      }
      Standing.Custody held = c.state() == Standing.State.HELD ? c : d;
      Standing.Custody free = held == c ? d : c;
      if (free.when().reaches(held.when())) {
        return Optional.of(
            "one is said to be held (arrested or detained) "
                + held.when().words()
                + " and to be at large "
                + free.when().words()
                + ", at the same time or later");
      }
    }
    return Optional.empty();
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
