/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import java.util.List;
import org.vigil.extract.Relation;

/** One construction read as relations. Implementations are stateless and thread-safe. */
public interface RelationRule {
  /** The relations {@code sentence} states by this rule's construction; often none. */
  List<Relation> read(MentionedSentence sentence);
}
