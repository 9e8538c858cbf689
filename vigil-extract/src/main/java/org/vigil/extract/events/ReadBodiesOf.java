/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vigil.extract.ExtractedEvent;
import org.vigil.extract.MentionType;
import org.vigil.extract.relations.MentionedSentence;
import org.vigil.extract.syntax.Dependency;

/**
 * "The bodies of X and Y were found": those whose bodies a report tells of were killed. Only people
 * count ("the governing body of the union" is no one dead), each of them a victim.
 */
public final class ReadBodiesOf implements EventRule {
  private static final Set<String> BODIES = Set.of("body", "corpse", "remains");

  @Override
  public List<ExtractedEvent> read(MentionedSentence s) {
    List<ExtractedEvent> out = new ArrayList<>();
    for (int w = 0; w < s.parse().tokens().size(); w++) {
      if (!BODIES.contains(s.lemma(w)) || !s.parse().token(w).isNoun()) {
        continue;
      }
      Arguments args = new Arguments(s);
      for (int of : people(s, w)) {
        args.add(of, "victim");
      }
      args.event(Trigger.KILLING, w, "bodies-of", 0.6).ifPresent(out::add);
    }
    return out;
  }

  /** The people named "of" the body noun, with those listed beside them: "of X, Y and Z". */
  private static List<Integer> people(MentionedSentence s, int body) {
    List<Integer> out = new ArrayList<>();
    for (int of : s.parse().dependents(body, "nmod:of")) {
      List<Integer> listed = new ArrayList<>(List.of(of));
      for (Dependency d : s.parse().dependents(of)) {
        if (d.is("conj") || d.is("appos")) {
          listed.add(d.dependent());
        }
      }
      for (int p : listed) {
        if (!out.contains(p) && s.mentionAt(p, MentionType.PERSON).isPresent()) {
          out.add(p);
        }
      }
    }
    return out;
  }
}
