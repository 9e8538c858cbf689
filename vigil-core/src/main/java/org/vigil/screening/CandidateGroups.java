/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.screening;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.vigil.lists.ListEntry;
import org.vigil.model.PartialDate;
import org.vigil.names.NameNormaliser;
import org.vigil.names.NamePart;
import org.vigil.names.NormalisedName;

/**
 * A result's matches grouped by the one real person or organisation they may be: one person's OFAC
 * entry and UN entry are one group, so a reader sees one candidate on two lists instead of two
 * candidates. Grouping never changes a score or drops a match; it only places matches together.
 *
 * <p>Two entries are put together when they are on different lists, have the same schema, share a
 * name (the same name parts, in any order, after normalisation), and, when both give birth dates,
 * share one (at the precision given). Two entries of one list are never grouped: a list names each
 * of its designations once, so two entries there are two designations, possibly of two people with
 * one name (QASEM SOLEIMANI and GHASEM SOLEYMANI).
 */
public final class CandidateGroups {
  private CandidateGroups() {}

  /**
   * A match and, when the screener still knows it, the list entry it matched.
   *
   * @param entry what the list says about the entry; empty if the lists changed since
   */
  public record Candidate(ScreeningMatch match, Optional<ListEntry> entry) {
    public Candidate {
      requireNonNull(match, "match");
      requireNonNull(entry, "entry");
    }
  }

  /**
   * Entries that may be one person or organisation, the best-scored first.
   *
   * @param members at least one; the first is the group's best match
   */
  public record Group(List<Candidate> members) {
    public Group {
      members = List.copyOf(members);
      if (members.isEmpty()) {
        throw new IllegalArgumentException("a candidate group needs at least one member");
      }
    }

    public Candidate best() {
      return members.get(0);
    }
  }

  /** The groups of {@code result}'s matches, each entry looked up in {@code screener}. */
  public static List<Group> of(ScreeningResult result, Screener screener) {
    requireNonNull(screener, "screener");
    return of(result.matches(), screener::entry);
  }

  /**
   * Groups {@code matches} (best first, as a result holds them); the groups keep the order of their
   * best members.
   *
   * @param entries finds a match's entry from its dataset and entry id
   */
  public static List<Group> of(
      List<ScreeningMatch> matches, BiFunction<String, String, Optional<ListEntry>> entries) {
    requireNonNull(matches, "matches");
    requireNonNull(entries, "entries");
    NameNormaliser normaliser = new NameNormaliser();
    List<List<Candidate>> groups = new ArrayList<>();
    List<List<Set<Set<String>>>> groupNames = new ArrayList<>();
    for (ScreeningMatch match : matches) {
      Candidate candidate = new Candidate(match, entries.apply(match.dataset(), match.entityId()));
      Set<Set<String>> names = candidate.entry().map(e -> names(e, normaliser)).orElse(Set.of());
      int joined = -1;
      for (int g = 0; g < groups.size() && joined < 0 && candidate.entry().isPresent(); g++) {
        boolean fits = true;
        for (int m = 0; m < groups.get(g).size() && fits; m++) {
          Candidate other = groups.get(g).get(m);
          fits =
              other.entry().isPresent()
                  && sameEntity(
                      candidate.entry().get(),
                      match.dataset(),
                      names,
                      other.entry().get(),
                      other.match().dataset(),
                      groupNames.get(g).get(m));
        }
        if (fits) {
          joined = g;
        }
      }
      if (joined < 0) {
        groups.add(new ArrayList<>());
        groupNames.add(new ArrayList<>());
        joined = groups.size() - 1;
      }
      groups.get(joined).add(candidate);
      groupNames.get(joined).add(names);
    }
    return groups.stream().map(Group::new).toList();
  }

  private static boolean sameEntity(
      ListEntry a,
      String aDataset,
      Set<Set<String>> aNames,
      ListEntry b,
      String bDataset,
      Set<Set<String>> bNames) {
    if (aDataset.equals(bDataset) || a.schema() != b.schema()) {
      return false;
    }
    Set<Set<String>> shared = new HashSet<>(aNames);
    shared.retainAll(bNames);
    if (shared.isEmpty()) {
      return false;
    }
    if (a.birthDates().isEmpty() || b.birthDates().isEmpty()) {
      return true;
    }
    for (PartialDate date : a.birthDates()) {
      if (b.birthDates().stream().anyMatch(date::agreesWith)) {
        return true;
      }
    }
    return false;
  }

  /** Each name of the entry as the set of its normalised parts (word order differs by list). */
  private static Set<Set<String>> names(ListEntry entry, NameNormaliser normaliser) {
    Set<Set<String>> out = new HashSet<>();
    for (String name : entry.allNames()) {
      NormalisedName normalised = normaliser.normalise(name, entry.schema());
      if (!normalised.isEmpty()) {
        Set<String> parts = new TreeSet<>();
        for (NamePart part : normalised.parts()) {
          parts.add(part.form());
        }
        out.add(parts);
      }
    }
    return out;
  }
}
