/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One part of a normalised name.
 *
 * @param surface the part as written, lower-case Latin ASCII ("mohammed"); for a part written in
 *     another script, its romanisation
 * @param form the part with spelling variants folded ("mohammad"); what comparison uses; for a word
 *     translated from an organisation vocabulary, the English word ("organisation")
 * @param skeleton its consonant skeleton ("mhmd"), empty when it has none
 * @param skeletons every consonant skeleton the part may have: the first is {@code skeleton}; a
 *     part written in Arabic script has more when one of its letters is romanised in several ways
 *     (ض as d or z, ث as th or s, ش as sh or ch)
 * @param written the part in the script it was written in ("ځدران"); the surface for Latin names
 * @param translated whether {@code form} is a translation of the word, not a spelling of it
 */
public record NamePart(
    String surface,
    String form,
    String skeleton,
    List<String> skeletons,
    String written,
    boolean translated) {
  public NamePart {
    requireNonNull(surface, "surface");
    requireNonNull(form, "form");
    requireNonNull(skeleton, "skeleton");
    skeletons = skeletons.isEmpty() ? List.of(skeleton) : List.copyOf(skeletons);
    if (!skeletons.get(0).equals(skeleton)) {
      throw new IllegalArgumentException(
          "the first of the skeletons " + skeletons + " must be the skeleton '" + skeleton + "'");
    }
    requireNonNull(written, "written");
  }

  /** A part of a Latin-script name: written as its surface, with one skeleton. */
  public NamePart(String surface, String form, String skeleton) {
    this(surface, form, skeleton, List.of(skeleton), surface, false);
  }

  /** Whether the part is a number, which only ever matches itself. */
  public boolean isNumeric() {
    for (int i = 0; i < form.length(); i++) {
      if (Character.isDigit(form.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Whether any skeleton of this part is a skeleton of {@code other}. */
  public boolean sharesSkeleton(NamePart other) {
    for (String mine : skeletons) {
      if (!mine.isEmpty() && other.skeletons.contains(mine)) {
        return true;
      }
    }
    return false;
  }

  /** The longest skeleton this part shares with {@code other}; empty when they share none. */
  public String sharedSkeleton(NamePart other) {
    String best = "";
    for (String mine : skeletons) {
      if (mine.length() > best.length() && other.skeletons.contains(mine)) {
        best = mine;
      }
    }
    return best;
  }
}
