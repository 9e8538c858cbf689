/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Familiar forms of given names from a curated table ("Ted" for Theodore or Edward, "Bibi" for
 * Benjamin). A familiar form stands for its formal names only: two familiar forms of one name are
 * not taken for each other.
 */
final class Nicknames {

  private static final Map<String, Set<String>> FORMAL_NAMES = load();

  private Nicknames() {}

  /** For each part, whether it is a familiar form of some name. */
  static boolean[] flags(List<NamePart> parts) {
    boolean[] out = new boolean[parts.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = FORMAL_NAMES.containsKey(parts.get(i).form());
    }
    return out;
  }

  /** Whether one of the two folded parts is a familiar form of the other. */
  static boolean related(String a, String b) {
    Set<String> ofA = FORMAL_NAMES.get(a);
    if (ofA != null && ofA.contains(b)) {
      return true;
    }
    Set<String> ofB = FORMAL_NAMES.get(b);
    return ofB != null && ofB.contains(a);
  }

  private static Map<String, Set<String>> load() {
    Map<String, Set<String>> map = new HashMap<>();
    for (String line : NameTables.lines("given-name-nicknames.txt")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new IllegalStateException("given-name-nicknames.txt: no ':' in line '" + line + "'");
      }
      String formal = FoldNamePartVariants.fold(line.substring(0, colon).strip());
      for (String nickname : line.substring(colon + 1).strip().split("\\s+")) {
        map.computeIfAbsent(FoldNamePartVariants.fold(nickname), k -> new HashSet<>()).add(formal);
      }
    }
    Map<String, Set<String>> frozen = new HashMap<>();
    map.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
    return Map.copyOf(frozen);
  }
}
