/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import static org.vigil.extract.relations.Marked.assertReads;

import org.junit.jupiter.api.Test;

class ReadLeaderAndHisBodyTest {
  private final ReadLeaderAndHisBody rule = new ReadLeaderAndHisBody();

  @Test
  void personAndHisGovernmentLeadsIt() {
    assertReads(
        rule,
        "We welcome the steps taken by Prime Minister [P Jan Kowal] and his government this week.",
        "Employment Jan Kowal -> his government (leader)");
  }

  @Test
  void herMilitiaToo() {
    assertReads(
        rule,
        "[P Leila Haddad] and her militia withdrew from the town.",
        "Employment Leila Haddad -> her militia (leader)");
  }

  @Test
  void theirBodyOrAnotherNounMakesNoLink() {
    assertReads(rule, "[P Leila Haddad] and their militia withdrew from the town.");
    assertReads(rule, "[P Leila Haddad] and her brother withdrew from the town.");
  }
}
