/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PartialDateTest {

  @Test
  void parsesEachPrecision() {
    assertThat(PartialDate.parse("2021").precision()).isEqualTo(PartialDate.Precision.YEAR);
    assertThat(PartialDate.parse("2021-08").precision()).isEqualTo(PartialDate.Precision.MONTH);
    assertThat(PartialDate.parse("2021-08-25").precision()).isEqualTo(PartialDate.Precision.DAY);
  }

  @Test
  void rejectsDaysThatAreNotOnTheCalendar() {
    assertThatThrownBy(() -> PartialDate.parse("2023-02-29"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("2023-02-29");
    assertThatThrownBy(() -> PartialDate.parse("2023-13"))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void aMonthAgreesWithEachOfItsDaysButNotWithAnotherMonth() {
    PartialDate august = PartialDate.parse("2021-08");
    assertThat(august.agreesWith(PartialDate.parse("2021-08-25"))).isTrue();
    assertThat(august.agreesWith(PartialDate.parse("2021"))).isTrue();
    assertThat(august.agreesWith(PartialDate.parse("2021-09-01"))).isFalse();
    assertThat(august.agreesWith(PartialDate.parse("2020-08"))).isFalse();
  }

  @Test
  void datesOfDifferentPrecisionSortTogether() {
    assertThat(PartialDate.parse("2021")).isLessThan(PartialDate.parse("2021-08"));
    assertThat(PartialDate.parse("2021-08-25")).isLessThan(PartialDate.parse("2021-09"));
  }
}
