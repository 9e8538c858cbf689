/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.vigil.model.Schema;
import org.vigil.names.NameNormaliser;
import org.vigil.names.NamePart;
import org.vigil.names.NormalisedName;

/** A record with its names normalised once, and the short forms its long names could have. */
final class PreparedRecord {
  /** Words an acronym may leave out: "Ministry of Intelligence and Security" is MOIS or MIS. */
  private static final Set<String> MINOR_WORDS =
      Set.of("and", "of", "the", "for", "de", "du", "des", "la", "le", "al", "el", "y", "e", "&");

  /** Conjunctions, which acronyms leave out more often than prepositions ("MOIS"). */
  private static final Set<String> CONJUNCTIONS = Set.of("and", "&", "y", "e", "und", "et");

  final ResolutionRecord record;
  final List<PreparedName> names;

  /** One name: as written, normalised, and whether it reads as an acronym or has short forms. */
  record PreparedName(
      String text,
      NormalisedName normalised,
      boolean primary,
      boolean acronym,
      List<String> initials) {}

  PreparedRecord(ResolutionRecord record, NameNormaliser normaliser) {
    this.record = record;
    List<PreparedName> out = new ArrayList<>();
    for (int i = 0; i < record.names().size(); i++) {
      String text = record.names().get(i).strip();
      if (text.isEmpty()) {
        continue;
      }
      NormalisedName normalised = normaliser.normalise(text, record.schema());
      if (normalised.isEmpty()) {
        continue;
      }
      out.add(
          new PreparedName(
              text, normalised, i == 0, isAcronym(text, normalised), initials(text, record)));
    }
    this.names = List.copyOf(out);
  }

  String id() {
    return record.id();
  }

  Schema schema() {
    return record.schema();
  }

  /** Written in capitals as one word of 2 to 8 letters (with dots or hyphens): "IRGC", "C.I.A.". */
  static boolean isAcronym(String text, NormalisedName normalised) {
    String letters = text.replaceAll("[.\\-\\s]", "");
    return normalised.parts().size() == 1
        && letters.length() >= 2
        && letters.length() <= 8
        && letters.chars().allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c))
        && letters.chars().anyMatch(Character::isLetter);
  }

  /** The short forms of a name of several words: every word's initial, and major words' only. */
  private static List<String> initials(String text, ResolutionRecord record) {
    if (record.schema() == Schema.PERSON) {
      return List.of();
    }
    String[] words =
        text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}&]+", " ").strip().split(" ");
    if (words.length < 2) {
      return List.of();
    }
    StringBuilder all = new StringBuilder();
    StringBuilder major = new StringBuilder();
    StringBuilder noConjunctions = new StringBuilder();
    for (String word : words) {
      if (word.isEmpty()) {
        continue;
      }
      all.append(word.charAt(0));
      if (!MINOR_WORDS.contains(word)) {
        major.append(word.charAt(0));
      }
      if (!CONJUNCTIONS.contains(word)) {
        noConjunctions.append(word.charAt(0));
      }
    }
    Set<String> out = new java.util.LinkedHashSet<>();
    for (StringBuilder form : List.of(major, noConjunctions, all)) {
      if (form.length() >= 2) {
        out.add(form.toString());
      }
    }
    return List.copyOf(out);
  }

  /** The acronym's letters in lower case, "irgc" for "I.R.G.C.". */
  static String letters(PreparedName name) {
    StringBuilder out = new StringBuilder();
    for (NamePart part : name.normalised().parts()) {
      out.append(part.surface());
    }
    return out.toString();
  }
}
