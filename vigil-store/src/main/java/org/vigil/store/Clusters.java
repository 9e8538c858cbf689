/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.vigil.access.Viewer;
import org.vigil.resolve.Audience;
import org.vigil.resolve.Judgement;
import org.vigil.resolve.Verdict;

/**
 * The clusters that the judgements in force imply, per reader, kept in memory so that an entity
 * read needs no query to find its members.
 *
 * <p>A reader's clusters come only from the judgements whose {@link Audience} admits them: a
 * judgement another organisation made, or one the machine derived from statements this reader may
 * not see, neither joins nor splits anything for them. Among those, a pair of records is joined
 * when the latest judgement on it (the one with the highest id) says SAME; a later DIFFERENT or
 * UNSURE on the pair overrides an earlier SAME. Clusters are the connected components of the joined
 * pairs, and a cluster's canonical id is its smallest member id (by {@link String#compareTo}), so
 * that it does not depend on the order of judgements.
 *
 * <p>Readers admitted to the same audiences share one {@link View}; views are computed when first
 * asked for and dropped whenever a judgement is made or undone. Safe for concurrent readers and
 * writers within one process.
 */
final class Clusters {
  /** Views kept at most; beyond it the least recently used is dropped. */
  private static final int MAX_VIEWS = 64;

  /** The judgements in force, by id. */
  private final TreeMap<Long, Judgement> inForce = new TreeMap<>();

  /** How many judgements in force each audience has. */
  private final Map<Audience, Integer> audiences = new HashMap<>();

  private final Map<String, View> views =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, View> eldest) {
          return size() > MAX_VIEWS;
        }
      };

  /** Moves on whenever a judgement is made or undone, so that derived data knows it is stale. */
  private long version;

  /** Takes a judgement in force into account. */
  synchronized void add(Judgement judgement) {
    if (inForce.put(judgement.id(), judgement) == null) {
      audiences.merge(judgement.audience(), 1, Integer::sum);
    }
    changed();
  }

  /** Holds exactly {@code current} as the judgements in force (another node changed them). */
  synchronized void replace(Collection<Judgement> current) {
    inForce.clear();
    audiences.clear();
    for (Judgement j : current) {
      if (inForce.put(j.id(), j) == null) {
        audiences.merge(j.audience(), 1, Integer::sum);
      }
    }
    changed();
  }

  /** Forgets a judgement that was taken out of force. */
  synchronized void remove(Judgement judgement) {
    if (inForce.remove(judgement.id()) != null) {
      audiences.computeIfPresent(judgement.audience(), (a, n) -> n == 1 ? null : n - 1);
    }
    changed();
  }

  /** The clusters as {@code viewer} may see them. */
  synchronized View view(Viewer viewer) {
    Set<Audience> admitted = new HashSet<>();
    List<String> keys = new ArrayList<>();
    for (Audience audience : audiences.keySet()) {
      if (audience.admits(viewer)) {
        admitted.add(audience);
        keys.add(audience.key());
      }
    }
    Collections.sort(keys);
    String key = version + ":" + String.join(",", keys);
    View view = views.get(key);
    if (view == null) {
      view = build(admitted, key);
      views.put(key, view);
    }
    return view;
  }

  /** A number that changes whenever any judgement has been made or undone. */
  synchronized long version() {
    return version;
  }

  private void changed() {
    version++;
    views.clear();
  }

  private View build(Set<Audience> admitted, String key) {
    Map<Pair, Verdict> latest = new HashMap<>();
    for (Judgement j : inForce.values()) {
      if (admitted.contains(j.audience())) {
        latest.put(Pair.of(j.left(), j.right()), j.verdict());
      }
    }
    Map<String, Set<String>> joined = new HashMap<>();
    for (Map.Entry<Pair, Verdict> e : latest.entrySet()) {
      if (e.getValue() == Verdict.SAME) {
        joined.computeIfAbsent(e.getKey().a(), k -> new HashSet<>()).add(e.getKey().b());
        joined.computeIfAbsent(e.getKey().b(), k -> new HashSet<>()).add(e.getKey().a());
      }
    }
    Map<String, SortedSet<String>> clusterOf = new HashMap<>();
    for (String start : joined.keySet()) {
      if (clusterOf.containsKey(start)) {
        continue;
      }
      TreeSet<String> component = new TreeSet<>();
      Deque<String> queue = new ArrayDeque<>();
      queue.add(start);
      component.add(start);
      while (!queue.isEmpty()) {
        for (String next : joined.getOrDefault(queue.poll(), Set.of())) {
          if (component.add(next)) {
            queue.add(next);
          }
        }
      }
      SortedSet<String> shared = Collections.unmodifiableSortedSet(component);
      for (String member : shared) {
        clusterOf.put(member, shared);
      }
    }
    return new View(key, clusterOf);
  }

  /** One reader's clusters; immutable. */
  static final class View {
    private final String key;
    private final Map<String, SortedSet<String>> clusterOf;

    private View(String key, Map<String, SortedSet<String>> clusterOf) {
      this.key = key;
      this.clusterOf = clusterOf;
    }

    /**
     * Tells views apart: readers with the same key see the same clusters, and a key is never reused
     * after the judgements change.
     */
    String key() {
      return key;
    }

    /** The cluster of {@code recordId}, itself included, sorted. */
    SortedSet<String> members(String recordId) {
      SortedSet<String> cluster = clusterOf.get(recordId);
      return cluster != null
          ? cluster
          : Collections.unmodifiableSortedSet(new TreeSet<>(Set.of(recordId)));
    }

    /** Every record that shares its cluster with another, for this reader. */
    Set<String> clustered() {
      return Collections.unmodifiableSet(clusterOf.keySet());
    }

    String canonicalId(String recordId) {
      SortedSet<String> cluster = clusterOf.get(recordId);
      return cluster == null ? recordId : cluster.first();
    }
  }

  /** An unordered pair of record ids. */
  private record Pair(String a, String b) {
    static Pair of(String x, String y) {
      return x.compareTo(y) <= 0 ? new Pair(x, y) : new Pair(y, x);
    }
  }
}
