/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.documents;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.vigil.audit.AuditEvent;
import org.vigil.resolution.BackgroundResolution;
import org.vigil.resolution.CrossReferencing;
import org.vigil.resolution.ResolutionRun;
import org.vigil.store.KeptOriginal;
import org.vigil.store.Store;
import org.vigil.watchlists.ListScreening;

/**
 * Adding documents and the resolution that follows them: the one front door behind {@code vigil
 * ingest}, {@code POST /api/v1/documents} and the demo (its reports and its corpus). A {@link
 * Request} describes a batch; {@link #add} executes it and answers an {@link Outcome}. Each item is
 * ingested by {@link DocumentIngest} (a bad document is an outcome, and the batch goes on); when
 * any item stored new text, the store's entities are resolved and cross-referenced against the
 * lists, at once or on the server's background thread, as {@link Then} says.
 *
 * <p>One batch at a time per intake; the store, the ingest and the resolution are the caller's.
 */
public final class DocumentIntake {

  /** One document to add. */
  public sealed interface Item permits FromFile, FromBytes, Retry {}

  /** A file, under {@code terms}. */
  public record FromFile(Path file, DocumentTerms terms) implements Item {
    public FromFile {
      requireNonNull(file, "file");
      requireNonNull(terms, "terms");
    }
  }

  /** Content received under a file name (an upload), under {@code terms}. */
  public record FromBytes(String name, byte[] content, DocumentTerms terms) implements Item {
    public FromBytes {
      requireNonNull(name, "name");
      requireNonNull(content, "content");
      requireNonNull(terms, "terms");
    }
  }

  /** A kept original, again, under the terms it was first offered under. */
  public record Retry(KeptOriginal original) implements Item {
    public Retry {
      requireNonNull(original, "original");
    }
  }

  /**
   * A batch to add.
   *
   * @param items the documents, in the order they are added and answered
   * @param audit the audit record of each outcome, written in the transaction that stores its
   *     document (see {@code Store#audited}), so that a document is never stored without its row;
   *     empty when the caller audits otherwise
   */
  public record Request(List<Item> items, Optional<Function<IngestOutcome, AuditEvent>> audit) {
    public Request {
      items = List.copyOf(items);
      requireNonNull(audit, "audit");
    }

    /** A batch whose documents are audited by {@code audit}, each in its own transaction. */
    public static Request audited(List<Item> items, Function<IngestOutcome, AuditEvent> audit) {
      return new Request(items, Optional.of(audit));
    }

    /** A batch the caller audits itself. */
    public static Request unaudited(List<Item> items) {
      return new Request(items, Optional.empty());
    }
  }

  /** What follows a batch that stored new text. */
  public sealed interface Then permits ResolveAtOnce, ResolveInBackground, ResolveByCaller {}

  /** Resolution runs before {@link #add} returns, and its outcome is part of the answer. */
  public record ResolveAtOnce(ResolutionRun run) implements Then {
    public ResolveAtOnce {
      requireNonNull(run, "run");
    }
  }

  /** Resolution is scheduled on the server's thread; the answer does not wait for it. */
  public record ResolveInBackground(BackgroundResolution resolution) implements Then {
    public ResolveInBackground {
      requireNonNull(resolution, "resolution");
    }
  }

  /**
   * No resolution here: the caller resolves once after several loads (the demo's reports loaded by
   * themselves in tests, say).
   */
  public record ResolveByCaller() implements Then {}

  /**
   * What came of a batch.
   *
   * @param documents one outcome per item, in order
   * @param resolution the resolution run at once, when one ran
   */
  public record Outcome(List<IngestOutcome> documents, Optional<ResolutionRun.Outcome> resolution) {
    public Outcome {
      documents = List.copyOf(documents);
      requireNonNull(resolution, "resolution");
    }
  }

  private final Store store;
  private final DocumentIngest ingest;
  private final Then then;

  public DocumentIntake(Store store, DocumentIngest ingest, Then then) {
    this.store = requireNonNull(store, "store");
    this.ingest = requireNonNull(ingest, "ingest");
    this.then = requireNonNull(then, "then");
  }

  /**
   * An intake whose batches are resolved and cross-referenced against {@code screening}'s lists,
   * with the default threshold, before {@link #add} returns (the command line and the demo).
   */
  public static DocumentIntake resolvingAtOnce(
      Store store, DocumentIngest ingest, ListScreening screening, Clock clock) {
    return new DocumentIntake(
        store,
        ingest,
        new ResolveAtOnce(new ResolutionRun(screening, CrossReferencing.DEFAULT_THRESHOLD, clock)));
  }

  /**
   * Ingests every item of {@code request} in order, telling {@code done} of each outcome as it
   * comes, then resolves if any stored new text. Entities waiting for the search index are indexed
   * at the end, also when the batch is cut short by an exception.
   */
  public Outcome add(Request request, Consumer<IngestOutcome> done) {
    return add(request.items(), done, request.audit());
  }

  private Outcome add(
      List<Item> items,
      Consumer<IngestOutcome> done,
      Optional<Function<IngestOutcome, AuditEvent>> audit) {
    List<IngestOutcome> outcomes = new ArrayList<>();
    try {
      for (Item item : items) {
        IngestOutcome outcome =
            audit.isPresent() ? store.audited(() -> ingestOne(item), audit.get()) : ingestOne(item);
        outcomes.add(outcome);
        done.accept(outcome);
      }
    } finally {
      ingest.indexPending();
    }
    boolean storedText = outcomes.stream().anyMatch(DocumentIntake::storedText);
    return new Outcome(outcomes, storedText ? resolve() : Optional.empty());
  }

  /**
   * Resolution as after a batch that stored new text, for documents that reached the store another
   * way (the demo's own reports): its outcome when it ran at once.
   */
  public Optional<ResolutionRun.Outcome> resolve() {
    if (then instanceof ResolveAtOnce now) {
      return Optional.of(now.run().run(store));
    }
    if (then instanceof ResolveInBackground later) {
      later.resolution().request(store);
    }
    return Optional.empty();
  }

  private IngestOutcome ingestOne(Item item) {
    if (item instanceof FromFile file) {
      return ingest.ingest(file.file(), file.terms());
    }
    if (item instanceof FromBytes bytes) {
      return ingest.ingest(bytes.name(), bytes.content(), bytes.terms());
    }
    return ingest.retry(((Retry) item).original());
  }

  private static boolean storedText(IngestOutcome o) {
    return o.kind() == IngestOutcome.Kind.STORED || o.kind() == IngestOutcome.Kind.NEAR_DUPLICATE;
  }
}
