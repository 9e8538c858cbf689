/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import static org.vigil.extract.relations.Marked.assertReads;

import org.junit.jupiter.api.Test;

class ReadRoleMentionTest {
  private final ReadRoleMention rule = new ReadRoleMention();

  @Test
  void describedMembersOfATribe() {
    assertReads(
        rule,
        "ISIL has killed [D 70 members] of [O the Al Bu Nimr tribe].",
        "Membership 70 members -> the Al Bu Nimr tribe (members)");
  }

  @Test
  void describedCommanderOfACommand() {
    assertReads(
        rule,
        "[D The commander] of [O the Baghdad Operational Command] resigned.",
        "Employment The commander -> the Baghdad Operational Command (commander)");
  }

  @Test
  void anOfficeReadAsItsHolderIsLeftToTheNameRules() {
    assertReads(rule, "[T The commander] of [O the Quds Force] resigned.");
  }
}
