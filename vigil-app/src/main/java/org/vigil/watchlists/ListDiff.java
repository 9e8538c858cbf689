/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.watchlists;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.lists.Alias;
import org.vigil.lists.ListEntry;
import org.vigil.lists.ListRelease;
import org.vigil.model.PartialDate;

/**
 * What changed between two releases of a list, entry by entry (matched by the list's own id): the
 * entries added, removed, and changed in their names, aliases, programmes or birth dates.
 *
 * @param oldEntries how many entries the old release has
 * @param newEntries how many entries the new release has
 * @param added entries only in the new release, in its order
 * @param removed entries only in the old release, in its order
 * @param changed entries in both whose names, aliases, programmes or birth dates differ
 */
public record ListDiff(
    int oldEntries,
    int newEntries,
    List<ListEntry> added,
    List<ListEntry> removed,
    List<Change> changed) {

  public ListDiff {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    changed = List.copyOf(changed);
  }

  /**
   * One entry that changed.
   *
   * @param id the list's id of the entry
   * @param name its primary name in the new release
   * @param differences what differs, one line each, such as "aliases: +Foo, -Bar"
   */
  public record Change(String id, String name, List<String> differences) {
    public Change {
      requireNonNull(id, "id");
      requireNonNull(name, "name");
      differences = List.copyOf(differences);
    }
  }

  /** Compares {@code old} with {@code updated}. */
  public static ListDiff between(ListRelease old, ListRelease updated) {
    Map<String, ListEntry> before = byId(old);
    Map<String, ListEntry> after = byId(updated);
    List<ListEntry> added = new ArrayList<>();
    List<Change> changed = new ArrayList<>();
    for (ListEntry entry : after.values()) {
      ListEntry previous = before.get(entry.id());
      if (previous == null) {
        added.add(entry);
      } else {
        List<String> differences = differences(previous, entry);
        if (!differences.isEmpty()) {
          changed.add(new Change(entry.id(), entry.name(), differences));
        }
      }
    }
    List<ListEntry> removed =
        before.values().stream().filter(e -> !after.containsKey(e.id())).toList();
    return new ListDiff(before.size(), after.size(), added, removed, changed);
  }

  public boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
  }

  private static Map<String, ListEntry> byId(ListRelease release) {
    Map<String, ListEntry> out = new LinkedHashMap<>();
    for (ListEntry entry : release.entries()) {
      out.putIfAbsent(entry.id(), entry);
    }
    return out;
  }

  private static List<String> differences(ListEntry before, ListEntry after) {
    List<String> out = new ArrayList<>();
    if (!before.name().equals(after.name())) {
      out.add("name: '" + before.name() + "' -> '" + after.name() + "'");
    }
    set(
        out,
        "aliases",
        before.aliases().stream().map(Alias::name).toList(),
        after.aliases().stream().map(Alias::name).toList());
    set(out, "programmes", before.programs(), after.programs());
    set(
        out,
        "birth dates",
        before.birthDates().stream().map(PartialDate::toString).toList(),
        after.birthDates().stream().map(PartialDate::toString).toList());
    return out;
  }

  private static void set(List<String> out, String what, List<String> before, List<String> after) {
    Set<String> gained = new LinkedHashSet<>(after);
    before.forEach(gained::remove);
    Set<String> lost = new LinkedHashSet<>(before);
    after.forEach(lost::remove);
    if (gained.isEmpty() && lost.isEmpty()) {
      return;
    }
    List<String> parts = new ArrayList<>();
    gained.forEach(g -> parts.add("+" + g));
    lost.forEach(l -> parts.add("-" + l));
    out.add(what + ": " + String.join(", ", parts));
  }
}
