/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.documents;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.vigil.extract.Extraction;
import org.vigil.extract.Extractor;
import org.vigil.ingest.ContentFingerprint;
import org.vigil.ingest.DetectedLanguage;
import org.vigil.ingest.DocumentReader;
import org.vigil.ingest.DuplicateCheck;
import org.vigil.ingest.DuplicateIndex;
import org.vigil.ingest.ReadDocument;
import org.vigil.ingest.ReadOutcome;
import org.vigil.ingest.ReadStatus;
import org.vigil.ingest.WebTextCleaner;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Statement;
import org.vigil.store.Document;
import org.vigil.store.StatementRepository.IndexUpdate;
import org.vigil.store.Store;
import org.vigil.store.StoreException;

/**
 * The front door of ingest: a document in; read, cleaned, checked against the documents already
 * stored, its mentions, relations and events extracted, and document, source and statements stored
 * in one transaction. An exact copy of a stored text is reported and not stored again; a near copy
 * is stored and names its original.
 *
 * <p>Meant to be made once per process, since its reader, extractor and duplicate index are costly
 * to build. Safe for concurrent use. The caller closes the reader and the store.
 */
public final class DocumentIngest {
  /** The estimated shingle overlap from which a document is taken for a syndicated copy. */
  public static final double NEAR_DUPLICATE_THRESHOLD = 0.7;

  private final Store store;
  private final DocumentReader reader;
  private final Extractor extractor;
  private final Clock clock;
  private final IndexUpdate indexUpdate;
  private final Set<String> unindexed = new LinkedHashSet<>();
  private DuplicateIndex duplicates;

  /** An ingest whose documents reach the search index as soon as each is stored. */
  public DocumentIngest(Store store, DocumentReader reader, Extractor extractor, Clock clock) {
    this(store, reader, extractor, clock, IndexUpdate.IMMEDIATE);
  }

  /**
   * An ingest that, with {@link IndexUpdate#DEFERRED}, leaves the search index alone until {@link
   * #indexPending()}: a batch then indexes each entity once, however many of its documents name it.
   */
  public DocumentIngest(
      Store store,
      DocumentReader reader,
      Extractor extractor,
      Clock clock,
      IndexUpdate indexUpdate) {
    this.store = requireNonNull(store, "store");
    this.reader = requireNonNull(reader, "reader");
    this.extractor = requireNonNull(extractor, "extractor");
    this.clock = requireNonNull(clock, "clock");
    this.indexUpdate = requireNonNull(indexUpdate, "indexUpdate");
  }

  /** Indexes the entities that documents stored since the last call touched; with DEFERRED only. */
  public void indexPending() {
    List<String> pending;
    synchronized (unindexed) {
      pending = List.copyOf(unindexed);
      unindexed.clear();
    }
    store.index(pending);
  }

  public DocumentReader reader() {
    return reader;
  }

  /** Ingests one file; the outcome says what became of it. */
  public IngestOutcome ingest(Path file, DocumentTerms terms) {
    return ingest(reader.read(file), terms);
  }

  /** Ingests a document held in memory, such as an upload; {@code name} helps to tell its type. */
  public IngestOutcome ingest(String name, byte[] content, DocumentTerms terms) {
    return ingest(reader.read(name, content), terms);
  }

  private IngestOutcome ingest(ReadOutcome read, DocumentTerms terms) {
    requireNonNull(terms, "terms");
    if (read.document().isEmpty()) {
      return IngestOutcome.rejected(read.name(), read.status(), read.reason());
    }
    ReadDocument document = read.document().get();
    String text = WebTextCleaner.clean(document.text()).text();
    if (text.isBlank()) {
      return IngestOutcome.rejected(
          read.name(), ReadStatus.EMPTY, "no text is left once web-page junk is removed");
    }
    String hash = ContentFingerprint.of(text).exactHash();
    String id = "doc-" + hash.substring(hash.indexOf(':') + 1, hash.indexOf(':') + 1 + 32);
    Optional<String> stored = store.documents().byContentHash(hash);
    if (stored.isPresent()) {
      return copy(read, stored.get());
    }
    DuplicateCheck check = duplicates().add(id, text);
    if (check.kind() == DuplicateCheck.Kind.EXACT_DUPLICATE
        && !check.original().orElseThrow().equals(id)) {
      // Held in memory but not stored: a failed earlier write. This one stores it.
      return copy(read, check.original().get());
    }
    Optional<String> nearCopyOf =
        check.kind() == DuplicateCheck.Kind.NEAR_DUPLICATE ? check.original() : Optional.empty();
    Extraction extraction;
    List<Statement> statements;
    Source source =
        new Source(
            id,
            SourceKind.DOCUMENT,
            document.title().orElse(read.name()),
            terms.reliability(),
            terms.marking(),
            Optional.empty(),
            Optional.of(document.contentHash()),
            clock.instant());
    try {
      extraction = extractor.extract(text);
      statements = extraction.toStatements(source);
    } catch (RuntimeException e) {
      // A defect met on one hostile document must not end a batch of thousands: it is reported
      // with the document, which can be ingested again once the extractor is fixed.
      return new IngestOutcome(
          read.name(),
          IngestOutcome.Kind.REJECTED,
          read.status(),
          "extraction failed: " + e,
          Optional.empty(),
          Optional.empty(),
          0.0,
          IngestOutcome.Counts.NONE);
    }
    Document row =
        new Document(
            id,
            read.name(),
            document.mediaType(),
            document.language().map(DetectedLanguage::code),
            hash,
            text,
            read.status().name().toLowerCase(Locale.ROOT),
            read.reason(),
            nearCopyOf,
            nearCopyOf.isPresent() ? check.similarity() : 0.0,
            clock.instant());
    try {
      store.documents().write(row, source, statements, indexUpdate);
      if (indexUpdate == IndexUpdate.DEFERRED) {
        synchronized (unindexed) {
          statements.forEach(s -> unindexed.add(s.entityId()));
        }
      }
    } catch (StoreException e) {
      Optional<String> raced = store.documents().byContentHash(hash);
      if (raced.isPresent()) {
        return copy(read, raced.get());
      }
      throw e;
    }
    IngestOutcome.Counts counts =
        new IngestOutcome.Counts(
            extraction.mentions().size(),
            extraction.relations().size(),
            extraction.events().size(),
            statements.size());
    return new IngestOutcome(
        read.name(),
        nearCopyOf.isPresent() ? IngestOutcome.Kind.NEAR_DUPLICATE : IngestOutcome.Kind.STORED,
        read.status(),
        read.reason(),
        Optional.of(id),
        nearCopyOf,
        nearCopyOf.isPresent() ? check.similarity() : 0.0,
        counts);
  }

  private static IngestOutcome copy(ReadOutcome read, String original) {
    return new IngestOutcome(
        read.name(),
        IngestOutcome.Kind.EXACT_DUPLICATE,
        read.status(),
        "the same text is already stored as " + original,
        Optional.of(original),
        Optional.of(original),
        1.0,
        IngestOutcome.Counts.NONE);
  }

  /** The index of the stored texts, loaded from the store on first use. */
  private synchronized DuplicateIndex duplicates() {
    if (duplicates == null) {
      DuplicateIndex index = new DuplicateIndex(NEAR_DUPLICATE_THRESHOLD);
      store.documents().scanTexts(index::add);
      duplicates = index;
    }
    return duplicates;
  }
}
