/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.resolve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.names.NamePart;
import org.vigil.names.PhoneticKey;

/**
 * Finds the pairs worth scoring: records that share a blocking key. Keys come from the names engine
 * (each folded part, its consonant skeleton, the whole folded name), from short forms (an acronym's
 * letters, a long name's initials) and, for acronyms, their sorted letters so that a transposition
 * ("IRCG") meets its original. A key shared by more than {@link #MAX_BLOCK} records is too common
 * to pair by and is skipped.
 */
final class Blocking {
  static final int MAX_BLOCK = 400;

  private Blocking() {}

  /** Pairs of indexes into {@code records}, each once, lower index first, in a stable order. */
  static List<long[]> pairs(List<PreparedRecord> records) {
    Map<String, List<Integer>> blocks = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      for (String key : keys(records.get(i))) {
        blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
      }
    }
    Set<Long> seen = new java.util.HashSet<>();
    List<long[]> out = new ArrayList<>();
    List<String> keys = new ArrayList<>(blocks.keySet());
    java.util.Collections.sort(keys);
    for (String key : keys) {
      List<Integer> block = blocks.get(key);
      if (block.size() < 2 || block.size() > MAX_BLOCK) {
        continue;
      }
      for (int x = 0; x < block.size(); x++) {
        for (int y = x + 1; y < block.size(); y++) {
          int i = block.get(x);
          int j = block.get(y);
          if (i == j) {
            continue;
          }
          long pair = ((long) Math.min(i, j) << 32) | Math.max(i, j);
          if (seen.add(pair)) {
            out.add(new long[] {Math.min(i, j), Math.max(i, j)});
          }
        }
      }
    }
    return out;
  }

  static Set<String> keys(PreparedRecord record) {
    Set<String> keys = new LinkedHashSet<>();
    for (PreparedRecord.PreparedName name : record.names) {
      keys.add("w" + name.normalised().key());
      List<NamePart> parts = name.normalised().parts();
      for (int i = 0; i + 1 < parts.size(); i++) {
        String joined = parts.get(i).surface() + parts.get(i + 1).surface();
        keys.add("t" + joined);
        String skeleton = PhoneticKey.skeleton(joined);
        if (skeleton.length() >= 3) {
          keys.add("p" + skeleton);
        }
      }
      for (NamePart part : parts) {
        if (part.form().length() >= 3 || part.isNumeric()) {
          keys.add("t" + part.form());
        }
        if (part.skeleton().length() >= 3) {
          keys.add("p" + part.skeleton());
        }
      }
      for (NamePart part : name.normalised().nativeParts()) {
        keys.add("n" + part.form());
      }
      if (name.acronym()) {
        String letters = PreparedRecord.letters(name);
        keys.add("a" + letters);
        char[] sorted = letters.toCharArray();
        java.util.Arrays.sort(sorted);
        keys.add("s" + new String(sorted));
      }
      for (String initials : name.initials()) {
        keys.add("a" + initials);
      }
    }
    return keys;
  }
}
