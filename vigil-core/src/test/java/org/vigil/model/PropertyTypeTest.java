/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PropertyTypeTest {

  @Test
  void countryCodesAreFoldedToLowerCaseWhateverTheMachineLocale() {
    // Surefire runs with a Turkish default locale: "IR".toLowerCase() there gives "ır".
    assertThat(PropertyType.COUNTRY.normalise("IR")).isEqualTo("ir");
    assertThat(PropertyType.COUNTRY.normalise(" gb ")).isEqualTo("gb");
    assertThat(PropertyType.COUNTRY.normalise("XK")).isEqualTo("xk");
  }

  @Test
  void unknownCountryIsRejectedWithTheValueInTheMessage() {
    assertThatThrownBy(() -> PropertyType.COUNTRY.normalise("Persia"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("'Persia'");
  }

  @Test
  void namesHaveTheirWhiteSpaceAndControlCharactersFolded() {
    assertThat(PropertyType.NAME.normalise("  Qasem \t\n Soleimani\u0000 "))
        .isEqualTo("Qasem Soleimani");
    assertThat(PropertyType.NAME.normalise("قاسم  سلیمانی")).isEqualTo("قاسم سلیمانی");
  }

  @Test
  void emptyAndOverlongValuesAreRejected() {
    assertThatThrownBy(() -> PropertyType.NAME.normalise(" \t "))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> PropertyType.NAME.normalise("x".repeat(513)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("513 chars");
  }

  @Test
  void datesKeepTheirPrecision() {
    assertThat(PropertyType.DATE.normalise("2021-08")).isEqualTo("2021-08");
    assertThat(PropertyType.DATE.normalise("2024-1-29")).isEqualTo("2024-01-29");
    assertThat(PropertyType.DATE.normalise("2024-01-29T10:15:00Z")).isEqualTo("2024-01-29");
    assertThatThrownBy(() -> PropertyType.DATE.normalise("29 January 2024"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("'29 January 2024' is not a date");
  }

  @Test
  void entityReferencesMustBeWellFormedIds() {
    assertThat(PropertyType.ENTITY.normalise("ofac-sdn-12345")).isEqualTo("ofac-sdn-12345");
    assertThatThrownBy(() -> PropertyType.ENTITY.normalise("not an id"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("'not an id' is not an entity id");
  }

  @Test
  void urlsMustBeHttp() {
    assertThat(PropertyType.URL.normalise("https://ofac.treasury.gov/recent-actions/20240129"))
        .startsWith("https://");
    assertThatThrownBy(() -> PropertyType.URL.normalise("javascript:alert(1)"))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void numbersAreWrittenPlainly() {
    assertThat(PropertyType.NUMBER.normalise("1,250.50")).isEqualTo("1250.50");
    assertThatThrownBy(() -> PropertyType.NUMBER.normalise("many"))
        .isInstanceOf(InvalidValueException.class);
  }
}
