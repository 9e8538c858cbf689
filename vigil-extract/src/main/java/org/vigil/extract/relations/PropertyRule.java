/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import java.util.List;
import org.vigil.extract.ExtractedProperty;

/** One construction read as properties. Implementations are stateless and thread-safe. */
public interface PropertyRule {
  /** The properties {@code sentence} states by this rule's construction; often none. */
  List<ExtractedProperty> read(MentionedSentence sentence);
}
