/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.access.Viewer;
import org.vigil.documents.IngestProgress;
import org.vigil.store.Document;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/** The demo corpus of public-domain press releases: ingested once, with its progress counted. */
class DemoCorpusIT {
  @TempDir Path dir;

  @Test
  void everyBundledReleaseIsReadWithItsTitleAndPublisher() {
    List<DemoCorpus.Report> reports = DemoCorpus.reports();
    assertThat(reports).hasSize(45);
    assertThat(reports)
        .extracting(DemoCorpus.Report::publisher)
        .containsOnly("CENTCOM", "US State Department");
    assertThat(reports)
        .extracting(DemoCorpus.Report::title)
        .contains("Death of Abu Jandal al-Kuwaiti", "Ambassador Robert Ford Returns to Syria");
  }

  @Test
  void aStopRequestedEndsTheCorpusAfterTheReportInHand() {
    try (Store store = Store.open(StoreConfig.embedded(dir))) {
      IngestProgress progress = new IngestProgress("the demo corpus");
      progress.requestStop();
      StringWriter out = new StringWriter();

      assertThatThrownBy(
              () -> DemoCorpus.ingest(store, Clock.systemUTC(), new PrintWriter(out), progress))
          .isInstanceOf(java.util.concurrent.CancellationException.class)
          .hasMessageContaining("stopped after 1 of 45 reports");

      assertThat(store.documents().count()).isEqualTo(1);
      assertThat(out.toString()).contains("[1/45]").doesNotContain("[2/45]");
    }
  }

  @Test
  void theCorpusIsIngestedOnceAndEveryDemoUserMayReadIt() {
    try (Store store = Store.open(StoreConfig.embedded(dir))) {
      IngestProgress progress = new IngestProgress("the demo corpus");
      StringWriter first = new StringWriter();
      int stored = DemoCorpus.ingest(store, Clock.systemUTC(), new PrintWriter(first), progress);

      IngestProgress.Snapshot done = progress.snapshot();
      assertThat(done.state()).isEqualTo(IngestProgress.State.FINISHED);
      assertThat(done.total()).isEqualTo(45);
      assertThat(done.done()).isEqualTo(45);
      assertThat(done.rejected()).isZero();
      assertThat(stored).isEqualTo(done.stored()).isEqualTo((int) store.documents().count());
      assertThat(first.toString()).contains("[45/45]").contains("The demo corpus is ready");
      long statements = store.statements().count();

      StringWriter second = new StringWriter();
      int again = DemoCorpus.ingest(store, Clock.systemUTC(), new PrintWriter(second), progress);

      assertThat(again).isZero();
      assertThat(store.statements().count()).isEqualTo(statements);
      assertThat(second.toString()).contains("stored before");
      Viewer customs =
          Viewer.of("u-customs", "customs-officer", DemoData.OTHER_ORG, Set.of(), Role.VIEWER);
      List<String> titles = new ArrayList<>();
      store
          .documents()
          .scanTexts(
              (id, text) -> {
                Document d = store.documents().document(id, customs).orElseThrow();
                titles.add(store.statements().source(d.sourceId(), customs).orElseThrow().title());
                assertThat(text).contains("(public domain)");
              });
      assertThat(titles).contains("CENTCOM: Death of Abu Jandal al-Kuwaiti");
    }
  }
}
