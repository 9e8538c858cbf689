/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every occurrence of many keys in one pass over a text (Aho and Corasick, 1975). Keys are
 * matched char by char as given; callers fold case beforehand when they want it folded.
 */
final class AhoCorasick {
  /** One occurrence of key {@code key} at [start, end). */
  record Hit(int key, int start, int end) {}

  private final List<Map<Character, Integer>> next = new ArrayList<>();
  private final List<Integer> fail = new ArrayList<>();
  private final List<List<Integer>> output = new ArrayList<>();
  private final int[] lengths;

  AhoCorasick(List<String> keys) {
    lengths = new int[keys.size()];
    newNode();
    for (int k = 0; k < keys.size(); k++) {
      String key = keys.get(k);
      if (key.isEmpty()) {
        throw new IllegalArgumentException("key " + k + " is empty");
      }
      lengths[k] = key.length();
      int node = 0;
      for (int i = 0; i < key.length(); i++) {
        Integer child = next.get(node).get(key.charAt(i));
        if (child == null) {
          child = newNode();
          next.get(node).put(key.charAt(i), child);
        }
        node = child;
      }
      output.get(node).add(k);
    }
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int child : next.get(0).values()) {
      fail.set(child, 0);
      queue.add(child);
    }
    while (!queue.isEmpty()) {
      int node = queue.poll();
      for (Map.Entry<Character, Integer> e : next.get(node).entrySet()) {
        int child = e.getValue();
        int f = fail.get(node);
        while (f != 0 && !next.get(f).containsKey(e.getKey())) {
          f = fail.get(f);
        }
        Integer target = next.get(f).get(e.getKey());
        int failTo = target != null && target != child ? target : 0;
        fail.set(child, failTo);
        output.get(child).addAll(output.get(failTo));
        queue.add(child);
      }
    }
  }

  private int newNode() {
    next.add(new HashMap<>());
    fail.add(0);
    output.add(new ArrayList<>());
    return next.size() - 1;
  }

  /** Every occurrence of every key, ordered by end, then by key. */
  List<Hit> find(CharSequence text) {
    List<Hit> hits = new ArrayList<>();
    int node = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      while (node != 0 && !next.get(node).containsKey(c)) {
        node = fail.get(node);
      }
      node = next.get(node).getOrDefault(c, 0);
      for (int key : output.get(node)) {
        hits.add(new Hit(key, i + 1 - lengths[key], i + 1));
      }
    }
    return hits;
  }
}
