/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import static org.vigil.extract.relations.Marked.assertReads;

import org.junit.jupiter.api.Test;

class ReadBasedInTest {
  private final ReadBasedIn rule = new ReadBasedIn();

  @Test
  void organisationBasedInPlace() {
    assertReads(
        rule, "[O The network], based in [L Dubai], moved the money.", "The network address Dubai");
  }

  @Test
  void organisationOfPlace() {
    assertReads(
        rule,
        "Students at the [O University] of [L Tehran] protested.",
        "University address Tehran");
  }
}
