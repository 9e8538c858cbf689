/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SchemaTest {

  @Test
  void schemataCarryFollowTheMoneyNames() {
    assertThat(Schema.names())
        .contains(
            "Person",
            "Organization",
            "PublicBody",
            "Company",
            "LegalEntity",
            "Address",
            "Vessel",
            "Airplane",
            "Event",
            "Document",
            "Membership",
            "Employment",
            "Directorship",
            "Ownership",
            "Family",
            "Associate",
            "UnknownLink",
            "Sanction");
    assertThat(Schema.expect("PublicBody")).isEqualTo(Schema.PUBLIC_BODY);
  }

  @Test
  void aPublicBodyIsAnOrganizationAndALegalEntity() {
    assertThat(Schema.PUBLIC_BODY.isA("Organization")).isTrue();
    assertThat(Schema.PUBLIC_BODY.isA("LegalEntity")).isTrue();
    assertThat(Schema.PERSON.isA("Organization")).isFalse();
  }

  @Test
  void edgesNameTheirTwoEnds() {
    assertThat(Schema.MEMBERSHIP.isEdge()).isTrue();
    assertThat(Schema.MEMBERSHIP.sourceProperty()).contains("member");
    assertThat(Schema.MEMBERSHIP.targetProperty()).contains("organization");
    assertThat(Schema.EMPLOYMENT.required()).containsExactly("employee", "employer");
    assertThat(Schema.SANCTION.kind()).isEqualTo(Schema.Kind.ATTACHMENT);
    assertThat(Schema.SANCTION.required()).containsExactly("entity");
    assertThat(Schema.PERSON.required()).isEmpty();
  }

  @Test
  void propertiesAreTyped() {
    assertThat(Schema.PERSON.expectProperty("birthDate").type()).isEqualTo(PropertyType.DATE);
    assertThat(Schema.PERSON.expectProperty("nationality").type()).isEqualTo(PropertyType.COUNTRY);
    assertThat(Schema.MEMBERSHIP.expectProperty("organization").range()).contains("Organization");
  }

  @Test
  void unknownSchemaAndPropertyAreNamedInTheError() {
    assertThatThrownBy(() -> Schema.expect("Spy"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("unknown schema 'Spy'");
    assertThatThrownBy(() -> Schema.VESSEL.expectProperty("birthDate"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("Vessel has no property 'birthDate'");
  }

  @Test
  void aValueOfTheWrongTypeNamesSchemaAndProperty() {
    assertThatThrownBy(() -> Schema.PERSON.normalise("birthDate", "last summer"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("Person.birthDate:");
  }
}
