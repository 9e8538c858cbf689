/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import static org.vigil.extract.relations.Marked.assertReads;

import org.junit.jupiter.api.Test;

class ReadCopularRoleTest {
  private final ReadCopularRole rule = new ReadCopularRole();

  @Test
  void subjectIsRoleOfOrganisation() {
    assertReads(
        rule,
        "[P Esmaeil Khatib] is the minister of [O the Ministry of Intelligence].",
        "Employment Esmaeil Khatib -> the Ministry of Intelligence (minister)");
  }

  @Test
  void servedAsRoleForOrganisation() {
    assertReads(
        rule,
        "[P Reza Amiri] served as spokesman for [O the Guardian Council] until 2019.",
        "Employment Reza Amiri -> the Guardian Council (spokesman)");
  }

  @Test
  void appointedRoleOfOrganisation() {
    assertReads(
        rule,
        "[P Reza Amiri] was appointed head of [O the Guardian Council] in 2019.",
        "Employment Reza Amiri -> the Guardian Council (head)");
  }

  @Test
  void officeReadAsAPersonByItsTitleIsStillTheRole() {
    assertReads(
        rule,
        "[P Karim Saadi] was [T a commander] in [O the navy] during the war.",
        "Employment Karim Saadi -> the navy (commander)");
  }
}
