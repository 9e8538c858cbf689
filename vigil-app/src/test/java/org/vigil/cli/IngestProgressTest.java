/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IngestProgressTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final AtomicLong nanos = new AtomicLong();

  private IngestProgress progress(boolean bar, int total) {
    return new IngestProgress(
        new PrintWriter(out), new PrintWriter(err), "vigil ingest: ", bar, total, nanos::get);
  }

  @Test
  void theBarShowsFilesDoneRateAndTimeLeft() {
    assertThat(IngestProgress.render(12, 40, 4.0))
        .isEqualTo("[#########.....................] 12/40 files  3.0 files/s  ETA 0:09");
    assertThat(IngestProgress.render(0, 40, 0.0))
        .isEqualTo("[..............................] 0/40 files");
    assertThat(IngestProgress.render(40, 40, 8.0))
        .isEqualTo("[##############################] 40/40 files  5.0 files/s");
  }

  @Test
  void timeLeftReadsAsMinutesOrHours() {
    assertThat(IngestProgress.clock(9)).isEqualTo("0:09");
    assertThat(IngestProgress.clock(754)).isEqualTo("12:34");
    assertThat(IngestProgress.clock(3 * 3600 + 61)).isEqualTo("3:01:01");
  }

  @Test
  void onATerminalTheBarIsRedrawnInPlaceAndProblemsStayAboveIt() {
    IngestProgress shown = progress(true, 2);
    nanos.set(1_000_000_000L);
    shown.done("a.txt: stored", false);
    shown.done("b.pdf: rejected: encrypted", true);
    shown.finish();

    assertThat(out.toString()).isEmpty();
    assertThat(err.toString())
        .contains("\r[###############...............] 1/2 files  1.0 files/s  ETA 0:01")
        .contains("\r\u001b[Kvigil ingest: [2/2] b.pdf: rejected: encrypted\n")
        .contains("2/2 files")
        .endsWith("\n");
  }

  @Test
  void elsewhereEachFileGetsAPlainLine() {
    IngestProgress shown = progress(false, 2);
    shown.done("a.txt: stored", false);
    shown.done("b.pdf: rejected: encrypted", true);
    shown.finish();

    assertThat(out.toString()).isEqualTo("[1/2] a.txt: stored\n");
    assertThat(err.toString()).isEqualTo("vigil ingest: [2/2] b.pdf: rejected: encrypted\n");
  }
}
