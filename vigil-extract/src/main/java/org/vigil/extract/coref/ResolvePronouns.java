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
 * "He", "his", "she", "her" stand for the one person named before them in their paragraph; "they",
 * "them", "their" for the one organisation, when no two people stand before them as well. The rule
 * reads no gender: with two people in the paragraph, "she" is left out rather than guessed.
 */
final class ResolvePronouns {
  private static final Pattern PRONOUN =
      Pattern.compile("(?<![\\p{L}])(?i:he|him|his|she|her|they|them|their)(?![\\p{L}])");
  private static final Set<String> PLURAL = Set.of("they", "them", "their");

  private ResolvePronouns() {}

  static List<Resolution> read(Passages passages, List<Mention> mentions) {
    List<Resolution> out = new ArrayList<>();
    Matcher p = PRONOUN.matcher(passages.text());
    while (p.find()) {
      int s = p.start();
      int e = p.end();
      if (mentions.stream().anyMatch(m -> m.start() < e && s < m.end())) {
        continue;
      }
      String word = p.group();
      boolean plural = PLURAL.contains(word.toLowerCase(Locale.ROOT));
      Mention pronoun =
          new Mention(
              word,
              plural ? MentionType.ORGANIZATION : MentionType.PERSON,
              s,
              e,
              "x-pronoun-" + s,
              Optional.empty(),
              Optional.empty(),
              "coref:pronoun",
              0.6);
      List<Mention> people =
          Candidates.before(passages, mentions, s, Candidates.ofType(MentionType.PERSON));
      Optional<Mention> antecedent;
      if (plural) {
        List<Mention> groups =
            Candidates.before(passages, mentions, s, Candidates.ofType(MentionType.ORGANIZATION));
        antecedent = people.size() < 2 ? Candidates.single(groups) : Optional.empty();
      } else {
        antecedent = Candidates.single(people);
      }
      out.add(new Resolution(pronoun, antecedent));
    }
    return out;
  }
}
