/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.stix;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigil.model.Tlp;

class TlpMarkingsTest {
  @Test
  void theOfficialTlp2IdsReadAsTheirOwnLevels() {
    for (Tlp tlp : Tlp.values()) {
      assertThat(TlpMarkings.levelOf(TlpMarkings.id(tlp))).contains(tlp);
    }
  }

  @Test
  void theTlp1IdsReadAsTheirTlp2Equivalents() {
    assertThat(TlpMarkings.levelOf("marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"))
        .as("TLP:WHITE")
        .contains(Tlp.CLEAR);
    assertThat(TlpMarkings.levelOf("marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"))
        .as("TLP:GREEN")
        .contains(Tlp.GREEN);
    assertThat(TlpMarkings.levelOf("marking-definition--f88d31f6-486f-44da-b317-01333bde0b82"))
        .as("TLP:AMBER")
        .contains(Tlp.AMBER);
    assertThat(TlpMarkings.levelOf("marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed"))
        .as("TLP:RED")
        .contains(Tlp.RED);
  }

  @Test
  void otherMarkingDefinitionsAreNoTlpLevel() {
    assertThat(TlpMarkings.levelOf("marking-definition--fa42a846-8d90-4e51-bc29-71d5b4802168"))
        .as("ATT&CK's copyright statement")
        .isEmpty();
    assertThat(TlpMarkings.levelOf("")).isEmpty();
  }
}
