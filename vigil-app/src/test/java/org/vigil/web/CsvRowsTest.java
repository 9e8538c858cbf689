/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.model.InvalidValueException;

class CsvRowsTest {
  @Test
  void quotedCommasQuotesAndLineBreaksStayInTheirCell() {
    assertThat(
            CsvRows.parse(
                "\uFEFFname,country\r\n\"Sharifi-Zindashti, Naji\",ir\n\n\"say \"\"hi\"\"\nthere\",\n"))
        .containsExactly(
            List.of("name", "country"),
            List.of("Sharifi-Zindashti, Naji", "ir"),
            List.of("say \"hi\"\nthere", ""));
  }

  @Test
  void anUnclosedQuoteNamesItsLine() {
    assertThatThrownBy(() -> CsvRows.parse("name\nok\n\"never closed\n"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("a quote opened on line 3 is never closed");
  }

  @Test
  void writtenCsvReadsBackAndDefusesFormulasForSpreadsheets() {
    List<List<String>> rows = List.of(List.of("a,b", "c\"d"), List.of("=1+1", "@x"));
    assertThat(CsvRows.parse(CsvRows.format(rows))).isEqualTo(rows);
    assertThat(CsvRows.formatForSpreadsheets(rows))
        .isEqualTo("\"a,b\",\"c\"\"d\"\r\n'=1+1,'@x\r\n");
  }
}
