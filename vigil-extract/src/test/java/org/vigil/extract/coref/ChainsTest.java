/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.coref;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.extract.EventRole;
import org.vigil.extract.ExtractedEvent;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;
import org.vigil.extract.Relation;
import org.vigil.model.Schema;

class ChainsTest {
  private static final String TEXT =
      "Farhad Rostami defected in February. He was met by the network in Vienna.";

  private static ExtractedEvent meeting(Mention who, Mention by) {
    return new ExtractedEvent(
        Schema.EVENT,
        "meeting",
        Optional.empty(),
        Optional.of("Vienna"),
        List.of(who, by),
        Optional.empty(),
        Optional.empty(),
        TEXT,
        0,
        TEXT.length(),
        0.7,
        "rule:test",
        false,
        List.of(new EventRole("who", who), new EventRole("who", by)),
        org.vigil.extract.Attribution.SOURCE);
  }

  @Test
  void pronounParticipantBecomesTheNamedPersonAndUnresolvedDescriptionIsLeftOut() {
    Named n = new Named(TEXT).person("Farhad Rostami");
    Chains chains = n.chains();
    Mention he = n.at(chains, "He").orElseThrow();
    Mention network =
        new Mention(
            "the network",
            MentionType.ORGANIZATION,
            TEXT.indexOf("the network"),
            TEXT.indexOf("the network") + 11,
            "x-org-network",
            Optional.of(Schema.ORGANIZATION),
            Optional.empty(),
            IntroduceGroupDescriptions.EXTRACTOR,
            0.6);

    ExtractedEvent e = chains.events(List.of(meeting(he, network))).get(0);

    assertThat(e.participants()).extracting(Mention::text).containsExactly("Farhad Rostami");
    assertThat(e.roles()).extracting(r -> r.mention().text()).containsExactly("Farhad Rostami");
  }

  @Test
  void relationWithAnUnresolvedEndIsDropped() {
    Named n = new Named(TEXT).person("Farhad Rostami");
    Chains chains = n.chains();
    Mention rostami = n.mentions().get(0);
    Mention network =
        new Mention(
            "the network",
            MentionType.ORGANIZATION,
            TEXT.indexOf("the network"),
            TEXT.indexOf("the network") + 11,
            "x-org-network",
            Optional.of(Schema.ORGANIZATION),
            Optional.empty(),
            IntroduceGroupDescriptions.EXTRACTOR,
            0.6);
    Relation r =
        new Relation(
            Schema.MEMBERSHIP,
            rostami,
            network,
            Optional.empty(),
            Optional.empty(),
            TEXT,
            0,
            TEXT.length(),
            0.6,
            "rule:test",
            false);

    assertThat(chains.relations(List.of(r))).isEmpty();
  }

  @Test
  void storedMentionsHoldNoPronounAndNoDefiniteDescription() {
    Named n =
        new Named(TEXT)
            .person("Farhad Rostami")
            .add(
                "the network",
                MentionType.ORGANIZATION,
                Optional.of(Schema.ORGANIZATION),
                IntroduceGroupDescriptions.EXTRACTOR,
                0);

    assertThat(n.chains().mentions()).extracting(Mention::text).containsExactly("Farhad Rostami");
  }
}
