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
  static final int MAX_BLOCK = 1_000;

  /** How many best-sharing others each record is paired with. */
  static final int CANDIDATES = 24;

  private Blocking() {}

  /**
   * Pairs of indexes into {@code records}, each once, lower index first, in a stable order: for
   * each record, the {@link #CANDIDATES} others that share the most (and rarest) keys with it.
   */
  static List<long[]> pairs(List<PreparedRecord> records) {
    Map<String, List<Integer>> building = new HashMap<>();
    List<List<String>> keysOf = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      List<String> keys = List.copyOf(keys(records.get(i)));
      keysOf.add(keys);
      for (String key : keys) {
        building.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
      }
    }
    Map<String, int[]> postings = new HashMap<>(building.size() * 2);
    building.forEach(
        (key, ids) -> postings.put(key, ids.stream().mapToInt(Integer::intValue).toArray()));
    int n = records.size();
    double[] weight = new double[n];
    int[] touched = new int[n];
    Set<Long> seen = new java.util.HashSet<>();
    List<long[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int count = 0;
      for (String key : keysOf.get(i)) {
        int[] posting = postings.get(key);
        if (posting.length < 2 || posting.length > MAX_BLOCK) {
          continue;
        }
        double idf = Math.log(1.0 + (double) n / posting.length);
        for (int j : posting) {
          if (j == i) {
            continue;
          }
          if (weight[j] == 0.0) {
            touched[count++] = j;
          }
          weight[j] += idf;
        }
      }
      Integer[] order = new Integer[count];
      for (int t = 0; t < count; t++) {
        order[t] = touched[t];
      }
      java.util.Arrays.sort(
          order,
          (x, y) ->
              x.equals(y)
                  ? 0
                  : weight[y] != weight[x]
                      ? Double.compare(weight[y], weight[x])
                      : Integer.compare(x, y));
      for (int t = 0; t < Math.min(CANDIDATES, count); t++) {
        int j = order[t];
        // min * n + max stays below 2^63 and hashes well as a Long (unlike i << 32 | j).
        long pair = (long) Math.min(i, j) * n + Math.max(i, j);
        if (seen.add(pair)) {
          out.add(new long[] {Math.min(i, j), Math.max(i, j)});
        }
      }
      for (int t = 0; t < count; t++) {
        weight[touched[t]] = 0.0;
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
