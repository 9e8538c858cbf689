/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class StixIdsTest {
  @Test
  void nameBasedUuidMatchesRfcVersion5() {
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
    UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
    assertThat(StixIds.uuid5(dns, "python.org").toString())
        .isEqualTo("886313e1-3b8a-5372-9b90-0c9aee199e5d");
  }

  @Test
  void theSameEntityGetsTheSameIdAndTypesDoNotCollide() {
    assertThat(StixIds.of("identity", "zindashti")).isEqualTo(StixIds.of("identity", "zindashti"));
    assertThat(StixIds.of("identity", "zindashti")).startsWith("identity--");
    assertThat(StixIds.of("location", "zindashti").substring("location--".length()))
        .isNotEqualTo(StixIds.of("identity", "zindashti").substring("identity--".length()));
    assertThat(StixIds.isValid(StixIds.of("threat-actor", "x"))).isTrue();
  }

  @Test
  void onlyTypeDashDashUuidIsAStixId() {
    assertThat(StixIds.isValid("intrusion-set--4ca1929c-7d64-4aab-b849-badbfc0c760d")).isTrue();
    assertThat(StixIds.isValid("intrusion-set-4ca1929c-7d64-4aab-b849-badbfc0c760d")).isFalse();
    assertThat(StixIds.isValid("Identity--4ca1929c-7d64-4aab-b849-badbfc0c760d")).isFalse();
    assertThat(StixIds.isValid("identity--not-a-uuid")).isFalse();
    assertThat(StixIds.typeOf("x-mitre-tactic--4ca1929c-7d64-4aab-b849-badbfc0c760d"))
        .isEqualTo("x-mitre-tactic");
  }
}
