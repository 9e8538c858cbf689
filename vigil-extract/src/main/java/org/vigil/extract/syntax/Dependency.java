/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.syntax;

import static java.util.Objects.requireNonNull;

/**
 * One arc of a sentence's enhanced++ Universal Dependencies graph.
 *
 * @param governor the head word's index, or -1 for the sentence's root
 * @param dependent the dependent word's index
 * @param relation the relation with its enhancement, such as "nsubj", "obl:by", "nmod:poss",
 *     "nsubj:pass"
 */
public record Dependency(int governor, int dependent, String relation) {
  public Dependency {
    requireNonNull(relation, "relation");
    if (governor < -1 || dependent < 0) {
      throw new IllegalArgumentException(governor + " -> " + dependent + " is not an arc");
    }
  }

  /** The relation without its enhancement: "obl" for "obl:by". */
  public String base() {
    int colon = relation.indexOf(':');
    return colon < 0 ? relation : relation.substring(0, colon);
  }

  /** Whether the relation is {@code name} or one of its subtypes ("obl" matches "obl:by"). */
  public boolean is(String name) {
    return relation.equals(name) || relation.startsWith(name + ":");
  }
}
