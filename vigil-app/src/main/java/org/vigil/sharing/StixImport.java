/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.sharing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditEvent;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;
import org.vigil.stix.StixBundleIndex;
import org.vigil.stix.StixBundleReader;
import org.vigil.stix.StixBundleStream;
import org.vigil.stix.StixImportPlan;
import org.vigil.stix.StixTime;
import org.vigil.store.Store;
import org.vigil.store.TaxiiRepository;

/**
 * The front door of STIX imports: a bundle becomes one source of the importing organisation, the
 * statements of the objects Vigil has a schema for, and every valid object kept whole in the
 * organisation's TAXII collection of the bundle's level (unknown properties and custom objects
 * included, so nothing is dropped). A refused object is reported with its reason and the rest goes
 * on; everything that is written is written in one transaction with its audit row, so a failure
 * leaves nothing half written. Thread-safe; the caller owns the store.
 */
public final class StixImport {
  /** The largest bundle read, in bytes. */
  public static final long MAX_BYTES = 256L * 1024 * 1024;

  /**
   * The objects planned and written at a time: a bundle is read twice as a stream (once to check it
   * whole and index its ids, once to write), and never more than one batch of its objects is held
   * in memory.
   */
  static final int BATCH = 2_000;

  private final Store store;
  private final Clock clock;

  /**
   * The deepest nesting a bundle may have to be read at all; objects nested deeper than {@link
   * StixBundleReader#MAX_OBJECT_DEPTH} are then refused one by one, the others imported.
   */
  static final int MAX_DOCUMENT_DEPTH = StixBundleStream.MAX_DOCUMENT_DEPTH;

  public StixImport(Store store, Clock clock) {
    this.store = requireNonNull(store, "store");
    this.clock = requireNonNull(clock, "clock");
  }

  /** What an import did. */
  public record Outcome(
      String sourceId,
      int objects,
      int kept,
      int mapped,
      int statements,
      int revoked,
      List<StixImportPlan.Rejected> rejected,
      List<DanglingReferences.Dangling> dangling) {
    public Outcome {
      requireNonNull(sourceId, "sourceId");
      rejected = List.copyOf(rejected);
      dangling = List.copyOf(dangling);
    }
  }

  /** Opens the bundle's bytes again at each reading. */
  @FunctionalInterface
  interface Opener {
    InputStream open() throws IOException;
  }

  /**
   * Imports {@code bundle} (its bytes, named {@code name}) for {@code ownerOrg} at {@code tlp}.
   *
   * @throws InvalidValueException when the bytes are not a STIX bundle, the level is RED, or the
   *     organisation does not exist; nothing is written then
   */
  public Outcome importBundle(
      byte[] bundle, String name, String ownerOrg, Tlp tlp, Reliability reliability, String actor) {
    requireNonNull(bundle, "bundle");
    return importStream(
        () -> new ByteArrayInputStream(bundle),
        bundle.length,
        name,
        ownerOrg,
        tlp,
        reliability,
        actor);
  }

  /**
   * Imports the bundle in {@code file}, read as a stream, so that its size bounds neither the heap
   * nor the import (only {@link #MAX_BYTES} does).
   *
   * @throws InvalidValueException as {@link #importBundle}, or when the file cannot be read
   */
  public Outcome importFile(
      Path file, String ownerOrg, Tlp tlp, Reliability reliability, String actor) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new InvalidValueException(file.getFileName() + " could not be read");
    }
    return importStream(
        () -> Files.newInputStream(file),
        size,
        file.getFileName().toString(),
        ownerOrg,
        tlp,
        reliability,
        actor);
  }

  /**
   * The import itself. A first pass reads the whole bundle (JSON, nesting, shape), takes its hash
   * and indexes its ids before anything is written; the second reads it again and writes it a batch
   * at a time, all in one transaction with the audit row, so a bundle is imported whole (its valid
   * objects) or, on any failure, not at all.
   */
  private Outcome importStream(
      Opener bundle,
      long size,
      String name,
      String ownerOrg,
      Tlp tlp,
      Reliability reliability,
      String actor) {
    if (size > MAX_BYTES) {
      throw new InvalidValueException(
          "the bundle is " + size + " bytes; the limit is " + MAX_BYTES);
    }
    if (tlp == Tlp.RED) {
      throw new InvalidValueException("a bundle cannot be imported as RED: RED names people");
    }
    store
        .accounts()
        .organization(ownerOrg)
        .orElseThrow(() -> new InvalidValueException("no organisation '" + ownerOrg + "'"));
    StixBundleIndex index = new StixBundleIndex();
    String hash = read(bundle, name, index::offer).hash();
    Instant now = clock.instant();
    Source source =
        new Source(
            "stix-" + hash.substring(0, 24),
            SourceKind.STIX_BUNDLE,
            name,
            reliability,
            Marking.of(tlp, ownerOrg),
            Optional.empty(),
            Optional.of("sha256:" + hash),
            now);
    ReceivedMarkings markings =
        new ReceivedMarkings(
            tlp,
            tlp,
            level ->
                level == Tlp.RED ? Optional.empty() : Optional.of(Marking.of(level, ownerOrg)));
    DanglingReferences references = new DanglingReferences(store, ownerOrg, "bundle");
    Tally tally =
        store.audited(
            () -> {
              Tally t = new Tally();
              List<JsonNode> batch = new ArrayList<>();
              int[] first = {0};
              Read again =
                  read(
                      bundle,
                      name,
                      (o, position) -> {
                        if (batch.isEmpty()) {
                          first[0] = position;
                        }
                        batch.add(o);
                        if (batch.size() >= BATCH) {
                          t.add(batch, first[0], index, source, markings, references, now);
                          batch.clear();
                        }
                      });
              t.add(batch, first[0], index, source, markings, references, now);
              if (!again.hash().equals(hash)) {
                throw new InvalidValueException(
                    name + " changed while it was read; nothing was imported");
              }
              t.objects = again.objects();
              return t;
            },
            t ->
                new AuditEvent(
                    actor,
                    AuditAction.WRITE,
                    source.id(),
                    "imported STIX bundle "
                        + name
                        + ": "
                        + t.kept
                        + " objects kept, "
                        + t.mapped
                        + " mapped, "
                        + t.refused.size()
                        + " refused, "
                        + t.dangling.size()
                        + " dangling references",
                    actor,
                    now));
    return new Outcome(
        source.id(),
        tally.objects,
        tally.kept,
        tally.mapped,
        tally.statements,
        tally.revoked,
        tally.refused,
        tally.dangling);
  }

  /** What the batches of an import wrote, added up. */
  private final class Tally {
    int objects;
    int kept;
    int mapped;
    int statements;
    int revoked;
    final List<StixImportPlan.Rejected> refused = new ArrayList<>();
    final List<DanglingReferences.Dangling> dangling = new ArrayList<>();

    /** Plans, checks and writes one batch; call inside the import's transaction. */
    void add(
        List<JsonNode> batch,
        int position,
        StixBundleIndex index,
        Source source,
        ReceivedMarkings markings,
        DanglingReferences references,
        Instant now) {
      if (batch.isEmpty()) {
        return;
      }
      StixImportPlan plan = StixBundleReader.planBatch(batch, position, index, source);
      dangling.addAll(references.of(plan.kept(), index::contains));
      Received received = receive(plan, markings, now);
      write(source, received, source.marking().ownerOrg(), now);
      kept += received.rawCount();
      mapped += plan.mapped();
      statements += received.statements().size();
      revoked += plan.revoked();
      refused.addAll(received.refused());
    }
  }

  /** A bundle read to its end: how many objects it held, and the SHA-256 of its bytes. */
  private record Read(int objects, String hash) {}

  private static Read read(Opener bundle, String name, StixBundleStream.ObjectSink sink) {
    MessageDigest digest = sha256();
    int objects;
    try (InputStream in = new DigestInputStream(new BufferedInputStream(bundle.open()), digest)) {
      objects = StixBundleStream.read(in, name, sink);
      in.transferTo(OutputStream.nullOutputStream()); // the hash is of every byte
    } catch (IOException e) {
      throw new InvalidValueException(name + " could not be read");
    }
    return new Read(objects, HexFormat.of().formatHex(digest.digest()));
  }

  /**
   * What received objects will write: their statements, each under the marking of the property it
   * was read from (granular markings honoured), and the objects kept whole, each in the collection
   * of its most restrictive marking; what may not be stored here is refused with the reason.
   */
  record Received(
      List<Statement> statements,
      Map<Tlp, List<TaxiiRepository.NewObject>> raw,
      List<StixImportPlan.Rejected> refused) {
    Received {
      statements = List.copyOf(statements);
      raw = Map.copyOf(raw);
      refused = List.copyOf(refused);
    }

    int rawCount() {
      return raw.values().stream().mapToInt(List::size).sum();
    }
  }

  static Received receive(StixImportPlan plan, ReceivedMarkings markings, Instant now) {
    Map<String, ObjectNode> newest = new HashMap<>();
    for (ObjectNode o : plan.kept()) {
      newest.merge(
          o.get("id").asText(),
          o,
          (a, b) -> versionText(b, now).compareTo(versionText(a, now)) > 0 ? b : a);
    }
    List<StixImportPlan.Rejected> refused = new ArrayList<>(plan.rejected());
    Set<String> refusedIds = new HashSet<>();
    List<Statement> statements = new ArrayList<>();
    for (Statement s : plan.statements()) {
      ObjectNode o = newest.get(s.entityId());
      Tlp level =
          o == null
              ? markings.objectLevel(JsonNodeFactory.instance.objectNode())
              : ReceivedMarkings.pathOf(o, s)
                  .map(p -> markings.levelAt(o, p))
                  .orElseGet(() -> markings.objectLevel(o));
      Optional<Marking> marking = markings.marking(level);
      if (marking.isEmpty()) {
        if (refusedIds.add(s.entityId() + "|" + level)) {
          refused.add(
              new StixImportPlan.Rejected(
                  s.entityId(), level.label() + " values are not stored here: " + s.property()));
        }
        continue;
      }
      statements.add(marked(s, marking.get()));
    }
    Map<Tlp, List<TaxiiRepository.NewObject>> raw = new TreeMap<>();
    long nowMicros = StixTime.micros(now);
    for (ObjectNode o : plan.kept()) {
      Tlp level = markings.highestLevel(o);
      Optional<Tlp> collection = markings.marking(level).flatMap(ReceivedMarkings::collectionLevel);
      if (collection.isEmpty()) {
        if (refusedIds.add(o.get("id").asText() + "|whole")) {
          refused.add(
              new StixImportPlan.Rejected(
                  o.get("id").asText(), "marked " + level.label() + ": not kept whole here"));
        }
        continue;
      }
      String version = o.path("modified").asText(o.path("created").asText(""));
      raw.computeIfAbsent(collection.get(), k -> new ArrayList<>())
          .add(
              new TaxiiRepository.NewObject(
                  o.get("id").asText(),
                  version.isEmpty() ? nowMicros : StixTime.micros(StixTime.parse(version)),
                  version.isEmpty() ? StixTime.formatMicros(now) : version,
                  o.get("type").asText(),
                  "2.1",
                  o.toString()));
    }
    return new Received(statements, raw, refused);
  }

  /**
   * Writes what was received as {@code source} of {@code ownerOrg}; call inside {@link
   * Store#audited} so that it is one transaction with its audit row.
   */
  void write(Source source, Received received, String ownerOrg, Instant now) {
    if (!received.statements().isEmpty()) {
      store.statements().write(source, received.statements());
    }
    for (Map.Entry<Tlp, List<TaxiiRepository.NewObject>> e : received.raw().entrySet()) {
      if (!e.getValue().isEmpty()) {
        String collection = TaxiiCollections.idOf(ownerOrg, e.getKey());
        store.taxii().ensureCollection(collection, ownerOrg, e.getKey());
        store.taxii().add(collection, e.getValue(), StixTime.micros(now));
      }
    }
  }

  private static String versionText(ObjectNode o, Instant now) {
    String v = o.path("modified").asText(o.path("created").asText(""));
    return v.isEmpty() ? StixTime.formatMicros(now) : StixTime.formatMicros(StixTime.parse(v));
  }

  private static Statement marked(Statement s, Marking marking) {
    return new Statement(
        s.id(),
        s.entityId(),
        s.schema(),
        s.property(),
        s.value(),
        s.sourceId(),
        s.span(),
        s.extractor(),
        s.confidence(),
        s.credibility(),
        marking,
        s.firstSeen(),
        s.lastSeen());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
