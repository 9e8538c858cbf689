/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.claims;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The independent origins left when links of derivation are collapsed: every link, whatever its
 * kind or direction, joins its two ends into one origin, so a circle of links (A copied from B
 * copied from A) is one origin like any other group. Each origin is named by the smallest id in it,
 * so the answer does not depend on the order of the links. Immutable.
 */
public final class Origins {
  private final Map<String, String> rootOf;
  private final Map<String, SortedSet<String>> members;

  private Origins(Map<String, String> rootOf, Map<String, SortedSet<String>> members) {
    this.rootOf = rootOf;
    this.members = members;
  }

  /** The origins that {@code links} leave; an id no link names is an origin of its own. */
  public static Origins of(List<OriginLink> links) {
    requireNonNull(links, "links");
    Map<String, String> parent = new HashMap<>();
    for (OriginLink link : links) {
      union(parent, link.from(), link.to());
    }
    Map<String, SortedSet<String>> groups = new TreeMap<>();
    for (String id : parent.keySet()) {
      groups.computeIfAbsent(find(parent, id), r -> new TreeSet<>()).add(id);
    }
    Map<String, String> rootOf = new HashMap<>();
    Map<String, SortedSet<String>> members = new TreeMap<>();
    for (SortedSet<String> group : groups.values()) {
      String name = group.first();
      members.put(name, java.util.Collections.unmodifiableSortedSet(group));
      for (String id : group) {
        rootOf.put(id, name);
      }
    }
    return new Origins(rootOf, members);
  }

  /** The independent origin that {@code id} belongs to: the name of its group, or itself. */
  public String originOf(String id) {
    return rootOf.getOrDefault(id, id);
  }

  /** The independent origin of a claim; empty when its origin is unknown. */
  public Optional<String> originOf(Claim claim) {
    if (claim.origin() instanceof Origin.Party p) {
      return Optional.of(originOf(p.id()));
    }
    return Optional.empty();
  }

  /** The ids collapsed into the origin {@code id} belongs to, sorted; just itself when unlinked. */
  public SortedSet<String> membersOf(String id) {
    SortedSet<String> group = members.get(originOf(id));
    return group == null ? new TreeSet<>(List.of(id)) : group;
  }

  /** The groups of linked ids, by origin name. */
  public Map<String, SortedSet<String>> groups() {
    return java.util.Collections.unmodifiableMap(members);
  }

  /**
   * A circle that the directed links (copying, citing) would form with {@code added}: the ids along
   * it, starting and ending with {@code added.from()}; empty when there is none. Such a circle
   * cannot be a true history (a text cannot copy what copies it), so a store refuses the link.
   */
  public static Optional<List<String>> circle(List<OriginLink> links, OriginLink added) {
    requireNonNull(added, "added");
    if (!added.kind().directed()) {
      return Optional.empty();
    }
    Map<String, List<String>> next = new LinkedHashMap<>();
    for (OriginLink link : links) {
      if (link.kind().directed()) {
        next.computeIfAbsent(link.from(), k -> new ArrayList<>()).add(link.to());
      }
    }
    // A path from added.to back to added.from closes the circle.
    Map<String, String> cameFrom = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>(List.of(added.to()));
    cameFrom.put(added.to(), added.to());
    while (!queue.isEmpty()) {
      String at = queue.removeFirst();
      if (at.equals(added.from())) {
        List<String> path = new ArrayList<>();
        for (String n = at; ; n = cameFrom.get(n)) {
          path.add(0, n);
          if (n.equals(added.to())) {
            break;
          }
        }
        path.add(0, added.from());
        return Optional.of(List.copyOf(path));
      }
      for (String n : next.getOrDefault(at, List.of())) {
        if (cameFrom.putIfAbsent(n, at) == null) {
          queue.addLast(n);
        }
      }
    }
    return Optional.empty();
  }

  private static void union(Map<String, String> parent, String a, String b) {
    String ra = find(parent, a);
    String rb = find(parent, b);
    if (!ra.equals(rb)) {
      parent.put(ra, rb);
    }
  }

  private static String find(Map<String, String> parent, String id) {
    parent.putIfAbsent(id, id);
    String root = id;
    while (!parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    for (String n = id; !n.equals(root); ) {
      String up = parent.get(n);
      parent.put(n, root);
      n = up;
    }
    return root;
  }
}
