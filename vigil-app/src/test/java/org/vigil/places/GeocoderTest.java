/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The geocoder on the gazetteer Vigil ships: it places a name only when the name says where. */
class GeocoderTest {
  private static final Geocoder GEOCODER = new Geocoder(Gazetteer.shipped());

  private static Geocoding.Placed placed(String name, String country) {
    Geocoding g = GEOCODER.geocode(name, Optional.ofNullable(country));
    assertThat(g).as(name).isInstanceOf(Geocoding.Placed.class);
    return (Geocoding.Placed) g;
  }

  private static Geocoding.Unplaced unplaced(String name, String country) {
    Geocoding g = GEOCODER.geocode(name, Optional.ofNullable(country));
    assertThat(g).as(name).isInstanceOf(Geocoding.Unplaced.class);
    return (Geocoding.Unplaced) g;
  }

  @Test
  void aCityOfOneNameIsPlacedInItsCountry() {
    Geocoding.Placed tbilisi = placed("Tbilisi", null);
    assertThat(tbilisi.place().country()).isEqualTo("GE");
    assertThat(tbilisi.place().lat()).isBetween(41.0, 42.0);
    assertThat(placed("tbilisi ", null).place()).isEqualTo(tbilisi.place());
  }

  @Test
  void georgiaIsLeftUnplacedUnlessTheContextNamesTheCountry() {
    Geocoding.Unplaced georgia = unplaced("Georgia", null);
    assertThat(georgia.reason()).isEqualTo(Geocoding.Reason.COUNTRY_OR_DIVISION);
    assertThat(georgia.why()).contains("United States");
    assertThat(placed("Georgia", "GE").how()).isEqualTo("a country");
    assertThat(placed("Iran", null).place().country()).isEqualTo("IR");
  }

  @Test
  void aCityThatIsAlsoACommonWordWaitsForItsCountry() {
    assertThat(unplaced("Reading", null).reason()).isEqualTo(Geocoding.Reason.COMMON_WORD);
    assertThat(unplaced("Nice", null).reason()).isEqualTo(Geocoding.Reason.COMMON_WORD);
    assertThat(placed("Reading, United Kingdom", null).place().country()).isEqualTo("GB");
    assertThat(placed("Nice", "France").place().country()).isEqualTo("FR");
  }

  @Test
  void severalCitiesOfOneNameWithoutACountryAreLeftUnplaced() {
    Geocoding.Unplaced paris = unplaced("Paris", null);
    assertThat(paris.reason()).isEqualTo(Geocoding.Reason.SEVERAL_PLACES);
    assertThat(paris.why()).contains("countries");
    assertThat(placed("Paris", "FR").place().country()).isEqualTo("FR");
    assertThat(unplaced("Mashhad", null).reason()).isEqualTo(Geocoding.Reason.SEVERAL_PLACES);
    assertThat(placed("Mashhad, Iran", null).place().lng()).isBetween(59.0, 60.0);
  }

  @Test
  void namesTheGazetteerDoesNotKnowInAnyScriptAreAnsweredUnknown() {
    assertThat(unplaced("Atlantis Undersea", null).reason()).isEqualTo(Geocoding.Reason.UNKNOWN);
    assertThat(unplaced("ناکجاآباد", null).reason()).isEqualTo(Geocoding.Reason.UNKNOWN);
    assertThat(unplaced("東京湾の底", null).reason()).isEqualTo(Geocoding.Reason.UNKNOWN);
    assertThat(unplaced("", null).reason()).isEqualTo(Geocoding.Reason.UNKNOWN);
    assertThat(unplaced("x".repeat(500), null).reason()).isEqualTo(Geocoding.Reason.UNKNOWN);
    assertThat(unplaced("Tbilisi", "France").why()).contains("in France");
  }

  @Test
  void accentsAndCaseDoNotCount() {
    assertThat(placed("SÃO PAULO", "Brazil").place().country()).isEqualTo("BR");
    assertThat(placed("Sao Paulo", "BR").place().country()).isEqualTo("BR");
  }

  @Test
  void aCountryValuedStatementIsPlacedAtTheCountryByCodeOrName() {
    Geocoding ir = GEOCODER.country("ir");
    assertThat(ir).isInstanceOf(Geocoding.Placed.class);
    assertThat(((Geocoding.Placed) ir).place().country()).isEqualTo("IR");
    assertThat(ir.mention()).isEqualTo("Iran");
    assertThat(GEOCODER.country("Turkey")).isInstanceOf(Geocoding.Placed.class);
    Geocoding none = GEOCODER.country("Atlantis");
    assertThat(none).isInstanceOf(Geocoding.Unplaced.class);
    assertThat(((Geocoding.Unplaced) none).why()).contains("Atlantis");
  }

  @Test
  void anArabicNameIsFoundWithOrWithoutItsArticleAndItsFinalH() {
    assertThat(placed("Raqqah", null).place().name()).isEqualTo("Ar Raqqah");
    assertThat(placed("Raqqa", null).place().name()).isEqualTo("Ar Raqqah");
    assertThat(placed("Fallujah", null).place().country()).isEqualTo("IQ");
    assertThat(placed("Tal Afar", null).place().name()).isEqualTo("Tall ‘Afar");
    assertThat(placed("Raqqah", null).how()).contains("written Ar Raqqah");
  }

  @Test
  void wordsThatDescribeThePlaceBeforeItsNameAreReadPast() {
    assertThat(placed("the Iraqi city of Mosul", null).place().country()).isEqualTo("IQ");
    assertThat(placed("the port city of Tartus", null).place().country()).isEqualTo("SY");
    assertThat(unplaced("the city of Atlantis", null).mention()).isEqualTo("the city of Atlantis");
  }

  @Test
  void aDivisionAfterTheNameChoosesAmongItsPlaces() {
    assertThat(placed("Woodbridge, Virginia", null).place().admin1()).isEqualTo("VA");
    assertThat(placed("Washington, D.C.", null).place().admin1()).isEqualTo("DC");
    assertThat(unplaced("Woodbridge", null).reason()).isEqualTo(Geocoding.Reason.SEVERAL_PLACES);
    assertThat(placed("the Netherlands", null).how()).isEqualTo("a country");
  }

  @Test
  void theCountriesATextNamesChooseOnlyWhenOnePlaceOfTheNameLiesInThem() {
    assertThat(unplaced("Damascus", null).reason()).isEqualTo(Geocoding.Reason.SEVERAL_PLACES);
    Geocoding inSyria = GEOCODER.geocode("Damascus", Optional.empty(), java.util.Set.of("SY"));
    assertThat(inSyria).isInstanceOf(Geocoding.Placed.class);
    assertThat(((Geocoding.Placed) inSyria).place().country()).isEqualTo("SY");
    // Eighteen Washingtons in the United States: naming the country does not say which.
    assertThat(GEOCODER.geocode("Washington", Optional.empty(), java.util.Set.of("US")))
        .isInstanceOf(Geocoding.Unplaced.class);
  }

  @Test
  void persianAndArabicNamesArePlacedAsTheirLatinNamesAre() {
    assertThat(placed("تهران", null).place().name()).isEqualTo("Tehran");
    assertThat(placed("طهران", null).place().country()).isEqualTo("IR");
    assertThat(placed("بغداد", null).place().country()).isEqualTo("IQ");
    assertThat(placed("الموصل", null).place().name()).isEqualTo("Mosul");
    // Arabic yeh and kaf written as in Persian, or the other way round, are one spelling.
    assertThat(placed("مشهد", "ایران").place().country()).isEqualTo("IR");
    assertThat(placed("ایران", null).how()).isEqualTo("a country");
    assertThat(placed("إيران", null).place().country()).isEqualTo("IR");
    assertThat(placed("العراق", null).how()).isEqualTo("a country");
    assertThat(unplaced("ناکجاآباد", null).reason()).isEqualTo(Geocoding.Reason.UNKNOWN);
  }

  @Test
  void shortFormsOfCountryNamesAreTheCountriesAndRegionsAreNoPlace() {
    assertThat(placed("UK", null).place().country()).isEqualTo("GB");
    assertThat(placed("U.S.", null).how()).isEqualTo("a country");
    assertThat(placed("UAE", null).place().country()).isEqualTo("AE");
    assertThat(placed("Syrian Arab Republic", null).place().country()).isEqualTo("SY");
    assertThat(unplaced("Middle East", null).reason()).isEqualTo(Geocoding.Reason.REGION);
    assertThat(unplaced("the Middle East", null).reason()).isEqualTo(Geocoding.Reason.REGION);
    assertThat(unplaced("in", null).reason()).isNotEqualTo(Geocoding.Reason.COUNTRY_OR_DIVISION);
  }
}
