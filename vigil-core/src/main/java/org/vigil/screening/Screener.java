/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.screening;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vigil.lists.Alias;
import org.vigil.lists.ListEntry;
import org.vigil.lists.ListRelease;
import org.vigil.model.InvalidValueException;
import org.vigil.model.PartialDate;
import org.vigil.model.Schema;
import org.vigil.names.NameComparison;
import org.vigil.names.NameMatcher;
import org.vigil.names.NameNormaliser;
import org.vigil.names.NamePart;
import org.vigil.names.NormalisedName;
import org.vigil.names.TokenWeights;
import org.vigil.names.WeighedName;

/**
 * Screens names against the entries of one or more list releases. Built once (every name of every
 * entry normalised and indexed under several blocking keys), then asked any number of queries, from
 * any number of threads.
 *
 * <p>A query's score starts from the best name comparison with any of an entry's names; agreement
 * of birth date and country raises it a little, disagreement lowers it, absence is neutral; a
 * schema that cannot be the query's (a vessel for a person) lowers it; a weak alias counts less.
 * Country is only ever compared between query and entry: it is never a risk signal by itself.
 */
public final class Screener {

  /** The default lowest score of a match, chosen from the evaluation (see ScreeningEvaluation). */
  public static final double DEFAULT_THRESHOLD = 0.7;

  private static final int CANDIDATES = 24;
  private static final double BIRTH_AGREES = 0.05;
  private static final double BIRTH_DISAGREES = 0.15;
  private static final double COUNTRY_AGREES = 0.03;
  private static final double COUNTRY_DISAGREES = 0.05;
  private static final double OTHER_SCHEMA = 0.7;
  private static final double WEAK_ALIAS = 0.9;

  /**
   * A query that is a bare acronym of two or three letters ("IED", "SAC") fits the initials of some
   * long name on every list by chance, so meeting a list name only through its initials is weak
   * evidence: it stays under the default threshold unless something else agrees. An acronym the
   * list gives as a name of its own ("(MEK)") is matched as that name and is not affected.
   */
  private static final double SHORT_ACRONYM = 0.8;

  private final List<IndexedName> names;
  private final List<Listed> entries;
  private final CandidateIndex index;
  private final Map<String, Integer> byListId;
  private final NameMatcher matcher;
  private final NameNormaliser normaliser = new NameNormaliser();
  // per name, by its id in the index: what comparing it with a query needs, in flat arrays so
  // that a query's candidates are not looked up through names, entries and lists
  private final WeighedName[] weighed;
  private final Schema[] schemaOfName;
  private final int[] entryOfName;

  private record Listed(String dataset, ListEntry entry) {}

  private record IndexedName(int entry, String text, boolean weak, NormalisedName normalised) {}

  private Screener(List<ListRelease> releases) {
    List<IndexedName> names = new ArrayList<>();
    List<Listed> entries = new ArrayList<>();
    Map<String, Integer> frequency = new HashMap<>();
    for (ListRelease release : releases) {
      for (ListEntry entry : release.entries()) {
        int entryId = entries.size();
        entries.add(new Listed(release.dataset(), entry));
        addWithAcronym(names, frequency, entryId, entry.name(), false, entry.schema());
        for (Alias alias : entry.aliases()) {
          addWithAcronym(names, frequency, entryId, alias.name(), alias.weak(), entry.schema());
        }
      }
    }
    this.names = List.copyOf(names);
    this.entries = List.copyOf(entries);
    Map<String, Integer> byListId = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      byListId.putIfAbsent(entries.get(i).dataset() + "\u0000" + entries.get(i).entry().id(), i);
    }
    this.byListId = byListId;
    this.index = new CandidateIndex(names.stream().map(IndexedName::normalised).toList());
    this.matcher =
        new NameMatcher(TokenWeights.fromFrequencies(frequency, Math.max(1, names.size())));
    this.weighed = new WeighedName[names.size()];
    this.schemaOfName = new Schema[names.size()];
    this.entryOfName = new int[names.size()];
    for (int id = 0; id < names.size(); id++) {
      IndexedName name = names.get(id);
      weighed[id] = matcher.weigh(name.normalised());
      schemaOfName[id] = entries.get(name.entry()).entry().schema();
      entryOfName[id] = name.entry();
    }
  }

  // "ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)": the acronym in parentheses is a name of its own,
  // and so is the name without it.
  private void addWithAcronym(
      List<IndexedName> names,
      Map<String, Integer> frequency,
      int entry,
      String text,
      boolean weak,
      Schema schema) {
    add(names, frequency, entry, text, weak, schema);
    if (schema == Schema.PERSON) {
      return;
    }
    java.util.regex.Matcher acronym = PARENTHESISED_ACRONYM.matcher(text);
    boolean found = false;
    while (acronym.find()) {
      add(names, frequency, entry, acronym.group(1), weak, schema);
      found = true;
    }
    if (found) {
      String rest = PARENTHESISED_ACRONYM.matcher(text).replaceAll(" ").strip();
      if (!rest.isEmpty()) {
        add(names, frequency, entry, rest, weak, schema);
      }
    }
  }

  private static final java.util.regex.Pattern PARENTHESISED_ACRONYM =
      java.util.regex.Pattern.compile(
          "\\(\\s*([\\p{Lu}\\p{Lo}][\\p{Lu}\\p{Lo}\\p{Nd}&.\\-]{1,11})\\s*\\)");

  private void add(
      List<IndexedName> names,
      Map<String, Integer> frequency,
      int entry,
      String text,
      boolean weak,
      Schema schema) {
    NormalisedName normalised = normaliser.normalise(text, schema);
    if (normalised.isEmpty()) {
      return;
    }
    names.add(new IndexedName(entry, text, weak, normalised));
    for (NamePart part : new java.util.LinkedHashSet<>(normalised.parts())) {
      frequency.merge(part.form(), 1, Integer::sum);
    }
  }

  /** Builds a screener over the entries of {@code releases}; the releases are not kept. */
  public static Screener build(List<ListRelease> releases) {
    requireNonNull(releases, "releases");
    return new Screener(releases);
  }

  /**
   * Hands every entry's dataset (as its release names it) and the list's own id of the entry to
   * {@code sink}, in the order of the releases: what a re-screening compares stored matches with to
   * find designations that were removed.
   */
  public void forEachEntry(java.util.function.BiConsumer<String, String> sink) {
    requireNonNull(sink, "sink");
    for (Listed listed : entries) {
      sink.accept(listed.dataset(), listed.entry().id());
    }
  }

  /**
   * The entry {@code entryId} of the list {@code dataset}, as a match names it ({@link
   * ScreeningMatch#dataset()}, {@link ScreeningMatch#entityId()}): what the list says about it
   * (birth dates, countries, programmes, remarks), for a person to decide between candidates.
   */
  public Optional<ListEntry> entry(String dataset, String entryId) {
    requireNonNull(dataset, "dataset");
    requireNonNull(entryId, "entryId");
    return Optional.ofNullable(byListId.get(dataset + "\u0000" + entryId))
        .map(i -> entries.get(i).entry());
  }

  /** How many entries and names it screens against. */
  public int entryCount() {
    return entries.size();
  }

  public int nameCount() {
    return names.size();
  }

  /** Screens one query. Never null; empty matches when nothing comes close. */
  public ScreeningResult screen(ScreeningQuery query) {
    requireNonNull(query, "query");
    Normalised forms = normalised(query);
    NormalisedName asPerson = forms.asPerson();
    NormalisedName asOther = forms.asOther();
    if (asPerson.isEmpty() && asOther.isEmpty()) {
      return new ScreeningResult(query, List.of(), 0);
    }
    int[] candidates = blocked(forms);
    WeighedName personQuery = matcher.weigh(asPerson);
    WeighedName otherQuery = asOther == asPerson ? personQuery : matcher.weigh(asOther);
    Map<Integer, Scored> best = new HashMap<>();
    for (int id : candidates) {
      Schema schema = schemaOfName[id];
      WeighedName q = schema == Schema.PERSON ? personQuery : otherQuery;
      double nameScore = matcher.score(q, weighed[id], schema);
      int entry = entryOfName[id];
      Scored current = best.get(entry);
      if (current == null || current.nameScore() < nameScore) {
        best.put(entry, new Scored(id, q, nameScore));
      }
    }
    List<ScreeningMatch> matches =
        best.values().stream()
            .map(scored -> weigh(query, scored, false))
            .filter(c -> c.score() >= query.threshold())
            .sorted(
                Comparator.comparingDouble(Candidate::score)
                    .reversed()
                    .thenComparing(c -> entries.get(entryOfName[c.scored().nameId()]).dataset())
                    .thenComparing(c -> entries.get(entryOfName[c.scored().nameId()]).entry().id()))
            .limit(query.limit())
            .map(candidate -> explained(query, candidate))
            .toList();
    return new ScreeningResult(query, matches, candidates.length);
  }

  /**
   * The list ids of the entries that blocking hands to full comparison for {@code query}, before
   * any score or threshold: what an evaluation needs to measure candidate recall apart from
   * ranking. In blocking order, without duplicates.
   */
  public List<String> candidateEntryIds(ScreeningQuery query) {
    requireNonNull(query, "query");
    Normalised forms = normalised(query);
    java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
    for (int id : blocked(forms)) {
      ids.add(entries.get(names.get(id).entry()).entry().id());
    }
    return List.copyOf(ids);
  }

  /** Screens queries in order; each result corresponds to the query at its index. */
  public List<ScreeningResult> screenAll(List<ScreeningQuery> queries) {
    List<ScreeningResult> out = new ArrayList<>(queries.size());
    for (ScreeningQuery query : queries) {
      out.add(screen(query));
    }
    return out;
  }

  /**
   * Screens the rows of a batch in order, each read by {@link ScreeningRows#query} with {@code
   * limit} and {@code threshold} where the row gives none. A row that is not a valid query becomes
   * an outcome with its problem, and the batch goes on; each outcome has its row's index.
   */
  public List<BatchOutcome> screenRows(List<ScreeningRow> rows, int limit, double threshold) {
    List<BatchOutcome> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      try {
        ScreeningQuery query = ScreeningRows.query(rows.get(i), limit, threshold);
        out.add(new BatchOutcome(i, Optional.of(screen(query)), Optional.empty()));
      } catch (InvalidValueException e) {
        out.add(new BatchOutcome(i, Optional.empty(), Optional.of(e.getMessage())));
      }
    }
    return out;
  }

  /** The query's name read as a person's and as an organisation's (legal forms dropped). */
  private record Normalised(NormalisedName asPerson, NormalisedName asOther) {}

  private Normalised normalised(ScreeningQuery query) {
    NormalisedName asPerson = normaliser.normalise(query.name(), Schema.PERSON);
    NormalisedName asOther =
        query.schema().filter(s -> s == Schema.PERSON).isPresent()
            ? asPerson
            : normaliser.normalise(query.name(), query.schema().orElse(Schema.ORGANIZATION));
    return new Normalised(asPerson, asOther);
  }

  private int[] blocked(Normalised forms) {
    NormalisedName asPerson = forms.asPerson();
    NormalisedName asOther = forms.asOther();
    if (asPerson.isEmpty() && asOther.isEmpty()) {
      return new int[0];
    }
    return index.candidates(
        asOther.parts().size() < asPerson.parts().size() ? asPerson : asOther, CANDIDATES);
  }

  private record Scored(int nameId, WeighedName query, double nameScore) {}

  private record Candidate(Scored scored, double score, List<String> evidence) {}

  // The evidence is written out only for the matches returned (withEvidence): most candidates fall
  // under the threshold, and writing their evidence cost more than scoring it.
  private Candidate weigh(ScreeningQuery query, Scored scored, boolean withEvidence) {
    IndexedName name = names.get(scored.nameId());
    ListEntry entry = entries.get(name.entry()).entry();
    List<String> evidence = new ArrayList<>();
    double score = scored.nameScore();
    if (name.weak()) {
      score *= WEAK_ALIAS;
      if (withEvidence) {
        evidence.add("matched a weak alias");
      }
    }
    int acronymLetters = bareShortAcronym(scored.query().name());
    if (acronymLetters > 0
        && entry.schema() != Schema.PERSON
        && onlyByInitials(scored.query().name(), name.normalised())) {
      score *= SHORT_ACRONYM;
      if (withEvidence) {
        evidence.add(
            "a bare acronym of "
                + acronymLetters
                + " letters fits the initials of many names, and the list does not give it");
      }
    }
    if (query.schema().isPresent() && !compatible(query.schema().get(), entry.schema())) {
      score *= OTHER_SCHEMA;
      if (withEvidence) {
        evidence.add(
            "schema differs: query "
                + query.schema().get().ftmName()
                + ", entry "
                + entry.schema().ftmName());
      }
    }
    if (query.birthDate().isPresent() && !entry.birthDates().isEmpty()) {
      PartialDate date = query.birthDate().get();
      Optional<PartialDate> agreeing =
          entry.birthDates().stream().filter(date::agreesWith).findFirst();
      if (agreeing.isPresent()) {
        score += BIRTH_AGREES;
        if (withEvidence) {
          evidence.add("birth date agrees (" + agreeing.get() + ")");
        }
      } else {
        score -= BIRTH_DISAGREES;
        if (withEvidence) {
          evidence.add("birth date differs (entry: " + entry.birthDates().get(0) + ")");
        }
      }
    }
    if (query.country().isPresent() && !entry.countries().isEmpty()) {
      String country = query.country().get();
      if (entry.countries().contains(country)) {
        score += COUNTRY_AGREES;
        if (withEvidence) {
          evidence.add("country agrees (" + country + ")");
        }
      } else {
        score -= COUNTRY_DISAGREES;
        if (withEvidence) {
          evidence.add("country differs (entry: " + String.join(", ", entry.countries()) + ")");
        }
      }
    }
    return new Candidate(scored, Math.max(0.0, Math.min(1.0, score)), evidence);
  }

  /** The letters of a query that is one word of two or three letters, or 0. */
  private static int bareShortAcronym(NormalisedName query) {
    if (query.parts().size() != 1) {
      return 0;
    }
    String word = query.parts().get(0).surface();
    if (word.length() < 2 || word.length() > 3 || !word.chars().allMatch(Character::isLetter)) {
      return 0;
    }
    return word.length();
  }

  /** Whether a one-word query can meet this list name only as its initials: none of its words. */
  private static boolean onlyByInitials(NormalisedName query, NormalisedName listName) {
    String word = query.parts().get(0).form();
    return listName.parts().size() > 1
        && listName.parts().stream().noneMatch(part -> part.form().equals(word));
  }

  // Explaining costs a second alignment, so only the matches returned are explained.
  private ScreeningMatch explained(ScreeningQuery query, Candidate unexplained) {
    Candidate candidate = weigh(query, unexplained.scored(), true);
    Scored scored = candidate.scored();
    IndexedName name = names.get(scored.nameId());
    Listed listed = entries.get(name.entry());
    ListEntry entry = listed.entry();
    NameComparison comparison =
        matcher.compare(scored.query(), weighed[scored.nameId()], entry.schema());
    return new ScreeningMatch(
        listed.dataset(),
        entry.id(),
        entry.name(),
        name.text(),
        entry.schema(),
        entry.programs(),
        candidate.score(),
        scored.nameScore(),
        comparison.explanation(),
        candidate.evidence());
  }

  private static boolean compatible(Schema query, Schema entry) {
    if (query == entry || query == Schema.LEGAL_ENTITY || entry == Schema.LEGAL_ENTITY) {
      return true;
    }
    boolean queryOrg = query.isA("Organization");
    boolean entryOrg = entry.isA("Organization");
    return queryOrg && entryOrg;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "Screener[%d entries, %d names, %d keys]",
        entries.size(),
        names.size(),
        index.keyCount());
  }
}
