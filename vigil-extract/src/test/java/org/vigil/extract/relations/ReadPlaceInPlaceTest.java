/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import static org.vigil.extract.relations.Marked.assertReads;

import org.junit.jupiter.api.Test;

class ReadPlaceInPlaceTest {
  private final ReadPlaceInPlace rule = new ReadPlaceInPlace();

  @Test
  void cityCommaState() {
    assertReads(rule, "He was born in [L Dallas], [L Texas], in 1950.", "Dallas country Texas");
  }
}
