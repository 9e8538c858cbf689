/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.cli.VigilCommand;

/** {@code vigil bench ingest} on a handful of short reports: it runs and reports its rates. */
class BenchIngestIT {
  @Test
  void reportsDocumentsAndTokensPerSecond() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code =
        VigilCommand.commandLine(
                new ByteArrayInputStream(new byte[0]),
                name -> Optional.empty(),
                new PrintWriter(out, true),
                new PrintWriter(err, true))
            .execute(
                "bench",
                "ingest",
                "--documents",
                "4",
                "--words",
                "120",
                "--warm-up-documents",
                "0");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("ingested 4 documents (4 stored")
        .contains("documents/s")
        .contains("tokens/s")
        .contains("a cold start")
        .contains("peak heap");
  }

  @Test
  void documentsIngestedByTwoThreadsAreAllStored() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code =
        VigilCommand.commandLine(
                new ByteArrayInputStream(new byte[0]),
                name -> Optional.empty(),
                new PrintWriter(out, true),
                new PrintWriter(err, true))
            .execute(
                "bench",
                "ingest",
                "--documents",
                "6",
                "--words",
                "120",
                "--threads",
                "2",
                "--baseline-documents",
                "0",
                "--warm-up-documents",
                "3");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("ingested 6 documents (6 stored")
        .contains("warm-up before the clock: 3 documents")
        .contains("with 2 thread(s)")
        .contains("ingesting threads' CPU time");
  }

  @Test
  void theGeneratorIsSeededAndWritesAboutTheWordsAskedFor() {
    String first = new SyntheticReports(7).next(600);
    String again = new SyntheticReports(7).next(600);

    assertThat(first).isEqualTo(again);
    assertThat(first.split("\\s+").length).isBetween(600, 640);
    assertThat(new SyntheticReports(8).next(600)).isNotEqualTo(first);
  }
}
