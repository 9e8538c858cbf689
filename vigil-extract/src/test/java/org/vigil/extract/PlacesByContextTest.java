/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.extract.FoundMentions.found;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlacesByContextTest {
  private static List<String> places(String text, Mention... found) {
    return PlacesByContext.apply(text, Places.shared(), List.of(found)).stream()
        .filter(m -> m.type() == MentionType.LOCATION)
        .map(Mention::text)
        .toList();
  }

  @Test
  void nameHeadedByAWordForAPlaceIsAPlace() {
    String text = "A fire burned in the Custer National Forest on Tuesday.";

    assertThat(places(text, found(text, "Custer National Forest", MentionType.ORGANIZATION)))
        .containsExactly("Custer National Forest");
  }

  @Test
  void townBeforeItsStateIsAPlaceAndSoIsTheState() {
    String text = "Ten workers were missing off Morgan City, La., after the storm.";

    assertThat(places(text, found(text, "Morgan City", MentionType.ORGANIZATION)))
        .containsExactly("Morgan City", "La.");
  }

  @Test
  void townTheRecogniserMissedBeforeAStateAbbreviationIsFound() {
    String text = "He disappeared near his hometown of Grants, N.M. last year.";

    assertThat(places(text)).containsExactly("Grants", "N.M.");
  }

  @Test
  void personAfterInIsAPlaceButNotBeforeAPossessive() {
    String town = "The bank was founded in Heuchelheim by farmers.";
    String man = "There is hope in Kowalski's plan.";

    assertThat(places(town, found(town, "Heuchelheim", MentionType.PERSON)))
        .containsExactly("Heuchelheim");
    assertThat(places(man, found(man, "Kowalski", MentionType.PERSON))).isEmpty();
  }

  @Test
  void districtInAProvinceIsTwoPlaces() {
    String text = "The field lay in Lomsak District in Phetchabun Province.";

    assertThat(
            places(
                text,
                found(text, "Lomsak District in Phetchabun Province", MentionType.ORGANIZATION)))
        .containsExactly("Lomsak District", "Phetchabun Province");
  }

  @Test
  void headWordAfterTheNameJoinsIt() {
    String text = "The border between Dan Sai District and Laos.";

    assertThat(places(text, found(text, "Dan Sai", MentionType.PERSON)))
        .containsExactly("Dan Sai District");
  }

  @Test
  void organisationStaysAnOrganisation() {
    String text = "The Istanbul Police Department, Turkey, said.";
    Mention police = found(text, "Istanbul Police Department", MentionType.ORGANIZATION);

    assertThat(places(text, police)).isEmpty();
  }

  @Test
  void personNamedBeforeACommaAndAnOrdinaryWordStaysAPerson() {
    String text = "Kovacevic, a Serb, has come under fire.";

    assertThat(places(text, found(text, "Kovacevic", MentionType.PERSON))).isEmpty();
  }
}
