/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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

  private final Map<String, int[]> postings;
  private final int names;
  private final ThreadLocal<float[]> scratch;
  private final ThreadLocal<float[]> groupScratch;
  private final ThreadLocal<int[]> groupIds;

  CandidateIndex(List<NormalisedName> names) {
    Map<String, List<Integer>> building = new HashMap<>();
    for (int id = 0; id < names.size(); id++) {
      for (String key : keys(names.get(id))) {
        building.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
      }
    }
    Map<String, int[]> frozen = new HashMap<>(building.size() * 2);
    for (Map.Entry<String, List<Integer>> e : building.entrySet()) {
      frozen.put(e.getKey(), e.getValue().stream().mapToInt(Integer::intValue).toArray());
    }
    this.postings = frozen;
    this.names = names.size();
    this.scratch = ThreadLocal.withInitial(() -> new float[this.names]);
    this.groupScratch = ThreadLocal.withInitial(() -> new float[this.names]);
    // a name enters a group's list at most once, so the list never holds more than every name
    this.groupIds = ThreadLocal.withInitial(() -> new int[this.names]);
  }

  int keyCount() {
    return postings.size();
  }

  /**
   * Ids of up to {@code limit} names that best share keys with {@code query}, best first. A name
   * scores, for each part of the query (and each pair of adjacent parts), the inverse document
   * frequency of the rarest key of that part it shares: a part that meets a name by its spelling,
   * its skeleton and a deletion at once counts once, so that several common parts cannot outweigh
   * one rare part that only a deletion or a skeleton finds.
   */
  int[] candidates(NormalisedName query, int limit) {
    float[] weights = scratch.get();
    float[] groupBest = groupScratch.get();
    int[] touched = new int[0];
    int touchedCount = 0;
    List<List<int[]>> groups = new ArrayList<>();
    int smallest = Integer.MAX_VALUE;
    int second = Integer.MAX_VALUE;
    for (Set<String> group : keyGroups(query, true)) {
      List<int[]> lists = new ArrayList<>();
      for (String key : group) {
        int[] posting = postings.get(key);
        if (posting != null) {
          lists.add(posting);
          if (posting.length < smallest) {
            second = smallest;
            smallest = posting.length;
          } else if (posting.length < second) {
            second = posting.length;
          }
        }
      }
      groups.add(lists);
    }
    // common keys select nothing by themselves, unless they are the rarest two the query has
    int common = Math.max(COMMON_KEY, second == Integer.MAX_VALUE ? smallest : second);
    for (List<int[]> all : groups) {
      List<int[]> lists = new ArrayList<>(all.size());
      for (int[] posting : all) {
        if (posting.length <= common) {
          lists.add(posting);
        }
      }
      int[] groupTouched = groupIds.get();
      int groupCount = 0;
      for (int[] posting : lists) {
        float idf = (float) Math.log(1.0 + (double) names / posting.length);
        for (int id : posting) {
          if (groupBest[id] == 0f) {
            groupTouched[groupCount++] = id;
          }
          if (idf > groupBest[id]) {
            groupBest[id] = idf;
          }
        }
      }
      for (int t = 0; t < groupCount; t++) {
        int id = groupTouched[t];
        if (weights[id] == 0f) {
          if (touchedCount == touched.length) {
            touched = Arrays.copyOf(touched, Math.max(64, touched.length * 2));
          }
          touched[touchedCount++] = id;
        }
        weights[id] += groupBest[id];
        groupBest[id] = 0f;
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

  private static Set<String> keys(NormalisedName name) {
    Set<String> keys = new LinkedHashSet<>();
    for (Set<String> group : keyGroups(name, false)) {
      keys.addAll(group);
    }
    return keys;
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
}
