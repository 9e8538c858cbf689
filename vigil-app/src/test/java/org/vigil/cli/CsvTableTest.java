/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CsvTableTest {
  @Test
  void quotedFieldsMayHoldCommasQuotesAndLineBreaks() throws IOException {
    CsvTable table =
        CsvTable.read(
            new StringReader(
                "\uFEFFID, Name ,schema\r\n1,\"Acme, \"\"the\"\" Co\",Company\r\n2,\"two\nlines\"\n\n3,x"),
            "t.csv");
    assertThat(table.header()).containsExactly("id", "name", "schema");
    assertThat(table.rows()).hasSize(3);
    assertThat(table.rows().get(0).get("name")).hasValue("Acme, \"the\" Co");
    assertThat(table.rows().get(1).get("name")).hasValue("two\nlines");
    assertThat(table.rows().get(1).get("schema")).isEmpty();
    assertThat(table.rows().get(2).line()).isEqualTo(6);
  }

  @Test
  void anUnendedQuoteIsAnErrorNamingTheLine() {
    assertThatThrownBy(() -> CsvTable.read(new StringReader("name\n\"open"), "q.csv"))
        .isInstanceOf(CliFailure.class)
        .hasMessageContaining("q.csv (line 2)");
  }

  @Test
  void fieldsAreQuotedOnlyWhenTheyMustBe() {
    assertThat(CsvTable.field("plain")).isEqualTo("plain");
    assertThat(CsvTable.field("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvTable.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
  }
}
