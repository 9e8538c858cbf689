/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.claims;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigil.extract.Attribution;
import org.vigil.extract.Mention;
import org.vigil.extract.Stance;
import org.vigil.extract.relations.Marked;

class SpeakerBeforeCommaTest {
  private static Attribution read(String marked) {
    return ReadAttribution.of(Marked.sentence(marked));
  }

  @Test
  void trailingSpeakerTakenForAnAppositionSaidIt() {
    Attribution a =
        read(
            "A former officer of [O Russia's Federal Security Service] has defected to [L Britain],"
                + " [O the Home Office] said on Wednesday.");

    assertThat(a.claimant().map(Mention::text)).hasValue("the Home Office");
    assertThat(a.stance()).isEqualTo(Stance.ASSERTS);
  }

  @Test
  void realAppositionWithoutVerbOfSayingIsNoSpeaker() {
    Attribution a =
        read("[P Pavel Sorokin] defected to [L Britain], [L the United Kingdom], in April.");

    assertThat(a).isEqualTo(Attribution.SOURCE);
  }
}
