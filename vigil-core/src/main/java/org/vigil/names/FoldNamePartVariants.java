/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds the spellings of a name part to one form with a curated table (Mohammad, Muhammad,
 * Mohammed, Mohamed; Qasem, Qassem, Ghasem, Kasim; Abdul, Abdel, Abd), drops the Arabic article
 * ("al-", "el-", "ul-") that Latin spellings write or leave out at will, and splits a joined
 * "Abdul"-prefix ("Abdulrahman" is "Abd" and "Rahman"), and splits the Persian compound endings
 * "-zadeh" and "-abadi" from their stem.
 */
public final class FoldNamePartVariants {

  private static final Set<String> ARTICLES = Set.of("al", "el", "ul");
  // Longest first; "abder", "abdes", ... are "Abd al-" before a sun letter ("Abderrahmane").
  private static final List<String> ABD_PREFIXES =
      List.of(
          "abdoul", "abdul", "abdel", "abdal", "abdol", "abdur", "abdus", "abder", "abdar", "abdes",
          "abdas", "abdor", "abdu", "abd");
  // Persian compounds that Latin spellings write as one word or two: "Akhundzadeh",
  // "Hosseinabadi".
  private static final List<String> SUFFIXES = List.of("zadeh", "zadah", "zade", "zada", "abadi");
  private static final Map<String, String> CANONICAL = load();

  /** The parts with variants folded; surface forms are kept for explanations. */
  public List<NamePart> apply(List<String> parts) {
    List<NamePart> out = new ArrayList<>(parts.size() + 2);
    for (String part : parts) {
      if (ARTICLES.contains(part) && parts.size() > 1) {
        continue;
      }
      String whole = CANONICAL.get(part);
      if (whole == null && part.startsWith("abd")) {
        String rest = stripAbdPrefix(part);
        if (rest != null) {
          out.add(part("abd", "abd"));
          out.add(part(rest, fold(rest)));
          continue;
        }
      }
      String suffix = whole == null ? compoundSuffix(part) : null;
      if (suffix != null) {
        String stem = part.substring(0, part.length() - suffix.length());
        out.add(part(stem, fold(stem)));
        out.add(part(suffix, fold(suffix)));
        continue;
      }
      out.add(part(part, whole == null ? part : whole));
    }
    return out;
  }

  /** The folded form of one part, itself when the table does not know it. */
  public static String fold(String part) {
    return CANONICAL.getOrDefault(part, part);
  }

  private static NamePart part(String surface, String form) {
    return new NamePart(surface, form, PhoneticKey.skeleton(form));
  }

  private static String compoundSuffix(String part) {
    for (String suffix : SUFFIXES) {
      if (part.endsWith(suffix) && part.length() - suffix.length() >= 3) {
        return suffix;
      }
    }
    return null;
  }

  private static String stripAbdPrefix(String part) {
    for (String prefix : ABD_PREFIXES) {
      if (part.startsWith(prefix) && part.length() - prefix.length() >= 3) {
        return part.substring(prefix.length());
      }
    }
    return null;
  }

  private static Map<String, String> load() {
    Map<String, String> map = new HashMap<>();
    for (String line : NameTables.lines("name-part-variants.txt")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new IllegalStateException("name-part-variants.txt: no ':' in line '" + line + "'");
      }
      String canonical = line.substring(0, colon).strip();
      map.put(canonical, canonical);
      for (String variant : line.substring(colon + 1).strip().split("\\s+")) {
        String previous = map.put(variant, canonical);
        if (previous != null && !previous.equals(canonical)) {
          throw new IllegalStateException(
              "name-part-variants.txt: '"
                  + variant
                  + "' is under both "
                  + previous
                  + " and "
                  + canonical);
        }
      }
    }
    return Map.copyOf(map);
  }
}
