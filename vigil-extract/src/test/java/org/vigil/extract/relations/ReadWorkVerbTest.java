/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import static org.vigil.extract.relations.Marked.assertReads;

import org.junit.jupiter.api.Test;

class ReadWorkVerbTest {
  private final ReadWorkVerb rule = new ReadWorkVerb();

  @Test
  void worksForIsEmployment() {
    assertReads(
        rule,
        "[P John Smith] works for [O Reuters] in [L London].",
        "Employment John Smith -> Reuters");
  }

  @Test
  void coordinatedSubjectsJoinedIsMembershipForEach() {
    assertReads(
        rule,
        "[P Ali Karimi] and [P Hassan Nouri] joined [O Hezbollah] in 2012.",
        "Membership Ali Karimi -> Hezbollah",
        "Membership Hassan Nouri -> Hezbollah");
  }

  @Test
  void passiveLedByIsLeadership() {
    assertReads(
        rule,
        "[O The network] is led by [P Naji Sharifi-Zindashti].",
        "Employment Naji Sharifi-Zindashti -> The network (leader)");
  }

  @Test
  void organisationHiredPersonIsEmployment() {
    assertReads(
        rule,
        "[O The ministry] hired [P Ali Motamed] in 2015.",
        "Employment Ali Motamed -> The ministry");
  }

  @Test
  void personHiredPersonIsAssociate() {
    assertReads(
        rule,
        "[P Zindashti] hired [P Damion Ryan] to carry out the plot.",
        "Associate Zindashti -> Damion Ryan (hired)");
  }

  @Test
  void placeAsObjectReadsNothing() {
    assertReads(rule, "[P John Smith] works for [L London] now.");
  }
}
