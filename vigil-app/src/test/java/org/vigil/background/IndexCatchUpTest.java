/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.background;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.access.Viewer;
import org.vigil.jobs.JobRunner;
import org.vigil.jobs.JobState;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;
import org.vigil.search.SearchQuery;
import org.vigil.store.Document;
import org.vigil.store.StatementRepository.IndexUpdate;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/**
 * The catch-up job on the embedded store: a document written and journalled but left out of the
 * index (a deferred ingest batch that died) becomes searchable while the node runs, once its
 * journal rows are older than the bound. The outage itself is {@code SearchClusterOutageIT}.
 */
class IndexCatchUpTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");

  @TempDir Path dir;

  @Test
  void aJournalledDocumentIsIndexedByThePeriodicJobWithoutARestart() throws InterruptedException {
    try (Store store = Store.open(StoreConfig.embedded(dir.resolve("data")));
        BackgroundWork work =
            new BackgroundWork(
                "node-a",
                new JobRunner.Settings(
                    1,
                    Duration.ofSeconds(30),
                    Duration.ofMillis(200),
                    3,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(5)))) {
      IndexCatchUp.register(work, Duration.ofSeconds(1), Duration.ofSeconds(1));
      Marking green = Marking.of(Tlp.GREEN, "org-a");
      Source source =
          new Source(
              "doc-1",
              SourceKind.DOCUMENT,
              "Report doc-1",
              Reliability.B,
              green,
              Optional.empty(),
              Optional.of("sha256:aa"),
              T0);
      String text = "Naji Zindashti crossed at Bazargan.";
      store
          .documents()
          .write(
              new Document(
                  "doc-1",
                  "doc-1.txt",
                  "text/plain",
                  Optional.of("en"),
                  "sha256:aa",
                  text,
                  "read",
                  text.length() + " chars of text/plain",
                  Optional.empty(),
                  0.0,
                  T0),
              source,
              List.of(
                  Statement.about("p-zindashti", Schema.PERSON)
                      .set("name", "Naji Zindashti")
                      .from(source)
                      .seen(T0)
                      .build()),
              IndexUpdate.DEFERRED);
      Viewer analyst = Viewer.of("u-a", "u-a", "org-a", java.util.Set.of(), Role.ANALYST);
      SearchQuery query = new SearchQuery("Zindashti", Optional.empty(), 5);
      assertThat(store.search().search(query, analyst).total()).isZero();

      work.start(store);
      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      while (store.search().search(query, analyst).total() < 2
          && Instant.now().isBefore(deadline)) {
        Thread.sleep(100);
      }

      assertThat(store.search().search(query, analyst).total())
          .as("the person and the document's text")
          .isEqualTo(2);
      assertThat(store.documents().unindexedEntities()).isEmpty();
      assertThat(store.jobs().list(JobState.DONE, 100))
          .anySatisfy(j -> assertThat(j.kind()).isEqualTo(IndexCatchUp.KIND));
    }
  }
}
