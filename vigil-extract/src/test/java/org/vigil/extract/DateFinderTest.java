/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DateFinderTest {
  @Test
  void datesAreNormalisedToTheirOwnPrecision() {
    assertThat(first("On 29 January 2024, OFAC acted.")).isEqualTo("2024-01-29");
    assertThat(first("On January 29, 2024, OFAC acted.")).isEqualTo("2024-01-29");
    assertThat(first("minister since August 2021.")).isEqualTo("2021-08");
    assertThat(first("the 1983 Beirut Barracks bombing")).isEqualTo("1983");
    assertThat(first("filed 2024-01-29 in court")).isEqualTo("2024-01-29");
  }

  @Test
  void numbersThatAreNotDatesAreIgnored() {
    assertThat(DateFinder.find("he arrested 17 people and 425 attacks")).isEmpty();
    assertThat(DateFinder.find("on 31 February 2024")).isEmpty();
  }

  private static String first(String text) {
    return DateFinder.find(text).get(0).date().toString();
  }
}
