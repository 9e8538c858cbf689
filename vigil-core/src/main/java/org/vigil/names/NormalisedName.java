/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A name made ready for comparison: its parts in Latin ASCII with variants folded, the script it
 * was written in, and the legal forms taken out of it.
 *
 * @param original the name as given
 * @param script the script most of its letters are in
 * @param parts its parts, in order
 * @param nativeParts for a name not in Latin script, its parts in its own script (lower case,
 *     without diacritics; one per character for Chinese, Japanese and Korean), which compare more
 *     finely with a name in the same script than transliterations do; empty for Latin names
 * @param droppedLegalForms legal forms removed from an organisation's name
 * @param familyParts the indexes in {@code parts} of a person's family name, when the name says
 *     which it is ("CROSBY, David Paul", "Abdul Hai HAZEM"); empty when it does not
 */
public record NormalisedName(
    String original,
    Script script,
    List<NamePart> parts,
    List<NamePart> nativeParts,
    List<String> droppedLegalForms,
    List<Integer> familyParts) {
  public NormalisedName {
    requireNonNull(original, "original");
    requireNonNull(script, "script");
    parts = List.copyOf(parts);
    nativeParts = List.copyOf(nativeParts);
    droppedLegalForms = List.copyOf(droppedLegalForms);
    familyParts = List.copyOf(familyParts);
    for (int i : familyParts) {
      if (i < 0 || i >= parts.size()) {
        throw new IllegalArgumentException(
            "family part " + i + " is not one of the " + parts.size() + " parts of " + original);
      }
    }
  }

  /** A name that does not say which of its parts are the family name. */
  public NormalisedName(
      String original,
      Script script,
      List<NamePart> parts,
      List<NamePart> nativeParts,
      List<String> droppedLegalForms) {
    this(original, script, parts, nativeParts, droppedLegalForms, List.of());
  }

  public boolean isEmpty() {
    return parts.isEmpty();
  }

  /** The folded parts joined by spaces, such as "mohammad abd rahman". */
  public String key() {
    return String.join(" ", parts.stream().map(NamePart::form).toList());
  }
}
