/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.names.NamePart;
import org.vigil.names.NormalisedName;
import org.vigil.names.PhoneticKey;

/**
 * Blocking keys of list names, and retrieval of the names that share the most (and rarest) keys
 * with a query. Keys: each folded part; its consonant skeleton; for longer parts, the part with one
 * letter deleted (so a misspelling meets its original); two adjacent parts written together, and
 * their skeleton (so "hdayt allh" meets "Hidayatullah"); the first letters of long parts; the
 * initials of a name of three to six parts (so a name meets its acronym); and parts in their own
 * script. Immutable once built; {@link #candidates} is thread-safe.
 */
final class CandidateIndex {

  private static final int MIN_DELETION_LENGTH = 5;
  private static final int MAX_DELETION_LENGTH = 16;
  private static final int MIN_PREFIX_LENGTH = 9;
  private static final int PREFIX = 7;

  /** Keys shared by more names than this are too common to select candidates by themselves. */
  private static final int COMMON_KEY = 1_500;

  private final Postings postings;
  private final int names;
  private final ThreadLocal<Scratch> scratch;

  /**
   * One thread's working arrays, one slot per name: the weight summed so far, and the number of the
   * query group that last counted the name (so a group counts each name once without clearing).
   */
  private static final class Scratch {
    final float[] weights;
    final int[] countedBy;
    int group;

    Scratch(int names) {
      weights = new float[names];
      countedBy = new int[names];
    }

    int nextGroup() {
      if (group == Integer.MAX_VALUE) {
        Arrays.fill(countedBy, 0);
        group = 0;
      }
      return ++group;
    }
  }

  CandidateIndex(List<NormalisedName> names) {
    // Each posting grows in place, its first slot holding its length, and is trimmed at the end:
    // no boxed ids and no second map, which halves the build of an index of a million postings.
    Map<String, int[]> building = new HashMap<>(Math.max(16, names.size() * 16));
    Set<String> keys = new HashSet<>();
    for (int id = 0; id < names.size(); id++) {
      keys.clear();
      for (Set<String> group : keyGroups(names.get(id), false)) {
        keys.addAll(group);
      }
      for (String key : keys) {
        int[] posting = building.get(key);
        if (posting == null) {
          posting = new int[4];
          building.put(key, posting);
        } else if (posting[0] + 1 == posting.length) {
          posting = Arrays.copyOf(posting, posting.length * 2);
          building.put(key, posting);
        }
        posting[++posting[0]] = id;
      }
    }
    this.postings = Postings.of(building);
    this.names = names.size();
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(this.names));
  }

  int keyCount() {
    return postings.size;
  }

  /**
   * Ids of up to {@code limit} names that best share keys with {@code query}, best first. A name
   * scores, for each part of the query (and each pair of adjacent parts), the inverse document
   * frequency of the rarest key of that part it shares: a part that meets a name by its spelling,
   * its skeleton and a deletion at once counts once, so that several common parts cannot outweigh
   * one rare part that only a deletion or a skeleton finds.
   */
  int[] candidates(NormalisedName query, int limit) {
    Scratch scratch = this.scratch.get();
    float[] weights = scratch.weights;
    int[] countedBy = scratch.countedBy;
    int[] touched = new int[64];
    int touchedCount = 0;
    List<Set<String>> keyGroups = keyGroups(query, true);
    int[][][] groups = new int[keyGroups.size()][][];
    int smallest = Integer.MAX_VALUE;
    int second = Integer.MAX_VALUE;
    for (int g = 0; g < groups.length; g++) {
      Set<String> group = keyGroups.get(g);
      int[][] lists = new int[group.size()][];
      int found = 0;
      for (String key : group) {
        int[] posting = postings.get(key);
        if (posting != null) {
          lists[found++] = posting;
          if (posting.length < smallest) {
            second = smallest;
            smallest = posting.length;
          } else if (posting.length < second) {
            second = posting.length;
          }
        }
      }
      groups[g] = found == lists.length ? lists : Arrays.copyOf(lists, found);
    }
    // common keys select nothing by themselves, unless they are the rarest two the query has
    int common = Math.max(COMMON_KEY, second == Integer.MAX_VALUE ? smallest : second);
    for (int[][] lists : groups) {
      // The rarest key first: the first key of a group that reaches a name is the one of the
      // highest inverse frequency, which is all the group adds to that name.
      sortByLength(lists);
      int group = scratch.nextGroup();
      for (int[] posting : lists) {
        if (posting.length > common) {
          break;
        }
        float idf = (float) Math.log(1.0 + (double) names / posting.length);
        for (int id : posting) {
          if (countedBy[id] != group) {
            countedBy[id] = group;
            if (weights[id] == 0f) {
              if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, touched.length * 2);
              }
              touched[touchedCount++] = id;
            }
            weights[id] += idf;
          }
        }
      }
    }
    if (touchedCount == 0) {
      return new int[0];
    }
    // Only the best few are wanted: keep them in a small min-heap instead of sorting every name
    // touched, which for common parts runs into the thousands.
    int take = Math.min(limit, touchedCount);
    long[] heap = new long[take];
    int size = 0;
    for (int t = 0; t < touchedCount; t++) {
      int id = touched[t];
      long key = ((long) Float.floatToIntBits(weights[id]) << 32) | (0xFFFFFFFFL - id);
      weights[id] = 0f;
      if (size < take) {
        heap[size] = key;
        siftUp(heap, size++);
      } else if (key > heap[0]) {
        heap[0] = key;
        siftDown(heap, size);
      }
    }
    Arrays.sort(heap, 0, size);
    int[] out = new int[size];
    for (int t = 0; t < size; t++) {
      out[t] = (int) (0xFFFFFFFFL - (heap[size - 1 - t] & 0xFFFFFFFFL));
    }
    return out;
  }

  // A group has a few keys; an insertion sort, stable, is all it needs.
  private static void sortByLength(int[][] lists) {
    for (int i = 1; i < lists.length; i++) {
      int[] moving = lists[i];
      int k = i - 1;
      while (k >= 0 && lists[k].length > moving.length) {
        lists[k + 1] = lists[k];
        k--;
      }
      lists[k + 1] = moving;
    }
  }

  private static void siftUp(long[] heap, int k) {
    while (k > 0) {
      int parent = (k - 1) >>> 1;
      if (heap[parent] <= heap[k]) {
        return;
      }
      long swap = heap[parent];
      heap[parent] = heap[k];
      heap[k] = swap;
      k = parent;
    }
  }

  private static void siftDown(long[] heap, int size) {
    int k = 0;
    while (true) {
      int child = 2 * k + 1;
      if (child >= size) {
        return;
      }
      if (child + 1 < size && heap[child + 1] < heap[child]) {
        child++;
      }
      if (heap[k] <= heap[child]) {
        return;
      }
      long swap = heap[child];
      heap[child] = heap[k];
      heap[k] = swap;
      k = child;
    }
  }

  // The keys of each part, then of each pair of adjacent parts, then of each part in its own
  // script; one group each.
  private static List<Set<String>> keyGroups(NormalisedName name, boolean query) {
    List<Set<String>> groups = new ArrayList<>();
    List<NamePart> parts = name.parts();
    for (int i = 0; i < parts.size(); i++) {
      Set<String> keys = new LinkedHashSet<>();
      NamePart part = parts.get(i);
      String form = part.form();
      if (form.length() >= 2 || part.isNumeric()) {
        keys.add("t" + form);
      }
      for (String skeleton : part.skeletons()) {
        if (skeleton.length() >= 2) {
          keys.add("p" + skeleton);
        }
      }
      if (form.length() >= MIN_PREFIX_LENGTH && !part.isNumeric()) {
        // long words that differ in their endings: a Russian "-ika" and an English "-ics"
        // ("Оборонлогистика", OBORONLOGISTICS), case endings, "-ian" and "-ia"
        keys.add("x" + form.substring(0, PREFIX));
      }
      if (form.length() >= MIN_DELETION_LENGTH && form.length() <= MAX_DELETION_LENGTH) {
        keys.add("d" + form);
        for (int d = 0; d < form.length(); d++) {
          keys.add("d" + form.substring(0, d) + form.substring(d + 1));
        }
      }
      groups.add(keys);
    }
    for (int i = 0; i + 1 < parts.size(); i++) {
      Set<String> keys = new LinkedHashSet<>();
      NamePart part = parts.get(i);
      NamePart next = parts.get(i + 1);
      // two adjacent skeletons together find a name whose parts are too short or too common
      // to find it alone ("ayyub bashir")
      for (String x : part.skeletons()) {
        for (String y : next.skeletons()) {
          if (!x.isEmpty() && !y.isEmpty()) {
            keys.add("q" + x + " " + y);
          }
        }
      }
      String joined = part.surface() + next.surface();
      keys.add("t" + joined);
      if (part.skeletons().size() == 1 && next.skeletons().size() == 1) {
        String skeleton = PhoneticKey.skeleton(joined);
        if (skeleton.length() >= 3) {
          keys.add("p" + skeleton);
        }
      } else {
        // an Arabic-script pair: each reading of the one joined to each of the other
        for (String x : part.skeletons()) {
          for (String y : next.skeletons()) {
            String skeleton =
                !x.isEmpty() && !y.isEmpty() && x.charAt(x.length() - 1) == y.charAt(0)
                    ? x + y.substring(1)
                    : x + y;
            if (skeleton.length() >= 3) {
              keys.add("p" + skeleton);
            }
          }
        }
      }
      groups.add(keys);
    }
    // A name of several words meets its acronym ("Balakirevskiy Mekhanicheskiy Zavod" and "BMZ")
    // either way round, but not another name with the same initials: the list holds the
    // initials of its long names ("i") and its one-word names as acronyms ("a"), and a query
    // looks its own up the other way. Initials are also taken without the first word or two,
    // which may be a legal form a person's reading of the name keeps ("AO Upravleniye ...").
    if (parts.size() == 1
        && parts.get(0).form().length() >= 2
        && parts.get(0).form().length() <= 6) {
      groups.add(Set.of((query ? "i" : "a") + parts.get(0).surface()));
    }
    for (int start = 0; start <= 2 && parts.size() - start >= 3; start++) {
      if (parts.size() - start <= 6) {
        StringBuilder initials = new StringBuilder();
        for (NamePart part : parts.subList(start, parts.size())) {
          initials.append(part.surface().charAt(0));
        }
        groups.add(Set.of((query ? "a" : "i") + initials));
      }
    }
    if (!parts.isEmpty()) {
      // the whole name: a list name the query spells out in full always outranks the names that
      // share a common part with it ("Азиз" and the entry "AZIZ" among hundreds of Azizes)
      groups.add(Set.of("w" + name.key()));
    }
    for (NamePart part : name.nativeParts()) {
      groups.add(Set.of("n" + part.form()));
    }
    return groups;
  }

  /**
   * The postings by key, looked up by a 64-bit fingerprint of the key in one open-addressed table:
   * a query looks up about thirty keys among hundreds of thousands, and a hash map's chain of node,
   * key and key bytes made those lookups a fifth of a query's time. The keys themselves are not
   * kept. Two keys of the index never share a fingerprint (the seed is changed until they do not);
   * a key that is not in the index meets one of its fingerprints with a probability of about one in
   * 2^64 divided by the number of keys, and would then only add candidates.
   */
  private static final class Postings {
    private final long seed;
    private final long[] fingerprints;
    private final int[][] lists;
    private final int mask;
    final int size;

    private Postings(long seed, int capacity, int size) {
      this.seed = seed;
      this.fingerprints = new long[capacity];
      this.lists = new int[capacity][];
      this.mask = capacity - 1;
      this.size = size;
    }

    /** From postings whose first slot holds their length (as the build grows them). */
    static Postings of(Map<String, int[]> grown) {
      int capacity = Integer.highestOneBit(Math.max(16, grown.size() * 2)) << 1;
      for (long seed = 0x9E3779B97F4A7C15L; ; seed = mix(seed + 1)) {
        Postings table = new Postings(seed, capacity, grown.size());
        if (table.putAll(grown)) {
          return table;
        }
      }
    }

    private boolean putAll(Map<String, int[]> grown) {
      for (Map.Entry<String, int[]> e : grown.entrySet()) {
        long fingerprint = fingerprint(e.getKey());
        int slot = (int) fingerprint & mask;
        while (fingerprints[slot] != 0) {
          if (fingerprints[slot] == fingerprint) {
            return false;
          }
          slot = (slot + 1) & mask;
        }
        int[] posting = e.getValue();
        fingerprints[slot] = fingerprint;
        lists[slot] = Arrays.copyOfRange(posting, 1, posting[0] + 1);
      }
      return true;
    }

    /** The ids of the names that have {@code key}, ascending; null when none has it. */
    int[] get(String key) {
      long fingerprint = fingerprint(key);
      int slot = (int) fingerprint & mask;
      while (true) {
        long found = fingerprints[slot];
        if (found == fingerprint) {
          return lists[slot];
        }
        if (found == 0) {
          return null;
        }
        slot = (slot + 1) & mask;
      }
    }

    // FNV-1a over the characters, then a finaliser that spreads every bit; never 0 (empty slot).
    private long fingerprint(String key) {
      long h = seed;
      for (int i = 0; i < key.length(); i++) {
        h = (h ^ key.charAt(i)) * 0x100000001B3L;
      }
      h = mix(h ^ key.length());
      return h == 0 ? 1 : h;
    }

    private static long mix(long h) {
      h ^= h >>> 33;
      h *= 0xFF51AFD7ED558CCDL;
      h ^= h >>> 33;
      h *= 0xC4CEB9FE1A85EC53L;
      return h ^ (h >>> 33);
    }
  }
}
