/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.coref;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.vigil.extract.Mention;

/**
 * The front door of coreference: the rule families, in order (groups introduced by an indefinite
 * description, short forms of names, then definite descriptions, then pronouns), over a text's
 * mentions. Stateless and thread-safe.
 */
public final class Coreference {
  private Coreference() {}

  /**
   * The chains of {@code mentions} in {@code text}: short forms joined to their full names, and
   * each pronoun or definite description resolved to one named mention of its paragraph or left
   * out.
   */
  public static Chains resolve(String text, List<Mention> mentions) {
    requireNonNull(text, "text");
    Passages passages = new Passages(text);
    List<Mention> joined =
        JoinShortNames.apply(text, IntroduceGroupDescriptions.apply(text, mentions));
    List<Resolution> resolutions = new ArrayList<>(ResolveDescriptions.read(passages, joined));
    List<Mention> withDescriptions = new ArrayList<>(joined);
    for (Resolution r : resolutions) {
      Mention a = r.anaphor();
      withDescriptions.removeIf(
          m -> m.start() < a.end() && a.start() < m.end() && ResolveDescriptions.isDescription(m));
      // An unresolved description stays as a candidate without an entity, so that a pronoun after
      // it is not given to someone else.
      withDescriptions.add(r.resolved(ResolveDescriptions.EXTRACTOR).orElse(a));
    }
    withDescriptions.sort((x, y) -> Integer.compare(x.start(), y.start()));
    resolutions.addAll(ResolvePronouns.read(passages, withDescriptions));
    return new Chains(joined, resolutions);
  }
}
