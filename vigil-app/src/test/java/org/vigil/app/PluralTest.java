/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluralTest {
  @Test
  void oneTakesTheSingularAndEveryOtherCountThePlural() {
    assertThat(Plural.of(1, "entity", "entities")).isEqualTo("1 entity");
    assertThat(Plural.of(0, "entity", "entities")).isEqualTo("0 entities");
    assertThat(Plural.of(2, "link", "links")).isEqualTo("2 links");
  }
}
