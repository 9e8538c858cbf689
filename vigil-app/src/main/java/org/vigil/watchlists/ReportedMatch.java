/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.watchlists;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.lists.ListEntry;
import org.vigil.screening.CandidateGroups;
import org.vigil.screening.ScreeningMatch;
import org.vigil.screening.ScreeningResult;

/**
 * One list match as every screening surface reports it (the command line's rows and JSON lines, the
 * API's answer): the listed entity, its scores rounded to four places, and why it matched.
 *
 * @param name the listed entity's primary name
 * @param matchedName the name of it that matched (the primary name or an alias)
 * @param schema the FtM schema name
 * @param explanation how the names were aligned, in words
 * @param reasons why the entry matched, in sentences for the person who reviews the match ({@link
 *     ScreeningMatch#explain}): the names' correspondence and the evidence
 * @param evidence what else agreed or disagreed (birth date, country, ...)
 */
public record ReportedMatch(
    String dataset,
    String entityId,
    String name,
    String matchedName,
    String schema,
    List<String> programs,
    double score,
    double nameScore,
    String explanation,
    String reasons,
    List<String> evidence) {
  public ReportedMatch {
    requireNonNull(dataset, "dataset");
    requireNonNull(entityId, "entityId");
    requireNonNull(name, "name");
    requireNonNull(matchedName, "matchedName");
    requireNonNull(schema, "schema");
    programs = List.copyOf(programs);
    requireNonNull(explanation, "explanation");
    requireNonNull(reasons, "reasons");
    evidence = List.copyOf(evidence);
  }

  /** The match as reported. */
  public static ReportedMatch of(ScreeningMatch m) {
    return new ReportedMatch(
        m.dataset(),
        m.entityId(),
        m.primaryName(),
        m.matchedName(),
        m.schema().ftmName(),
        m.programs(),
        round(m.score()),
        round(m.nameScore()),
        m.nameExplanation().describe(),
        m.explain(),
        m.evidence());
  }

  /** Every match of {@code result}, best first, as reported. */
  public static List<ReportedMatch> of(ScreeningResult result) {
    return result.matches().stream().map(ReportedMatch::of).toList();
  }

  /**
   * A reported match with what its list says about the entry, and the number of its candidate:
   * matches with one number are one person's (or organisation's) entries on several lists ({@link
   * CandidateGroups}); 0 when it is in no group.
   *
   * @param entry the list's own entry, where the screener still holds it
   */
  public record Detailed(ReportedMatch match, int candidate, Optional<ListEntry> entry) {
    public Detailed {
      requireNonNull(match, "match");
      requireNonNull(entry, "entry");
    }

    /** The entry's dates of birth, as the list gives them (partial dates stay partial). */
    public List<String> birthDates() {
      return entry
          .map(e -> e.birthDates().stream().map(Object::toString).toList())
          .orElse(List.of());
    }

    public List<String> countries() {
      return entry.map(ListEntry::countries).orElse(List.of());
    }

    /** The entry's places of birth, as the list writes them. */
    public List<String> birthPlaces() {
      return entry.map(ListEntry::birthPlaces).orElse(List.of());
    }

    public Optional<String> authority() {
      return entry.map(ListEntry::authority);
    }

    public Optional<String> listingDate() {
      return entry.flatMap(ListEntry::listingDate).map(Object::toString);
    }

    public List<String> remarks() {
      return entry.map(ListEntry::remarks).orElse(List.of());
    }
  }

  /** The matches in their order, each with its candidate number and its list's details. */
  public static List<Detailed> detailed(
      List<ScreeningMatch> matches, List<CandidateGroups.Group> groups) {
    Map<ScreeningMatch, Integer> candidateOf = new IdentityHashMap<>();
    Map<ScreeningMatch, Optional<ListEntry>> entryOf = new IdentityHashMap<>();
    for (int g = 0; g < groups.size(); g++) {
      for (CandidateGroups.Candidate c : groups.get(g).members()) {
        candidateOf.put(c.match(), g + 1);
        entryOf.put(c.match(), c.entry());
      }
    }
    return matches.stream()
        .map(
            m ->
                new Detailed(
                    of(m),
                    candidateOf.getOrDefault(m, 0),
                    entryOf.getOrDefault(m, Optional.empty())))
        .toList();
  }

  /** The explanation and the evidence in one line, separated by "; ". */
  public String explainedInFull() {
    List<String> parts = new ArrayList<>();
    parts.add(explanation);
    parts.addAll(evidence);
    return String.join("; ", parts);
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
