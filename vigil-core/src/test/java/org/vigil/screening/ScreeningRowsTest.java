/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.lists.CsvRecords;
import org.vigil.model.InvalidValueException;
import org.vigil.model.PartialDate;
import org.vigil.model.Schema;

class ScreeningRowsTest {

  @Test
  void everyAliasOfTheBirthDateAndTheCountryIsRead() {
    for (String birth :
        List.of("birth_date", "birthdate", "date_of_birth", "birthDate", "BirthDate")) {
      for (String country : List.of("country", "nationality", " Nationality ")) {
        ScreeningQuery q =
            query(Map.of("name", "Qasem Examplani", birth, "1957-03", country, "Iran"));

        assertThat(q.birthDate()).as(birth).contains(PartialDate.parse("1957-03"));
        assertThat(q.country()).as(country).contains("ir");
      }
    }
  }

  @Test
  void aRowWithoutLimitOrThresholdTakesTheSurfacesDefaults() {
    ScreeningQuery q =
        ScreeningRows.query(
            new ScreeningRow("queries[0]", Map.of("name", "Mahan Air", "schema", "Organization")),
            3,
            0.5);

    assertThat(q.limit()).isEqualTo(3);
    assertThat(q.threshold()).isEqualTo(0.5);
    assertThat(q.schema()).contains(Schema.ORGANIZATION);
    assertThat(query(Map.of("name", "x", "limit", "7", "threshold", "0.9")).limit()).isEqualTo(7);
  }

  @Test
  void eachProblemNamesItsFieldInOneWording() {
    assertProblem(Map.of("name", " "), "name: a screening query needs a name");
    assertProblem(Map.of("name", "x", "birth_date", "soon"), "birthDate: ");
    assertProblem(
        Map.of("name", "x", "nationality", "Atlantis"),
        "country: 'Atlantis' is not a known country; use an ISO code such as 'ir'");
    assertProblem(Map.of("name", "x", "schema", "Spaceship"), "schema: ");
    assertProblem(Map.of("name", "x", "limit", "0"), "limit: limit 0 is outside");
    assertProblem(Map.of("name", "x", "limit", "many"), "limit: 'many' is not a whole number");
    assertProblem(Map.of("name", "x", "threshold", "high"), "threshold: 'high' is not a number");
    assertProblem(Map.of("name", "y".repeat(600)), "name: a screening name is 600 chars long");
  }

  @Test
  void aCsvHeaderNamingANameColumnIsReadByColumnAndOtherwiseTheFirstCellIsTheName() {
    List<ScreeningRow> headed =
        ScreeningRows.fromCsv(
            CsvRecords.parse(
                "\uFEFFid,Name,date_of_birth\nq1,Qasem Examplani,1957\n\n,Example Logistik,\n",
                "queries.csv"));

    assertThat(headed).extracting(ScreeningRow::where).containsExactly("line 2", "line 4");
    assertThat(ScreeningRows.value(headed.get(0), ScreeningRows.Field.ID)).contains("q1");
    assertThat(query(headed.get(0).cells()).birthDate()).contains(PartialDate.parse("1957"));
    assertThat(ScreeningRows.value(headed.get(1), ScreeningRows.Field.ID)).isEmpty();

    List<ScreeningRow> bare =
        ScreeningRows.fromCsv(CsvRecords.parse("Qasem Examplani,Iran\nMahan Air\n", "names.csv"));

    assertThat(bare)
        .extracting(r -> query(r.cells()).name())
        .containsExactly("Qasem Examplani", "Mahan Air");
    assertThat(bare.get(0).cells()).hasSize(1);
  }

  private static ScreeningQuery query(Map<String, String> cells) {
    return ScreeningRows.query(new ScreeningRow("line 2", cells), 5, Screener.DEFAULT_THRESHOLD);
  }

  private static void assertProblem(Map<String, String> cells, String message) {
    assertThatThrownBy(() -> query(cells))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith(message);
  }
}
