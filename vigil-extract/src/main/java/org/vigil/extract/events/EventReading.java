/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.events;

import java.util.ArrayList;
import java.util.List;
import org.vigil.extract.ExtractedEvent;
import org.vigil.extract.relations.MentionedSentence;

/** The event rules, as one declared list, run over a sentence. Thread-safe. */
public final class EventReading {
  private static final List<EventRule> RULES =
      List.of(
          new ReadVerbEvent(),
          new ReadParticipleEvent(),
          new ReadNominalEvent(),
          new ReadEscape(),
          new ReadArmsUse(),
          new ReadVictimList(),
          new ReadBodiesOf());

  private EventReading() {}

  /** Whether a noun of this lemma tells of an event ("attack", "kidnapping"). */
  public static boolean isTriggerNoun(String lemma) {
    return Trigger.forNoun(lemma).isPresent();
  }

  /** The events the sentence tells of. */
  public static List<ExtractedEvent> events(MentionedSentence sentence) {
    List<ExtractedEvent> out = new ArrayList<>();
    for (EventRule rule : RULES) {
      out.addAll(rule.read(sentence));
    }
    return out;
  }
}
