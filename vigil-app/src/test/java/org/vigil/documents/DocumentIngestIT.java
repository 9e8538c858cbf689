/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.documents.TestDocuments.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Viewer;
import org.vigil.extract.Extractor;
import org.vigil.ingest.DocumentReader;
import org.vigil.ingest.IngestLimits;
import org.vigil.ingest.ReadStatus;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Tlp;
import org.vigil.store.Document;
import org.vigil.store.KeptOriginal;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/**
 * Ingest into a real embedded store: every listed format goes through, every kind of bad file is
 * rejected with its reason and its original kept, and a retry under raised limits stores it.
 */
class DocumentIngestIT {
  private static final DocumentTerms TERMS =
      new DocumentTerms(Marking.of(Tlp.AMBER, "org-a"), Reliability.B);

  @TempDir Path data;
  @TempDir Path inbox;

  private Store store;

  @BeforeEach
  void openStore() {
    store = Store.open(StoreConfig.embedded(data));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  private IngestOutcome ingestUnder(IngestLimits limits, Path file) {
    try (DocumentReader reader = DocumentReader.create(limits)) {
      return new DocumentIngest(store, reader, Extractor.standard(), Clock.systemUTC())
          .ingest(file, TERMS);
    }
  }

  private IngestOutcome retryUnder(IngestLimits limits, KeptOriginal original) {
    try (DocumentReader reader = DocumentReader.create(limits)) {
      return new DocumentIngest(store, reader, Extractor.standard(), Clock.systemUTC())
          .retry(original);
    }
  }

  private Path write(String name, byte[] content) throws IOException {
    return Files.write(inbox.resolve(name), content);
  }

  @Test
  void everyListedFormatIsStoredWithItsStatements() throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("briefing.txt", TestDocuments.utf8(report("plain text")));
    files.put("briefing.html", TestDocuments.html(report("web page")));
    files.put("briefing.pdf", TestDocuments.pdf(report("PDF")));
    files.put("briefing.docx", TestDocuments.docx(report("Word")));
    files.put("briefing.doc", TestDocuments.doc());
    files.put("briefing.odt", TestDocuments.odt(report("OpenDocument")));
    files.put("briefing.rtf", TestDocuments.rtf(report("rich text")));
    files.put("briefing.eml", TestDocuments.eml(report("e-mail")));

    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      IngestOutcome outcome =
          ingestUnder(IngestLimits.DEFAULT, write(file.getKey(), file.getValue()));

      assertThat(outcome.kind())
          .as(file.getKey() + ": " + outcome.reason())
          .isIn(IngestOutcome.Kind.STORED, IngestOutcome.Kind.NEAR_DUPLICATE);
      assertThat(outcome.counts().statements()).as(file.getKey()).isPositive();
      Document stored =
          store
              .documents()
              .document(outcome.documentId().orElseThrow(), Viewer.system())
              .orElseThrow();
      assertThat(stored.text()).as(file.getKey()).contains("Sharifi-Zindashti");
      assertThat(stored.fileName()).isEqualTo(file.getKey());
    }
    assertThat(store.documents().count()).isEqualTo(files.size());
    assertThat(store.originals().list()).as("nothing was rejected or truncated").isEmpty();
  }

  @Test
  void badFilesAreRejectedWithTheirReasonsAndKeptWhileTheBatchGoesOn() throws IOException {
    Map<Path, ReadStatus> expected = new LinkedHashMap<>();
    String text = report("locked");
    expected.put(write("locked.pdf", TestDocuments.encryptedPdf(text)), ReadStatus.ENCRYPTED);
    expected.put(write("bomb.zip", TestDocuments.zipBomb()), ReadStatus.ZIP_BOMB);
    expected.put(write("empty.txt", new byte[0]), ReadStatus.EMPTY);
    expected.put(write("shifted.txt", TestDocuments.unknownEncoding(text)), ReadStatus.UNREADABLE);
    expected.put(
        TestDocuments.sparseFile(inbox.resolve("huge.txt"), 2L * 1024 * 1024 * 1024),
        ReadStatus.TOO_LARGE);
    Path junk = write("junk.bin", TestDocuments.junk(20_000, 7));
    Path corrupt = write("broken.pdf", TestDocuments.corruptPdf(text));
    Path good = write("good.txt", TestDocuments.utf8(report("good")));

    for (Map.Entry<Path, ReadStatus> file : expected.entrySet()) {
      IngestOutcome outcome = ingestUnder(IngestLimits.DEFAULT, file.getKey());
      assertThat(outcome.kind()).as(outcome.reason()).isEqualTo(IngestOutcome.Kind.REJECTED);
      assertThat(outcome.readStatus()).as(outcome.reason()).isEqualTo(file.getValue());
      assertThat(outcome.originalKept()).isTrue();
    }
    IngestOutcome junkOutcome = ingestUnder(IngestLimits.DEFAULT, junk);
    assertThat(junkOutcome.readStatus())
        .as(junkOutcome.reason())
        .isIn(ReadStatus.UNSUPPORTED, ReadStatus.UNREADABLE);
    IngestOutcome corruptOutcome = ingestUnder(IngestLimits.DEFAULT, corrupt);
    assertThat(corruptOutcome.readStatus())
        .as(corruptOutcome.reason())
        .isIn(ReadStatus.CORRUPT, ReadStatus.EMPTY);
    assertThat(ingestUnder(IngestLimits.DEFAULT, good).kind()).isEqualTo(IngestOutcome.Kind.STORED);

    List<KeptOriginal> kept = store.originals().list();
    assertThat(kept).hasSize(7).allMatch(KeptOriginal::isPending);
    assertThat(kept)
        .extracting(KeptOriginal::fileName)
        .containsExactlyInAnyOrder(
            "locked.pdf",
            "bomb.zip",
            "empty.txt",
            "shifted.txt",
            "huge.txt",
            "junk.bin",
            "broken.pdf");
    for (KeptOriginal k : kept) {
      assertThat(k.fileHash()).matches("sha256:[0-9a-f]{64}");
      assertThat(k.reason()).isNotBlank();
      assertThat(k.marking()).isEqualTo(TERMS.marking());
      assertThat(k.sizeBytes()).isEqualTo(Files.size(inbox.resolve(k.fileName())));
      assertThat(k.originPath()).contains(inbox.resolve(k.fileName()).toAbsolutePath().toString());
    }
    KeptOriginal huge =
        kept.stream().filter(k -> k.fileName().equals("huge.txt")).findFirst().get();
    assertThat(huge.status()).isEqualTo("too_large");
    assertThat(huge.contentKept()).as("2 GiB is kept by its path, not copied").isFalse();
    KeptOriginal locked =
        kept.stream().filter(k -> k.fileName().equals("locked.pdf")).findFirst().get();
    assertThat(locked.status()).isEqualTo("encrypted");
    assertThat(store.originals().content("org-a", locked.fileHash()))
        .hasValueSatisfying(b -> assertThat(b).isEqualTo(readAll(inbox.resolve("locked.pdf"))));
    assertThat(store.documents().count()).isEqualTo(1);
  }

  @Test
  void aRetryStoresEachOrganisationsKeptOriginalUnderItsOwnOwnerAndMarking() throws IOException {
    Path file = write("shared-report.txt", TestDocuments.utf8(report("shared")));
    DocumentTerms termsB = new DocumentTerms(Marking.of(Tlp.GREEN, "org-b"), Reliability.D);
    try (DocumentReader reader = DocumentReader.create(IngestLimits.DEFAULT.withMaxBytes(100))) {
      DocumentIngest small =
          new DocumentIngest(store, reader, Extractor.standard(), Clock.systemUTC());
      small.ingest(file, TERMS);
      small.ingest(file, termsB);
    }
    List<KeptOriginal> kept = store.originals().list();
    assertThat(kept)
        .extracting(k -> k.marking().ownerOrg())
        .containsExactlyInAnyOrder("org-a", "org-b");

    for (KeptOriginal original : kept) {
      IngestOutcome retried = retryUnder(IngestLimits.DEFAULT, original);

      assertThat(retried.isKept()).as(retried.reason()).isTrue();
      String id = retried.documentId().orElseThrow();
      assertThat(store.statements().source(id, Viewer.system()).orElseThrow().marking())
          .isEqualTo(original.marking());
      KeptOriginal settled =
          store.originals().find(original.marking().ownerOrg(), original.fileHash()).orElseThrow();
      assertThat(settled.documentId()).contains(id);
    }
    assertThat(store.documents().count()).as("one document per organisation").isEqualTo(2);
  }

  @Test
  void aFileRejectedAsTooLargeIsStoredByARetryOnceTheLimitIsRaised() throws IOException {
    Path file = write("long-report.txt", TestDocuments.utf8(report("retried")));
    IngestOutcome first = ingestUnder(IngestLimits.DEFAULT.withMaxBytes(100), file);
    assertThat(first.readStatus()).isEqualTo(ReadStatus.TOO_LARGE);
    KeptOriginal kept = store.originals().list().get(0);
    Files.delete(file);

    IngestOutcome retried = retryUnder(IngestLimits.DEFAULT, kept);

    assertThat(retried.kind()).as(retried.reason()).isEqualTo(IngestOutcome.Kind.STORED);
    KeptOriginal settled = store.originals().find("org-a", kept.fileHash()).orElseThrow();
    assertThat(settled.status()).isEqualTo(KeptOriginal.INGESTED);
    assertThat(settled.documentId()).isEqualTo(retried.documentId());
    assertThat(settled.attempts()).isEqualTo(2);
    assertThat(settled.contentKept()).as("the bytes are let go once stored").isFalse();
    assertThat(
            store.statements().source(retried.documentId().get(), Viewer.system()).get().marking())
        .as("stored under the terms it was first offered under")
        .isEqualTo(TERMS.marking());
  }

  @Test
  void aTruncatedDocumentIsStoredWithItsOriginalKeptAndARetryStoresItWhole() throws IOException {
    StringBuilder parts = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      parts.append(report("part " + i)).append('\n');
    }
    Path file = write("report.txt", TestDocuments.utf8(parts.toString()));
    IngestOutcome cut = ingestUnder(IngestLimits.DEFAULT.withMaxChars(300), file);
    assertThat(cut.kind()).as(cut.reason()).isEqualTo(IngestOutcome.Kind.STORED);
    assertThat(cut.isTruncated()).isTrue();
    assertThat(cut.originalKept()).isTrue();
    KeptOriginal kept = store.originals().list().get(0);
    assertThat(kept.status()).isEqualTo("truncated");
    assertThat(kept.documentId()).isEqualTo(cut.documentId());
    assertThat(kept.contentKept()).isTrue();

    IngestOutcome again = ingestUnder(IngestLimits.DEFAULT.withMaxChars(300), file);
    assertThat(again.kind()).isEqualTo(IngestOutcome.Kind.EXACT_DUPLICATE);
    KeptOriginal stillKept = store.originals().find("org-a", kept.fileHash()).orElseThrow();
    assertThat(stillKept.status()).as("still waiting for a higher limit").isEqualTo("truncated");
    assertThat(stillKept.contentKept()).isTrue();
    assertThat(stillKept.attempts()).isEqualTo(2);

    IngestOutcome whole = retryUnder(IngestLimits.DEFAULT, stillKept);

    assertThat(whole.isTruncated()).isFalse();
    assertThat(whole.isKept()).as(whole.reason()).isTrue();
    Document stored =
        store.documents().document(whole.documentId().orElseThrow(), Viewer.system()).orElseThrow();
    assertThat(stored.text()).contains("part 4").hasSizeGreaterThan(800);
    assertThat(store.originals().find("org-a", kept.fileHash()).orElseThrow().status())
        .isEqualTo(KeptOriginal.INGESTED);
  }

  @Test
  void aParseOverItsTimeLimitIsRejectedAndStoredByARetryWithMoreTime() throws IOException {
    Path file = write("slow.pdf", TestDocuments.pdf(report("slow")));
    IngestOutcome timedOut =
        ingestUnder(IngestLimits.DEFAULT.withParseTimeout(Duration.ofMillis(1)), file);
    assertThat(timedOut.readStatus()).as(timedOut.reason()).isEqualTo(ReadStatus.TIMED_OUT);
    KeptOriginal kept = store.originals().list().get(0);
    assertThat(kept.status()).isEqualTo("timed_out");
    assertThat(kept.reason()).contains("PT0.001S");

    IngestOutcome retried = retryUnder(IngestLimits.DEFAULT, kept);

    assertThat(retried.kind()).as(retried.reason()).isEqualTo(IngestOutcome.Kind.STORED);
    assertThat(store.originals().find("org-a", kept.fileHash()).orElseThrow().isPending())
        .isFalse();
  }

  private static byte[] readAll(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
