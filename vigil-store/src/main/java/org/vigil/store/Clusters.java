/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.vigil.resolve.Judgement;
import org.vigil.resolve.Verdict;

/**
 * The clusters that the judgements in force imply, kept in memory so that an entity read needs no
 * query to find its members.
 *
 * <p>A pair of records is joined when the latest judgement in force on it (the one with the highest
 * id) says SAME; a later DIFFERENT or UNSURE on the pair overrides an earlier SAME. Clusters are
 * the connected components of the joined pairs, and a cluster's canonical id is its smallest member
 * id (by {@link String#compareTo}), so that it does not depend on the order of judgements.
 *
 * <p>Joining is incremental; splitting recomputes only the component that lost an edge. Safe for
 * concurrent readers and writers within one process.
 */
final class Clusters {
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  /** Per unordered pair, its judgements in force: id to verdict. */
  private final Map<Pair, TreeMap<Long, Verdict>> inForce = new HashMap<>();

  /** The joined pairs, as adjacency sets. */
  private final Map<String, Set<String>> joined = new HashMap<>();

  /** Each record in a cluster of two or more, mapped to that cluster (one shared set). */
  private final Map<String, SortedSet<String>> clusterOf = new HashMap<>();

  /** Moves on whenever a cluster joins or splits, so that derived data knows it is stale. */
  private long version;

  /** Takes a judgement in force into account. */
  void add(Judgement judgement) {
    lock.writeLock().lock();
    try {
      Pair pair = Pair.of(judgement.left(), judgement.right());
      TreeMap<Long, Verdict> verdicts = inForce.computeIfAbsent(pair, p -> new TreeMap<>());
      boolean wasJoined = isSame(verdicts);
      verdicts.put(judgement.id(), judgement.verdict());
      changed(pair, wasJoined, isSame(verdicts));
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Forgets a judgement that was taken out of force. */
  void remove(Judgement judgement) {
    lock.writeLock().lock();
    try {
      Pair pair = Pair.of(judgement.left(), judgement.right());
      TreeMap<Long, Verdict> verdicts = inForce.get(pair);
      if (verdicts == null) {
        return;
      }
      boolean wasJoined = isSame(verdicts);
      verdicts.remove(judgement.id());
      if (verdicts.isEmpty()) {
        inForce.remove(pair);
      }
      changed(pair, wasJoined, isSame(verdicts));
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The cluster of {@code recordId}, itself included, sorted. */
  SortedSet<String> members(String recordId) {
    lock.readLock().lock();
    try {
      SortedSet<String> cluster = clusterOf.get(recordId);
      if (cluster != null) {
        return cluster;
      }
    } finally {
      lock.readLock().unlock();
    }
    return Collections.unmodifiableSortedSet(new TreeSet<>(Set.of(recordId)));
  }

  String canonicalId(String recordId) {
    lock.readLock().lock();
    try {
      SortedSet<String> cluster = clusterOf.get(recordId);
      return cluster == null ? recordId : cluster.first();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** A number that changes whenever any cluster has joined or split. */
  long version() {
    lock.readLock().lock();
    try {
      return version;
    } finally {
      lock.readLock().unlock();
    }
  }

  private static boolean isSame(TreeMap<Long, Verdict> verdicts) {
    return !verdicts.isEmpty() && verdicts.lastEntry().getValue() == Verdict.SAME;
  }

  private void changed(Pair pair, boolean wasJoined, boolean isJoined) {
    if (!wasJoined && isJoined) {
      join(pair.a(), pair.b());
      version++;
    } else if (wasJoined && !isJoined) {
      split(pair.a(), pair.b());
      version++;
    }
  }

  private void join(String a, String b) {
    joined.computeIfAbsent(a, k -> new HashSet<>()).add(b);
    joined.computeIfAbsent(b, k -> new HashSet<>()).add(a);
    SortedSet<String> left = clusterOf.getOrDefault(a, new TreeSet<>(Set.of(a)));
    SortedSet<String> right = clusterOf.getOrDefault(b, new TreeSet<>(Set.of(b)));
    if (left == right) {
      return;
    }
    TreeSet<String> merged = new TreeSet<>(left);
    merged.addAll(right);
    SortedSet<String> shared = Collections.unmodifiableSortedSet(merged);
    for (String member : shared) {
      clusterOf.put(member, shared);
    }
  }

  private void split(String a, String b) {
    unlink(a, b);
    unlink(b, a);
    SortedSet<String> old = clusterOf.get(a);
    if (old == null) {
      return;
    }
    for (String member : old) {
      clusterOf.remove(member);
    }
    // Only the component that lost the edge can fall apart; walk it again from each member.
    for (String start : old) {
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
      if (component.size() > 1) {
        SortedSet<String> shared = Collections.unmodifiableSortedSet(component);
        for (String member : shared) {
          clusterOf.put(member, shared);
        }
      }
    }
  }

  private void unlink(String from, String to) {
    Set<String> neighbours = joined.get(from);
    if (neighbours != null) {
      neighbours.remove(to);
      if (neighbours.isEmpty()) {
        joined.remove(from);
      }
    }
  }

  /** An unordered pair of record ids. */
  private record Pair(String a, String b) {
    static Pair of(String x, String y) {
      return x.compareTo(y) <= 0 ? new Pair(x, y) : new Pair(y, x);
    }
  }
}
