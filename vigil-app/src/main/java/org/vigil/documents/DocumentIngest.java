/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.documents;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.vigil.access.Viewer;
import org.vigil.extract.Extraction;
import org.vigil.extract.Extractor;
import org.vigil.extract.NameIdScope;
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
import org.vigil.store.DocumentSummary;
import org.vigil.store.KeptOriginal;
import org.vigil.store.OriginalAttempt;
import org.vigil.store.SourceConflictException;
import org.vigil.store.StatementRepository.IndexUpdate;
import org.vigil.store.Store;
import org.vigil.store.StoreException;

/**
 * The front door of ingest: a document in; read, cleaned, checked against the documents already
 * stored, its mentions, relations and events extracted, and document, source and statements stored
 * in one transaction. An exact copy of a text its organisation stored already is reported and not
 * stored again; a near copy is stored and names its original. Only the documents the uploader may
 * read are compared with: another organisation's copy of the same text, readable or not, never
 * stops an upload, and an answer never names a document the uploader may not read.
 *
 * <p>Meant to be made once per process, since its reader, extractor and duplicate index are costly
 * to build. Safe for concurrent use. The caller closes the reader and the store.
 */
public final class DocumentIngest {
  /** The estimated shingle overlap from which a document is taken for a syndicated copy. */
  public static final double NEAR_DUPLICATE_THRESHOLD = 0.7;

  /** Rejected originals up to this size are copied into the store; larger ones kept by path. */
  public static final long MAX_KEPT_BYTES = 256L * 1024 * 1024;

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

  /**
   * With DEFERRED: indexes the entities that documents stored since the last call touched, and
   * those an earlier batch left unindexed when it died before its end (the store records them in
   * each document's transaction).
   */
  public void indexPending() {
    Set<String> pending = new TreeSet<>();
    synchronized (unindexed) {
      pending.addAll(unindexed);
      unindexed.clear();
    }
    if (indexUpdate == IndexUpdate.DEFERRED) {
      pending.addAll(store.documents().unindexedEntities());
    }
    store.index(pending);
    store.documents().markIndexed(pending);
  }

  public DocumentReader reader() {
    return reader;
  }

  /**
   * Ingests one file; the outcome says what became of it. A rejected or truncated file's original
   * is kept in the store (copied when at most {@link #MAX_KEPT_BYTES}, else by its path) with its
   * status, for {@link #retry}.
   */
  public IngestOutcome ingest(Path file, DocumentTerms terms) {
    requireNonNull(terms, "terms");
    return ingest(reader.read(file), Offer.ofFile(file, terms));
  }

  /** Ingests a document held in memory, such as an upload; {@code name} helps to tell its type. */
  public IngestOutcome ingest(String name, byte[] content, DocumentTerms terms) {
    requireNonNull(terms, "terms");
    return ingest(reader.read(name, content), Offer.ofBytes(name, content, terms));
  }

  /**
   * Ingests a kept original again, under this ingest's limits and the terms it was first offered
   * under: from its kept bytes, or else from the path it was read from. Its row is settled when its
   * document is stored or found already stored, in the transaction of that write.
   *
   * @throws IllegalArgumentException if the original is settled already
   */
  public IngestOutcome retry(KeptOriginal original) {
    requireNonNull(original, "original");
    if (!original.isPending()) {
      throw new IllegalArgumentException(
          original.fileName() + " (" + original.fileHash() + ") is " + original.status());
    }
    DocumentTerms terms = new DocumentTerms(original.marking(), original.reliability());
    Offer offer = Offer.ofKept(original, terms);
    String name = original.fileName();
    long maxBytes = reader.limits().maxBytes();
    if (original.contentKept()) {
      if (original.sizeBytes() > maxBytes) {
        return keep(
            IngestOutcome.rejected(
                name,
                ReadStatus.TOO_LARGE,
                original.sizeBytes() + " bytes is larger than the limit of " + maxBytes),
            offer);
      }
      Optional<byte[]> bytes =
          store.originals().content(original.marking().ownerOrg(), original.fileHash());
      if (bytes.isPresent()) {
        return ingest(reader.read(name, bytes.get()), offer);
      }
    }
    Optional<Path> path = original.originPath().map(Path::of).filter(Files::isRegularFile);
    if (path.isEmpty()) {
      return keep(
          IngestOutcome.rejected(
              name,
              ReadStatus.NOT_OPENED,
              "its bytes are not kept and "
                  + original.originPath().orElse("its origin")
                  + " is not there any more"),
          offer);
    }
    return ingest(reader.read(path.get()), offer);
  }

  /** The longest first line taken as a plain text's title; a longer one is a paragraph. */
  static final int MAX_HEADING = 150;

  /**
   * A plain or Markdown text's title: its first line that is not blank, without Markdown's heading
   * marks, when it is short enough to be a heading; other formats name their own title or none.
   */
  static Optional<String> headingOf(String mediaType, String text) {
    if (!mediaType.startsWith("text/plain") && !mediaType.startsWith("text/markdown")) {
      return Optional.empty();
    }
    return text.lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .findFirst()
        .map(line -> line.replaceFirst("^#{1,6}\\s*", "").strip())
        .filter(line -> !line.isEmpty() && line.length() <= MAX_HEADING);
  }

  private IngestOutcome ingest(ReadOutcome read, Offer offer) {
    if (read.document().isEmpty()) {
      return keep(IngestOutcome.rejected(read.name(), read.status(), read.reason()), offer);
    }
    ReadDocument document = read.document().get();
    String fileHash = document.contentHash();
    String text = WebTextCleaner.clean(document.text()).text();
    if (text.isBlank()) {
      return keep(
          IngestOutcome.rejected(
              read.name(), ReadStatus.EMPTY, "no text is left once web-page junk is removed"),
          offer);
    }
    String hash = ContentFingerprint.of(text).exactHash();
    String owner = offer.terms().marking().ownerOrg();
    Viewer uploader = offer.terms().uploader();
    // Only what the uploader may read is compared with: an answer never names, scores or admits
    // the existence of a document they may not read. Another organisation's readable copy is no
    // reason to refuse: each organisation stores its copy as its own document.
    List<DocumentSummary> readableCopies = store.documents().byContentHash(hash, uploader);
    Optional<String> stored = ownCopy(readableCopies, owner);
    if (stored.isPresent()) {
      if (read.status() == ReadStatus.TRUNCATED) {
        // The same cut-off text as before: its original still waits for a higher limit.
        keepTruncated(offer, fileHash, read.reason(), stored.get());
      } else {
        settleIfPending(offer, fileHash, KeptOriginal.DUPLICATE, stored.get());
      }
      return copy(read, stored.get()).withOriginalKept(read.status() == ReadStatus.TRUNCATED);
    }
    List<String> ids =
        List.of(documentId(owner, hash), documentId(owner + "/" + uploader.userId(), hash));
    DuplicateCheck check =
        duplicates()
            .add(ids.get(0), text, other -> !ids.contains(other) && mayRead(uploader, other));
    Optional<String> nearCopyOf;
    double similarity;
    if (!readableCopies.isEmpty()) {
      nearCopyOf = Optional.of(readableCopies.get(0).id());
      similarity = 1.0;
    } else if (check.isCopy()) {
      nearCopyOf = check.original();
      similarity = check.similarity();
    } else {
      nearCopyOf = Optional.empty();
      similarity = 0.0;
    }
    Extraction extraction;
    try {
      // Names read by this organisation get its ids: another organisation's reading of the same
      // name lands on a record of its own, never on this one.
      extraction = extractor.extract(text, NameIdScope.organisation(owner));
    } catch (RuntimeException e) {
      // A defect met on one hostile document must not end a batch of thousands: it is reported
      // with the document, whose original is kept to be ingested again once the extractor is fixed.
      return keep(
          new IngestOutcome(
              read.name(),
              IngestOutcome.Kind.REJECTED,
              read.status(),
              "extraction failed: " + e,
              Optional.empty(),
              Optional.empty(),
              0.0,
              IngestOutcome.Counts.NONE,
              false),
          offer);
    }
    boolean truncated = read.status() == ReadStatus.TRUNCATED;
    String id = ids.get(0);
    List<Statement> statements = List.of();
    for (int attempt = 0; ; attempt++) {
      id = ids.get(attempt);
      Source source =
          new Source(
              id,
              SourceKind.DOCUMENT,
              document.title().or(() -> headingOf(document.mediaType(), text)).orElse(read.name()),
              offer.terms().reliability(),
              offer.terms().marking(),
              Optional.empty(),
              Optional.of(fileHash),
              clock.instant());
      statements = extraction.toStatements(source);
      Document row =
          new Document(
              id,
              read.name(),
              document.mediaType(),
              document.language().map(DetectedLanguage::code),
              hash,
              text,
              statusName(read.status()),
              read.reason(),
              nearCopyOf,
              similarity,
              clock.instant());
      String storedAs = id;
      Optional<OriginalAttempt> original =
          truncated
              ? Optional.of(
                  offer.attempt(fileHash, "truncated", read.reason(), Optional.of(id), now()))
              : pending(offer, fileHash)
                  .map(
                      k ->
                          offer
                              .attempt(fileHash, k.status(), k.reason(), Optional.empty(), now())
                              .settled(KeptOriginal.INGESTED, "stored as " + storedAs, storedAs));
      try {
        store.documents().write(row, source, statements, indexUpdate, original);
        break;
      } catch (StoreException | SourceConflictException e) {
        Optional<String> raced = ownCopy(store.documents().byContentHash(hash, uploader), owner);
        if (raced.isPresent()) {
          return copy(read, raced.get());
        }
        if (attempt + 1 == ids.size()) {
          throw e;
        }
        // The organisation's id for this text is taken by a copy the uploader may not read (a
        // colleague's TLP:RED document, say): theirs is stored under an id of their own, and
        // they are told nothing of the other.
      }
    }
    if (indexUpdate == IndexUpdate.DEFERRED) {
      synchronized (unindexed) {
        statements.forEach(s -> unindexed.add(s.entityId()));
      }
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
        similarity,
        counts,
        truncated);
  }

  /**
   * A document's id: a hash of its owner organisation with its text, so that each organisation's
   * copy of a text is its own document and an id tells nothing that holds across organisations.
   */
  static String documentId(String owner, String contentHash) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] key = (owner + "\n" + contentHash).getBytes(StandardCharsets.UTF_8);
      return "doc-" + HexFormat.of().formatHex(digest.digest(key), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The first of the readable copies of a text that the owner organisation itself stored. */
  private static Optional<String> ownCopy(List<DocumentSummary> copies, String owner) {
    return copies.stream()
        .filter(d -> d.marking().ownerOrg().equals(owner))
        .map(DocumentSummary::id)
        .findFirst();
  }

  private boolean mayRead(Viewer uploader, String documentId) {
    return store.statements().source(documentId, uploader).isPresent();
  }

  /**
   * Records a rejected file among the kept originals, with its bytes when they can be copied. A
   * failure to keep it is told in the outcome's reason: the batch goes on.
   */
  private IngestOutcome keep(IngestOutcome rejected, Offer offer) {
    Optional<String> fileHash = offer.fileHash();
    if (fileHash.isEmpty()) {
      return rejected;
    }
    String status =
        rejected.readStatus().hasText() ? "not_extracted" : statusName(rejected.readStatus());
    try {
      store
          .originals()
          .record(
              offer.attempt(fileHash.get(), status, rejected.reason(), Optional.empty(), now()));
      return rejected.withOriginalKept(true);
    } catch (StoreException e) {
      return new IngestOutcome(
          rejected.name(),
          rejected.kind(),
          rejected.readStatus(),
          rejected.reason() + "; the original could not be kept: " + e.getMessage(),
          rejected.documentId(),
          rejected.copyOf(),
          rejected.similarity(),
          rejected.counts(),
          false);
    }
  }

  /** Records another offer of a truncated file whose cut-off text is stored already. */
  private void keepTruncated(Offer offer, String fileHash, String reason, String documentId) {
    store
        .originals()
        .record(offer.attempt(fileHash, "truncated", reason, Optional.of(documentId), now()));
  }

  /** Settles the kept original of these bytes, if one waits, now that its text is stored. */
  private void settleIfPending(Offer offer, String fileHash, String status, String documentId) {
    pending(offer, fileHash)
        .ifPresent(
            k ->
                store
                    .originals()
                    .record(
                        offer
                            .attempt(fileHash, k.status(), k.reason(), Optional.empty(), now())
                            .settled(
                                status, "the same text is stored as " + documentId, documentId)));
  }

  /** The pending kept original of these bytes that the offer's own organisation recorded. */
  private Optional<KeptOriginal> pending(Offer offer, String fileHash) {
    return store
        .originals()
        .find(offer.terms().marking().ownerOrg(), fileHash)
        .filter(KeptOriginal::isPending);
  }

  private Instant now() {
    return clock.instant();
  }

  private static String statusName(ReadStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
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
        IngestOutcome.Counts.NONE,
        false);
  }

  /**
   * A file offered for ingest, with what it takes to keep its original: its size, hash (computed
   * only when needed), the path it came from and a way to read its bytes again.
   */
  private record Offer(
      String name,
      DocumentTerms terms,
      long size,
      Supplier<Optional<String>> hash,
      Optional<String> originPath,
      Optional<OriginalAttempt.Content> content) {

    static Offer ofBytes(String name, byte[] bytes, DocumentTerms terms) {
      return new Offer(
          name,
          terms,
          bytes.length,
          () -> sha256(new ByteArrayInputStream(bytes)),
          Optional.empty(),
          Optional.of(() -> new ByteArrayInputStream(bytes)));
    }

    static Offer ofFile(Path file, DocumentTerms terms) {
      String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
      long size;
      try {
        size = Files.size(file);
      } catch (IOException e) {
        // Not there or not readable: nothing to keep.
        return new Offer(name, terms, 0, Optional::empty, Optional.empty(), Optional.empty());
      }
      return new Offer(
          name,
          terms,
          size,
          () -> {
            try (InputStream in = Files.newInputStream(file)) {
              return sha256(in);
            } catch (IOException e) {
              return Optional.empty();
            }
          },
          Optional.of(file.toAbsolutePath().toString()),
          size <= MAX_KEPT_BYTES
              ? Optional.of(() -> Files.newInputStream(file))
              : Optional.empty());
    }

    static Offer ofKept(KeptOriginal original, DocumentTerms terms) {
      return new Offer(
          original.fileName(),
          terms,
          original.sizeBytes(),
          () -> Optional.of(original.fileHash()),
          original.originPath(),
          Optional.empty());
    }

    Optional<String> fileHash() {
      return hash.get();
    }

    OriginalAttempt attempt(
        String fileHash, String status, String reason, Optional<String> documentId, Instant at) {
      return new OriginalAttempt(
          fileHash,
          name,
          size,
          status,
          reason,
          terms.marking(),
          terms.reliability(),
          originPath,
          documentId,
          at,
          content);
    }

    private static Optional<String> sha256(InputStream in) {
      try {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 16];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          digest.update(buffer, 0, n);
        }
        return Optional.of("sha256:" + HexFormat.of().formatHex(digest.digest()));
      } catch (IOException e) {
        return Optional.empty();
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java runtime has SHA-256", e);
      }
    }
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
