/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import static org.vigil.extract.relations.Marked.assertReads;

import org.junit.jupiter.api.Test;

class ReadParentBodyTest {
  private final ReadParentBody rule = new ReadParentBody();

  @Test
  void possessiveParentOfAForce() {
    assertReads(
        rule,
        "[O the IRGC]'s [O Quds Force] has trained militias abroad.",
        "Membership Quds Force -> the IRGC (unit)");
  }

  @Test
  void unitApposedWithItsParent() {
    assertReads(
        rule,
        "[O Unit 840], a unit of [O the Quds Force], plans operations abroad.",
        "Membership Unit 840 -> the Quds Force (unit)");
  }
}
