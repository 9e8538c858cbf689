/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.vigil.model.PartialDate;
import org.vigil.model.Schema;
import org.vigil.names.NameMatcher;
import org.vigil.names.NameNormaliser;

/**
 * Scores a pair of records: the best agreement of any name of one with any name of the other (by
 * the names engine, plus acronyms and transposed letters in acronyms), raised a little by context
 * they share (a document, linked entities, dates, places). Conflicts (another kind of thing,
 * another birth date, another nationality, two entries of one list) forbid a merge whatever the
 * names say. A match of an alias with an alias, or of two short acronyms, merges only with shared
 * context: a shared alias alone is never enough.
 *
 * <p>Thread-safe.
 */
public final class PairScorer {
  /** From this score, and with nothing against it, the machine merges. */
  public static final double MERGE_THRESHOLD = 0.92;

  /** From this score, a pair goes to the review queue. */
  public static final double REVIEW_THRESHOLD = 0.7;

  static final double ACRONYM = 0.9;
  static final double TRANSPOSED = 0.88;
  static final double SHARED_DOCUMENT = 0.05;
  static final double SHARED_CONTEXT = 0.02;
  static final double MAX_CONTEXT = 0.1;
  private static final int SHOWN_CONTEXT = 3;

  /** How close two names must be to count as agreeing when names are counted. */
  private static final double AGREEING = 0.9;

  private final NameMatcher matcher = new NameMatcher();

  NameNormaliser normaliser() {
    return matcher.normaliser();
  }

  /** Scores two records. */
  public PairScore score(ResolutionRecord a, ResolutionRecord b) {
    return score(new PreparedRecord(a, normaliser()), new PreparedRecord(b, normaliser()));
  }

  PairScore score(PreparedRecord x, PreparedRecord y) {
    PreparedRecord a = x.id().compareTo(y.id()) <= 0 ? x : y;
    PreparedRecord b = a == x ? y : x;
    List<String> conflicts = conflicts(a.record, b.record);
    NameEvidence names = names(a, b);
    List<String> reasons = new ArrayList<>();
    if (names.score() < REVIEW_THRESHOLD - MAX_CONTEXT) {
      return new PairScore(
          a.id(), b.id(), names.score(), List.of("names too far apart"), conflicts, Decision.APART);
    }
    names = explained(names);
    reasons.add(names.reason());
    double context = 0.0;
    TreeSet<String> sharedDocuments = new TreeSet<>(a.record.documents());
    sharedDocuments.retainAll(b.record.documents());
    if (!sharedDocuments.isEmpty()) {
      context += SHARED_DOCUMENT;
      reasons.add("context: both read in " + shown(sharedDocuments));
    }
    TreeSet<String> shared = new TreeSet<>(a.record.context());
    shared.retainAll(b.record.context());
    shared.remove(a.id());
    shared.remove(b.id());
    if (!shared.isEmpty()) {
      context += SHARED_CONTEXT * shared.size();
      reasons.add("context: " + shared.size() + " shared (" + shown(shared) + ")");
    }
    context = Math.min(MAX_CONTEXT, context);
    double score = Math.min(1.0, names.score() + context);
    boolean corroborated = context > 0.0;
    Decision decision;
    if (score < REVIEW_THRESHOLD) {
      decision = Decision.APART;
    } else if (!conflicts.isEmpty() || score < MERGE_THRESHOLD) {
      decision = Decision.REVIEW;
    } else if (names.aliasOnly() && !corroborated) {
      reasons.add("not merged: only aliases agree and no context is shared");
      decision = Decision.REVIEW;
    } else if (names.shortForm() && !corroborated) {
      reasons.add("not merged: short forms agree and no context is shared");
      decision = Decision.REVIEW;
    } else if (!names.primaries() && names.agreeing() < 2 && !corroborated) {
      reasons.add("not merged: one alias agrees and nothing else does");
      decision = Decision.REVIEW;
    } else {
      decision = Decision.MERGE;
    }
    return new PairScore(a.id(), b.id(), score, reasons, conflicts, decision);
  }

  /** Whether anything forbids merging two records; {@link #conflicts} says what, more slowly. */
  boolean inConflict(ResolutionRecord a, ResolutionRecord b) {
    if (a.birthDates().isEmpty()
        && b.birthDates().isEmpty()
        && (a.countries().isEmpty() || b.countries().isEmpty())
        && (a.kind() == RecordKind.REPORTING || b.kind() == RecordKind.REPORTING)) {
      return !compatible(a.schema(), b.schema());
    }
    return !conflicts(a, b).isEmpty();
  }

  /** What forbids merging two records, whatever their names; empty when nothing does. */
  public List<String> conflicts(ResolutionRecord a, ResolutionRecord b) {
    List<String> out = new ArrayList<>();
    if (!compatible(a.schema(), b.schema())) {
      out.add("schema: " + a.schema().ftmName() + " vs " + b.schema().ftmName());
    }
    if (a.kind() == RecordKind.LIST
        && b.kind() == RecordKind.LIST
        && a.dataset().isPresent()
        && a.dataset().equals(b.dataset())) {
      out.add("two entries of one list (" + a.dataset().get() + ")");
    }
    if (!a.birthDates().isEmpty() && !b.birthDates().isEmpty() && !datesAgree(a, b)) {
      out.add("birth date: " + a.birthDates().get(0) + " vs " + b.birthDates().get(0));
    }
    if (!a.countries().isEmpty()
        && !b.countries().isEmpty()
        && a.countries().stream().noneMatch(b.countries()::contains)) {
      out.add(
          (a.schema() == Schema.PERSON ? "nationality: " : "country: ")
              + String.join("/", a.countries())
              + " vs "
              + String.join("/", b.countries()));
    }
    return out;
  }

  private static boolean datesAgree(ResolutionRecord a, ResolutionRecord b) {
    for (PartialDate x : a.birthDates()) {
      for (PartialDate y : b.birthDates()) {
        if (x.agreesWith(y)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether two schemata can name one thing: equal, or both organisations of some kind. */
  static boolean compatible(Schema a, Schema b) {
    if (a == b || a == Schema.LEGAL_ENTITY || b == Schema.LEGAL_ENTITY) {
      return a == b || a != Schema.PERSON && b != Schema.PERSON;
    }
    return a.isA("Organization") && b.isA("Organization");
  }

  private record NameEvidence(
      double score,
      String reason,
      boolean aliasOnly,
      boolean shortForm,
      boolean primaries,
      int agreeing,
      Optional<Unexplained> unexplained) {
    NameEvidence(double score, String reason, boolean aliasOnly, boolean shortForm) {
      this(score, reason, aliasOnly, shortForm, false, 0, Optional.empty());
    }

    NameEvidence with(boolean bothPrimary, int agreeingNames) {
      return new NameEvidence(
          score, reason, aliasOnly, shortForm, bothPrimary, agreeingNames, unexplained);
    }
  }

  private NameEvidence names(PreparedRecord a, PreparedRecord b) {
    Schema schema =
        a.schema() == Schema.PERSON && b.schema() == Schema.PERSON ? Schema.PERSON : a.schema();
    NameEvidence best = new NameEvidence(0.0, "", false, false);
    boolean bestPrimaries = false;
    java.util.Set<String> agreeing = new java.util.HashSet<>();
    for (PreparedRecord.PreparedName p : a.names) {
      for (PreparedRecord.PreparedName q : b.names) {
        NameEvidence found = pair(p, q, schema);
        boolean primaries = p.primary() && q.primary();
        if (found.score() >= AGREEING) {
          agreeing.add(p.normalised().key());
        }
        if (found.score() > best.score()
            || found.score() == best.score() && primaries && !bestPrimaries
            || found.score() == best.score() && best.aliasOnly() && !found.aliasOnly()) {
          best = found;
          bestPrimaries = primaries;
        }
      }
    }
    return best.with(bestPrimaries, agreeing.size());
  }

  private NameEvidence pair(
      PreparedRecord.PreparedName p, PreparedRecord.PreparedName q, Schema schema) {
    boolean aliasOnly = !p.primary() && !q.primary();
    String which = aliasOnly ? "alias" : p.primary() && q.primary() ? "name" : "name/alias";
    if (p.acronym() && q.acronym()) {
      String x = PreparedRecord.letters(p);
      String y = PreparedRecord.letters(q);
      if (x.equals(y)) {
        // A short acronym of letters means many things ("MIS"); a code with digits ("APT28") or
        // a longer word in capitals is as good as a name.
        boolean ambiguous = x.length() <= 4 && x.chars().allMatch(Character::isLetter);
        return new NameEvidence(
            1.0, which + ": " + p.text() + " = " + q.text(), aliasOnly, ambiguous);
      }
      if (transposed(x, y)) {
        return new NameEvidence(
            TRANSPOSED,
            which + ": " + p.text() + " ~ " + q.text() + " (one transposition)",
            aliasOnly,
            true);
      }
      return new NameEvidence(0.0, "", aliasOnly, true);
    }
    if (p.acronym() || q.acronym()) {
      PreparedRecord.PreparedName shortName = p.acronym() ? p : q;
      PreparedRecord.PreparedName longName = p.acronym() ? q : p;
      String letters = PreparedRecord.letters(shortName);
      if (longName.initials().contains(letters)) {
        return new NameEvidence(
            ACRONYM,
            which + ": " + shortName.text() + " is the acronym of " + longName.text(),
            aliasOnly,
            true);
      }
    }
    double score = matcher.score(p.normalised(), q.normalised(), schema);
    if (score <= 0.0) {
      return new NameEvidence(0.0, "", aliasOnly, false);
    }
    // A short one-word name that is only close (a letter off) is too easily another thing.
    boolean shortForm =
        score < 1.0
            && p.normalised().parts().size() == 1
            && q.normalised().parts().size() == 1
            && p.normalised().key().length() <= 5;
    // The alignment is explained only for the best pair (see explained), since explaining costs a
    // second alignment.
    return new NameEvidence(
        score,
        which + ": " + p.text() + (score >= 1.0 ? " = " : " ~ ") + q.text(),
        aliasOnly,
        shortForm,
        false,
        0,
        score < 1.0 ? Optional.of(new Unexplained(p, q, schema)) : Optional.empty());
  }

  /** A fuzzy name pair whose alignment is yet to be described. */
  private record Unexplained(
      PreparedRecord.PreparedName p, PreparedRecord.PreparedName q, Schema schema) {}

  private NameEvidence explained(NameEvidence evidence) {
    if (evidence.unexplained().isEmpty()) {
      return evidence;
    }
    Unexplained u = evidence.unexplained().get();
    String detail =
        matcher
            .compare(u.p().normalised(), u.q().normalised(), u.schema())
            .explanation()
            .describe();
    return new NameEvidence(
        evidence.score(),
        evidence.reason() + " (" + detail + ")",
        evidence.aliasOnly(),
        evidence.shortForm(),
        evidence.primaries(),
        evidence.agreeing(),
        Optional.empty());
  }

  /** Whether two strings of one length differ by one swap of neighbouring letters. */
  static boolean transposed(String x, String y) {
    if (x.length() != y.length() || x.length() < 3) {
      return false;
    }
    int first = -1;
    for (int i = 0; i < x.length(); i++) {
      if (x.charAt(i) != y.charAt(i)) {
        first = i;
        break;
      }
    }
    if (first < 0 || first + 1 >= x.length()) {
      return false;
    }
    return x.charAt(first) == y.charAt(first + 1)
        && x.charAt(first + 1) == y.charAt(first)
        && x.substring(first + 2).equals(y.substring(first + 2));
  }

  private static String shown(java.util.SortedSet<String> values) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      if (out.size() == SHOWN_CONTEXT) {
        out.add("...");
        break;
      }
      out.add(v);
    }
    return String.join(", ", out);
  }

  static String format(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }
}
