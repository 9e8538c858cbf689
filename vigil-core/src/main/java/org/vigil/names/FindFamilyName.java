/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Finds which parts of a person's name are the family name, where the name says so by one of the
 * two conventions of sanctions lists: the family name first and a comma ("CROSBY, David Paul", as
 * OFAC writes names), or the family name in capitals among given names that are not ("Abdul Hai
 * HAZEM", as the UK and the UN write them) at the start or the end of the name; a legal form in
 * capitals ("Nicolás Maduro LLC") is no family name. Names that follow neither say nothing, and so
 * do names whose family name would be all of them.
 */
final class FindFamilyName {

  /**
   * The indexes in {@code parts} of the family name written in {@code text}; {@code parts} are the
   * normalised parts of {@code text}, and {@code normalise} gives the parts of a piece of it.
   */
  List<Integer> find(
      String text, List<NamePart> parts, Function<String, List<NamePart>> normalise) {
    String family = familyText(text);
    if (family.isEmpty()) {
      return List.of();
    }
    List<NamePart> familyParts = normalise.apply(family);
    int k = familyParts.size();
    if (k == 0 || k >= parts.size()) {
      return List.of();
    }
    for (int start = 0; start + k <= parts.size(); start++) {
      boolean same = true;
      for (int t = 0; t < k && same; t++) {
        same = parts.get(start + t).form().equals(familyParts.get(t).form());
      }
      if (same) {
        List<Integer> indexes = new ArrayList<>(k);
        for (int t = 0; t < k; t++) {
          indexes.add(start + t);
        }
        return indexes;
      }
    }
    return List.of();
  }

  // The piece of the name that writes the family name, or "" when the name does not say.
  private static String familyText(String text) {
    int comma = text.indexOf(',');
    if (comma >= 0) {
      boolean one = text.indexOf(',', comma + 1) < 0;
      String before = text.substring(0, comma);
      return one && hasLetter(before) && hasLetter(text.substring(comma + 1)) ? before.strip() : "";
    }
    String[] words = text.strip().split("\\s+");
    int first = -1;
    int last = -1;
    boolean mixed = false;
    for (int i = 0; i < words.length; i++) {
      if (isCapitals(words[i])
          && !DropLegalForm.isLegalForm(words[i].toLowerCase(java.util.Locale.ROOT))) {
        if (first >= 0 && last != i - 1) {
          return "";
        }
        first = first < 0 ? i : first;
        last = i;
      } else if (hasLowerCase(words[i])) {
        mixed = true;
      }
    }
    boolean atAnEnd = first == 0 || last == words.length - 1;
    return first >= 0 && mixed && atAnEnd
        ? String.join(" ", List.of(words).subList(first, last + 1))
        : "";
  }

  private static boolean isCapitals(String word) {
    int letters = 0;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (Character.isLetter(c)) {
        if (!Character.isUpperCase(c)) {
          return false;
        }
        letters++;
      }
    }
    return letters >= 2;
  }

  private static boolean hasLowerCase(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (Character.isLowerCase(word.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasLetter(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isLetter(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
