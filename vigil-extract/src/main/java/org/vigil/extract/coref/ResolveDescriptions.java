/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.coref;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;

/**
 * "The colonel", "the ministry", "this network": a definite description with a bare head noun
 * stands for a named mention before it in its paragraph. The one candidate whose name or title
 * carries the head ("Colonel Farhad Rostami", "the Interior Ministry", "Kaveh Jafari, a dissident
 * journalist") is chosen; with none such, a generic head ("the group", "the official") takes the
 * one candidate of its type. Otherwise the description is left out: it never becomes an entity of
 * its own.
 */
final class ResolveDescriptions {
  static final String EXTRACTOR = "coref:description";

  private static final Set<String> PERSON_HEADS =
      Set.of(
          "colonel",
          "general",
          "officer",
          "official",
          "minister",
          "commander",
          "spokesman",
          "spokeswoman",
          "director",
          "agent",
          "defector",
          "dissident",
          "journalist",
          "diplomat",
          "businessman",
          "trafficker",
          "suspect",
          "cleric",
          "man",
          "woman",
          "leader",
          "chief");
  private static final Set<String> ORGANISATION_HEADS =
      Set.of(
          "network",
          "group",
          "ministry",
          "agency",
          "service",
          "organisation",
          "organization",
          "cell",
          "ring",
          "gang",
          "militia",
          "company",
          "firm",
          "unit",
          "directorate",
          "movement",
          "party",
          "department",
          "force");

  /** Heads that name no particular kind of body or person: any one candidate of the type fits. */
  private static final Set<String> GENERIC =
      Set.of(
          "network",
          "group",
          "organisation",
          "organization",
          "cell",
          "ring",
          "gang",
          "movement",
          "unit",
          "official",
          "officer",
          "man",
          "woman",
          "suspect",
          "leader");

  private static final Pattern DESCRIPTION =
      Pattern.compile(
          "(?<![\\p{L}])(?i:the|this|that)\\s+(?:(?i:former|same|senior|deputy|top|criminal)\\s+)?"
              + "(\\p{Ll}+)(?![\\p{L}-])");

  /** What stands after a role that makes it no anaphor: "the minister of", "the colonel Ali". */
  private static final Pattern COMPLEMENT = Pattern.compile("\\s*(?:of\\b|\\p{Lu})");

  private static final Pattern APPOSED_AS =
      Pattern.compile("\\s*,\\s*(?:an?|the)\\s+((?:[\\p{L}-]+\\s+){0,3}[\\p{L}-]+)\\s*[,.;)]");

  private ResolveDescriptions() {}

  static List<Resolution> read(Passages passages, List<Mention> mentions) {
    String text = passages.text();
    List<Resolution> out = new ArrayList<>();
    Matcher d = DESCRIPTION.matcher(text);
    while (d.find()) {
      String head = d.group(1);
      MentionType type;
      if (PERSON_HEADS.contains(head)) {
        type = MentionType.PERSON;
      } else if (ORGANISATION_HEADS.contains(head)) {
        type = MentionType.ORGANIZATION;
      } else {
        continue;
      }
      int s = d.start();
      int e = d.end();
      if (COMPLEMENT.matcher(text).region(e, text.length()).lookingAt()
          || mentions.stream().anyMatch(m -> m.start() < e && s < m.end() && !isDescription(m))) {
        continue;
      }
      Mention description =
          new Mention(
              d.group(),
              type,
              s,
              e,
              "x-description-" + s,
              Optional.empty(),
              Optional.empty(),
              EXTRACTOR,
              0.6);
      List<Mention> candidates =
          Candidates.before(passages, mentions, s, Candidates.ofType(type)).stream()
              .filter(m -> !isDescription(m) || introduces(m))
              .toList();
      List<Mention> fitting =
          candidates.stream().filter(c -> carriesHead(text, mentions, c, head)).toList();
      Optional<Mention> antecedent =
          !fitting.isEmpty()
              ? Candidates.single(fitting)
              : GENERIC.contains(head) ? Candidates.single(candidates) : Optional.empty();
      out.add(new Resolution(description, antecedent));
    }
    return out;
  }

  /**
   * A mention made of a description rather than a name, by a pattern over common nouns: such a
   * mention overlapping a definite description is the description itself.
   */
  static boolean isDescription(Mention m) {
    return m.extractor().equals("pattern:title")
        || m.extractor().equals("pattern:group")
        || m.extractor().equals(IntroduceGroupDescriptions.EXTRACTOR);
  }

  /** A description that brings in an entity of its own: "an Iranian network", not "the network". */
  private static boolean introduces(Mention m) {
    return m.schema().isPresent() && !DEFINITE.matcher(m.text()).lookingAt();
  }

  private static final Pattern DEFINITE = Pattern.compile("(?i:the|this|that|these|those)\\s");

  /**
   * Whether the head noun is in the candidate's name ("Interior Ministry"), stands right before one
   * of its mentions as a title ("Colonel Rostami") or after one in apposition ("Jafari, a
   * journalist").
   */
  private static boolean carriesHead(
      String text, List<Mention> mentions, Mention candidate, String head) {
    for (Mention m : mentions) {
      if (!m.entityId().equals(candidate.entityId())) {
        continue;
      }
      if (hasWord(m.name(), head) || hasWord(m.text(), head)) {
        return true;
      }
      String before = text.substring(Math.max(0, m.start() - head.length() - 2), m.start());
      if (before.trim().toLowerCase(Locale.ROOT).endsWith(head)) {
        return true;
      }
      Matcher apposed = APPOSED_AS.matcher(text).region(m.end(), text.length());
      if (apposed.lookingAt() && hasWord(apposed.group(1), head)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasWord(String name, String head) {
    String lower =
        " " + name.toLowerCase(Locale.ROOT).replace("organization", "organisation") + " ";
    String word = head.replace("organization", "organisation");
    return lower.matches("(?s).*[^\\p{L}]" + Pattern.quote(word) + "[^\\p{L}].*");
  }
}
