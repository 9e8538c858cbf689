/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.claims;

import java.util.Optional;
import org.vigil.extract.Mention;
import org.vigil.extract.relations.MentionedSentence;

/**
 * The speaker of a trailing ", X said" that the parser read as an apposition: in "A former officer
 * has defected to Britain, the Home Office said on Wednesday." it hangs "the Home Office" on
 * "Britain" and leaves "said" without a subject. A verb of saying with no subject, right after a
 * name that follows a comma and is itself an apposition, was said by that name.
 */
final class SpeakerBeforeComma {
  private SpeakerBeforeComma() {}

  /** The name just before the verb of saying at {@code verb}, when it is such a speaker. */
  static Optional<Mention> of(MentionedSentence s, int verb) {
    if (verb < 2 || !s.parse().dependents(verb, "nsubj").isEmpty()) {
      return Optional.empty();
    }
    Optional<Mention> name = s.mentionAt(verb - 1);
    if (name.isEmpty() || !s.inside(verb - 1, name.get())) {
      return Optional.empty();
    }
    Optional<Integer> head = s.head(name.get());
    boolean apposed =
        head.isPresent() && s.parse().governors(head.get()).stream().anyMatch(g -> g.is("appos"));
    int first = verb - 1;
    while (first > 0
        && (s.inside(first - 1, name.get())
            || s.parse().dependents(head.orElse(-1), "det").contains(first - 1))) {
      first--;
    }
    boolean afterComma = first > 0 && s.parse().token(first - 1).word().equals(",");
    return apposed && afterComma ? name : Optional.empty();
  }
}
