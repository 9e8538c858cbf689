/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.vigil.extract.relations.MentionedSentence;
import org.vigil.extract.syntax.Token;

/**
 * "The ministry said it had arrested 17 spies": a pronoun after the claimant in the claimant's own
 * sentence, of the claimant's kind ("it" for an organisation, "he" or "she" for a person), is the
 * claimant. Any other pronoun is left alone rather than guessed.
 */
final class ClaimantPronouns {
  private static final Set<String> ORGANISATION = Set.of("it", "its", "they", "their");
  private static final Set<String> PERSON = Set.of("he", "his", "she", "her");

  private ClaimantPronouns() {}

  static MentionedSentence resolve(MentionedSentence s, Mention claimant) {
    Set<String> pronouns =
        switch (claimant.type()) {
          case ORGANIZATION -> ORGANISATION;
          case PERSON -> PERSON;
          case LOCATION, MISC -> Set.of();
        };
    List<Mention> mentions = new ArrayList<>(s.mentions());
    for (Token t : s.parse().tokens()) {
      if (t.start() >= claimant.end()
          && pronouns.contains(t.word().toLowerCase(Locale.ROOT))
          && s.mentionAt(t.index()).isEmpty()) {
        mentions.add(
            new Mention(
                t.word(),
                claimant.type(),
                t.start(),
                t.end(),
                claimant.entityId(),
                claimant.schema(),
                java.util.Optional.of(claimant.name()),
                "coref:claimant",
                claimant.confidence() * 0.9));
      }
    }
    return new MentionedSentence(s.parse(), mentions);
  }
}
