/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.extract.Attribution;
import org.vigil.extract.EventRole;
import org.vigil.extract.ExtractedEvent;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;
import org.vigil.model.Schema;

class ReadDesignatedInvolvementTest {
  private static final Mention RING =
      new Mention(
          "a shipping ring",
          MentionType.ORGANIZATION,
          0,
          15,
          "test:ring",
          Optional.of(Schema.ORGANIZATION),
          Optional.empty(),
          "test",
          1.0);

  /** A sanction read before the sentence, on the ring. */
  private static final ExtractedEvent EARLIER =
      new ExtractedEvent(
          Schema.SANCTION,
          "sanction",
          Optional.empty(),
          Optional.empty(),
          List.of(RING),
          Optional.empty(),
          Optional.empty(),
          "Japan sanctioned a shipping ring.",
          0,
          32,
          0.7,
          "test",
          false,
          List.of(new EventRole("target", RING)),
          Attribution.SOURCE);

  private static List<String> read(String marked) {
    return ReadDesignatedInvolvement.read(Marked.sentence(marked), List.of(EARLIER)).stream()
        .map(Marked::link)
        .toList();
  }

  @Test
  void designationOfEntitiesInvolvedInABodysOperationsLinksTheEarlierTargetsToIt() {
    assertThat(
            read(
                "The designation of individuals and entities involved in [O GRU] operations is a"
                    + " warning to others."))
        .containsExactly("Membership a shipping ring -> GRU (involved in)");
  }

  @Test
  void sanctionsOnPeopleLinkedToABodyLinkTheEarlierTargetsToIt() {
    assertThat(read("The sanctions on people linked to [O Hezbollah]'s finance arm are a warning."))
        .containsExactly("Membership a shipping ring -> Hezbollah (linked to)");
  }

  @Test
  void aNewSanctionOfNamedPeopleIsNoReferenceBack() {
    assertThat(
            read(
                "[O Canada] announced a designation of [P Ali Reza] involved in [O GRU]"
                    + " operations."))
        .isEmpty();
  }
}
