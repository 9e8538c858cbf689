/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.model.Marking;
import org.vigil.model.Tlp;

class MarkingPolicyTest {
  private static final Viewer ANALYST_A =
      Viewer.of("u-a", "alice", "unit-a", Set.of("unit-c"), Role.ANALYST);
  private static final Viewer ANALYST_B = Viewer.of("u-b", "bob", "unit-b", Set.of(), Role.ANALYST);
  private static final Viewer ADMIN_B = Viewer.of("u-b2", "root", "unit-b", Set.of(), Role.ADMIN);
  private static final Viewer PARTNER_C =
      Viewer.of("u-c", "carol", "unit-c", Set.of("unit-a"), Role.VIEWER);

  @Test
  void clearAndGreenReachEveryone() {
    for (Tlp tlp : new Tlp[] {Tlp.CLEAR, Tlp.GREEN}) {
      Marking m = Marking.of(tlp, "unit-a");
      assertThat(MarkingPolicy.canSee(ANALYST_B, m)).isTrue();
      assertThat(MarkingPolicy.canSee(PARTNER_C, m)).isTrue();
    }
  }

  @Test
  void amberReachesTheOwnerAndItsPartnersOnly() {
    Marking amber = Marking.of(Tlp.AMBER, "unit-a");
    assertThat(MarkingPolicy.canSee(ANALYST_A, amber)).isTrue();
    assertThat(MarkingPolicy.canSee(PARTNER_C, amber)).isTrue();
    assertThat(MarkingPolicy.canSee(ANALYST_B, amber)).isFalse();
  }

  @Test
  void amberStrictStaysInTheOwningOrganisation() {
    Marking strict = Marking.of(Tlp.AMBER_STRICT, "unit-a");
    assertThat(MarkingPolicy.canSee(ANALYST_A, strict)).isTrue();
    assertThat(MarkingPolicy.canSee(PARTNER_C, strict)).isFalse();
    assertThat(MarkingPolicy.canSee(ANALYST_B, strict)).isFalse();
  }

  @Test
  void redReachesOnlyTheNamedUsersNotEvenTheirColleagues() {
    Marking red = Marking.red("unit-a", Set.of("u-c"));
    assertThat(MarkingPolicy.canSee(PARTNER_C, red)).isTrue();
    assertThat(MarkingPolicy.canSee(ANALYST_A, red)).isFalse();
  }

  @Test
  void anOrganisationRestrictionNarrowsEvenGreen() {
    Marking green = Marking.of(Tlp.GREEN, "unit-a").restrictedTo(Set.of("unit-a", "unit-c"));
    assertThat(MarkingPolicy.canSee(PARTNER_C, green)).isTrue();
    assertThat(MarkingPolicy.canSee(ANALYST_B, green)).isFalse();
  }

  @Test
  void anAdministratorGetsNoExceptionFromMarkings() {
    assertThat(MarkingPolicy.canSee(ADMIN_B, Marking.of(Tlp.AMBER_STRICT, "unit-a"))).isFalse();
  }

  @Test
  void tlpLevelsAreReadInTheirUsualSpellings() {
    assertThat(Tlp.parse("TLP:AMBER+STRICT")).isEqualTo(Tlp.AMBER_STRICT);
    assertThat(Tlp.parse("amber_strict")).isEqualTo(Tlp.AMBER_STRICT);
    assertThat(Tlp.parse("white")).isEqualTo(Tlp.CLEAR);
    assertThat(Tlp.parse("tlp:red")).isEqualTo(Tlp.RED);
  }

  @Test
  void rolesGrantTheirPermissions() {
    assertThat(Role.VIEWER.grants(Permission.READ)).isTrue();
    assertThat(Role.VIEWER.grants(Permission.WRITE)).isFalse();
    assertThat(Role.ANALYST.grants(Permission.ADMIN)).isFalse();
    assertThat(Role.ADMIN.grants(Permission.ADMIN)).isTrue();
    assertThat(Role.parse("Analyst")).isEqualTo(Role.ANALYST);
  }
}
