/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;
import org.vigil.extract.Relation;
import org.vigil.extract.syntax.Dependency;

/**
 * A role given by a verb: "X is the head of Y", "X became a member of Y", "X served as spokesman
 * for Y", "X was appointed commander of Y".
 */
public final class ReadCopularRole implements RelationRule {
  private static final Set<String> AS_VERBS =
      Set.of("serve", "work", "act", "appoint", "name", "elect", "install", "choose", "remain");

  @Override
  public List<Relation> read(MentionedSentence s) {
    List<Relation> out = new ArrayList<>();
    for (int noun = 0; noun < s.parse().tokens().size(); noun++) {
      // An office read as a person by its title ("was a commander in the navy") is the role here.
      boolean named =
          s.mentionAt(noun).filter(m -> !m.extractor().equals("pattern:title")).isPresent();
      if (!RoleWords.isRole(s.lemma(noun)) || named) {
        continue;
      }
      for (int holderWord : holders(s, noun)) {
        Optional<Mention> holder = s.mentionAt(holderWord);
        if (holder.isEmpty()) {
          continue;
        }
        List<Mention> anchors = new ArrayList<>(Links.anchorsOf(s, noun, holder.get()));
        for (Dependency g : s.parse().governors(noun)) {
          // "served as spokesman for the council": the body hangs on the verb.
          if (g.governor() >= 0 && AS_VERBS.contains(s.lemma(g.governor()))) {
            for (Dependency o : s.parse().dependents(g.governor())) {
              if (o.is("obl:for") || o.is("obl:of") || o.is("obl:at") || o.is("obl:with")) {
                s.mentionAt(o.dependent(), MentionType.ORGANIZATION)
                    .filter(m -> !anchors.contains(m))
                    .ifPresent(anchors::add);
              }
            }
          }
        }
        for (Mention anchor : anchors) {
          Links.byRole(s, holder.get(), noun, anchor, "copular-role", 0.75).ifPresent(out::add);
        }
      }
    }
    return out;
  }

  private static List<Integer> holders(MentionedSentence s, int noun) {
    List<Integer> out = new ArrayList<>(s.parse().dependents(noun, "nsubj"));
    for (Dependency g : s.parse().governors(noun)) {
      if (g.governor() < 0) {
        continue;
      }
      boolean asVerb = AS_VERBS.contains(s.lemma(g.governor()));
      if ((g.is("obl:as") || g.is("xcomp") || g.is("obj")) && (asVerb || g.is("xcomp"))) {
        out.addAll(s.parse().dependents(g.governor(), "nsubj"));
        out.addAll(s.parse().dependents(g.governor(), "nsubj:pass"));
        out.addAll(s.parse().dependents(g.governor(), "obj"));
      }
    }
    return out.stream().distinct().toList();
  }
}
