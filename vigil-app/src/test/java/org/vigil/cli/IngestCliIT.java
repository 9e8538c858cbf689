/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.cli.CliRunner.vigil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Viewer;
import org.vigil.model.Marking;
import org.vigil.model.Tlp;
import org.vigil.search.SearchQuery;
import org.vigil.store.Document;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/** {@code vigil ingest} on a folder of reports written by the test, into an embedded store. */
class IngestCliIT {
  static final String REPORT =
      ExtractCliTest.REPORT
          + "\nThe network moved drugs and people across the border and laundered the proceeds"
          + " through exchange houses in several countries, investigators said.\n"
          + "\nOfficials in two capitals described the designations as part of a wider effort to"
          + " disrupt plots against dissidents living abroad.\n";

  @TempDir Path data;
  @TempDir Path inbox;

  private CliRunner.Run ingest(String... paths) {
    String[] args = new String[paths.length + 5];
    args[0] = "ingest";
    args[1] = "--data";
    args[2] = data.toString();
    args[3] = "--marking";
    args[4] = "TLP:GREEN";
    System.arraycopy(paths, 0, args, 5, paths.length);
    return vigil(args);
  }

  @Test
  void storesNewDocumentsLinksNearCopiesSkipsExactCopiesAndReportsBadFiles() throws IOException {
    Files.writeString(inbox.resolve("a-report.txt"), REPORT, StandardCharsets.UTF_8);
    Files.writeString(
        inbox.resolve("b-exact-copy.html"),
        "<html><body><p>" + REPORT.replace("\n\n", "</p><p>") + "</p></body></html>",
        StandardCharsets.UTF_8);
    Files.writeString(
        inbox.resolve("c-syndicated.txt"),
        "Reprinted from a wire service\n\n" + REPORT + "\nThe ministry did not reply.\n",
        StandardCharsets.UTF_8);
    Files.createDirectories(inbox.resolve("more"));
    Files.write(inbox.resolve("more/d-empty.txt"), new byte[0]);
    byte[] junk = new byte[4096];
    new SplittableRandom(7).nextBytes(junk);
    Files.write(inbox.resolve("more/e-junk.bin"), junk);

    CliRunner.Run run = ingest(inbox.toString());

    assertThat(run.code()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out())
        .as(run.err())
        .contains("[1/5]")
        .contains("a-report.txt: stored as doc-")
        .contains("b-exact-copy.html: duplicate")
        .contains("c-syndicated.txt: stored as doc-")
        .contains("a near copy of doc-")
        .contains(
            "Read 5 files: 1 stored, 1 duplicates, 1 near-duplicates (stored and linked),"
                + " 2 rejected");
    assertThat(run.err()).contains("d-empty.txt: rejected: empty").contains("e-junk.bin");

    try (Store store = Store.open(StoreConfig.embedded(data))) {
      assertThat(store.documents().count()).isEqualTo(2);
      String original =
          store
              .documents()
              .byContentHash(hashOf(store, "a-report.txt"), Viewer.system())
              .get(0)
              .id();
      Document stored = store.documents().document(original, Viewer.system()).orElseThrow();
      assertThat(stored.text()).contains("Sharifi-Zindashti");
      assertThat(stored.language()).contains("en");
      assertThat(store.statements().source(original, Viewer.system()).orElseThrow().marking())
          .isEqualTo(Marking.of(Tlp.GREEN, "public"));
      assertThat(store.statements().count()).isPositive();
      assertThat(
              store
                  .search()
                  .search(new SearchQuery("Zindashti", Optional.empty(), 5), Viewer.system())
                  .total())
          .as("the batch's entities are indexed at its end")
          .isPositive();
    }
  }

  @Test
  void aSecondRunStoresNothingAgain() throws IOException {
    Path file = Files.writeString(inbox.resolve("report.txt"), REPORT, StandardCharsets.UTF_8);
    assertThat(ingest(file.toString()).code()).isZero();

    CliRunner.Run again = ingest(file.toString());

    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).contains("duplicate: the same text is already stored as doc-");
  }

  @Test
  void aRejectedFileIsKeptListedAndStoredByARetryOnceTheLimitIsRaised() throws IOException {
    Path file = Files.writeString(inbox.resolve("report.txt"), REPORT, StandardCharsets.UTF_8);

    CliRunner.Run refused = ingest("--max-document-bytes", "200", file.toString());

    assertThat(refused.code()).as(refused.out() + refused.err()).isEqualTo(1);
    assertThat(refused.err())
        .contains("report.txt: rejected: too large:")
        .contains("larger than the limit of 200")
        .contains("original kept for --retry");
    assertThat(refused.out()).contains("1 rejected (too large: 1), 0 truncated; 1 original kept");
    CliRunner.Run listed = vigil("documents", "list", "--data", data.toString());
    assertThat(listed.code()).as(listed.err()).isZero();
    assertThat(listed.out()).contains("report.txt").contains("too_large").contains("bytes");

    CliRunner.Run retried = vigil("ingest", "--data", data.toString(), "--retry");

    assertThat(retried.code()).as(retried.out() + retried.err()).isZero();
    assertThat(retried.out())
        .contains("[1/1] retry report.txt (too_large): stored as doc-")
        .contains("Read 1 file: 1 stored");
    CliRunner.Run json = vigil("documents", "list", "--data", data.toString(), "--format", "json");
    assertThat(json.out())
        .contains("\"status\" : \"ingested\"")
        .contains("\"contentKept\" : false");
    try (Store store = Store.open(StoreConfig.embedded(data))) {
      String id = store.originals().list().get(0).documentId().orElseThrow();
      assertThat(store.statements().source(id, Viewer.system()).orElseThrow().marking())
          .as("the retry stores it under the marking it was first offered under")
          .isEqualTo(Marking.of(Tlp.GREEN, "public"));
    }
    assertThat(vigil("documents", "list", "--data", data.toString(), "--pending").out())
        .doesNotContain("report.txt");
  }

  @Test
  void aTruncatedDocumentIsStoredAndCountedAsTruncated() throws IOException {
    Path file = Files.writeString(inbox.resolve("report.txt"), REPORT, StandardCharsets.UTF_8);

    CliRunner.Run run = ingest("--max-document-chars", "300", file.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("report.txt: stored as doc-")
        .contains("(truncated: text cut off at the limit of 300 chars; original kept for --retry)")
        .contains(
            "1 stored, 0 duplicates, 0 near-duplicates (stored and linked), 0 rejected,"
                + " 1 truncated; 1 original kept for vigil ingest --retry.");
  }

  @Test
  void ingestWantsAPathOrRetryAndPositiveLimits() {
    assertThat(vigil("ingest", "--data", data.toString()).code()).isEqualTo(2);
    CliRunner.Run zero = ingest("--max-document-bytes", "0", inbox.toString());
    assertThat(zero.code()).isEqualTo(2);
    assertThat(zero.err()).contains("--max-document-bytes must be positive");
  }

  private static String hashOf(Store store, String fileName) {
    StringBuilder found = new StringBuilder();
    store
        .documents()
        .scanTexts(
            (id, text) -> {
              Document d = store.documents().document(id, Viewer.system()).orElseThrow();
              if (d.fileName().equals(fileName)) {
                found.append(d.contentHash());
              }
            });
    return found.toString();
  }
}
