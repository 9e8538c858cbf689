/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.events;

import java.util.List;
import org.vigil.extract.ExtractedEvent;
import org.vigil.extract.relations.MentionedSentence;

/** One construction read as events. Implementations are stateless and thread-safe. */
public interface EventRule {
  /** The events {@code sentence} tells of by this rule's construction; often none. */
  List<ExtractedEvent> read(MentionedSentence sentence);
}
