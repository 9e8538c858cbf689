/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkWordingTest {

  @Test
  void everyNamedLinkReadsBothWaysAndOthersAreLinkedTo() {
    assertThat(Schema.MEMBERSHIP.linkLabel()).isEqualTo("member of");
    assertThat(Schema.MEMBERSHIP.inverseLabel()).isEqualTo("has member");
    assertThat(Schema.OWNERSHIP.inverseLabel()).isEqualTo("owned by");
    assertThat(Schema.EVENT.linkLabel()).isEqualTo("involves");
    assertThat(Schema.EVENT.inverseLabel()).isEqualTo("involved in");
    assertThat(Schema.FAMILY.inverseLabel()).isEqualTo(Schema.FAMILY.linkLabel());
    assertThat(Schema.UNKNOWN_LINK.linkLabel()).isEqualTo("linked to");
    for (Schema s : Schema.values()) {
      if (s.isEdge() && s != Schema.UNKNOWN_LINK) {
        assertThat(s.linkLabel()).as(s.ftmName()).isNotEqualTo("linked to");
        assertThat(s.inverseLabel()).as(s.ftmName()).isNotEqualTo("linked to");
      }
    }
  }
}
