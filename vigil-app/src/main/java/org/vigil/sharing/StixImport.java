/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.sharing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditEvent;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Tlp;
import org.vigil.stix.StixBundleReader;
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

  private final Store store;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

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
      List<StixImportPlan.Rejected> rejected) {
    public Outcome {
      requireNonNull(sourceId, "sourceId");
      rejected = List.copyOf(rejected);
    }
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
    if (bundle.length > MAX_BYTES) {
      throw new InvalidValueException(
          "the bundle is " + bundle.length + " bytes; the limit is " + MAX_BYTES);
    }
    if (tlp == Tlp.RED) {
      throw new InvalidValueException("a bundle cannot be imported as RED: RED names people");
    }
    store
        .accounts()
        .organization(ownerOrg)
        .orElseThrow(() -> new InvalidValueException("no organisation '" + ownerOrg + "'"));
    JsonNode root;
    try {
      root = json.readTree(bundle);
    } catch (JsonProcessingException e) {
      throw new InvalidValueException(
          name + " is not JSON (line " + e.getLocation().getLineNr() + ")");
    } catch (java.io.IOException e) {
      throw new InvalidValueException(name + " could not be read");
    }
    String hash = sha256(bundle);
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
    StixImportPlan plan = StixBundleReader.plan(root, source);
    List<TaxiiRepository.NewObject> raw = new ArrayList<>();
    long nowMicros = StixTime.micros(now);
    for (ObjectNode o : plan.kept()) {
      String version = o.path("modified").asText(o.path("created").asText(""));
      raw.add(
          new TaxiiRepository.NewObject(
              o.get("id").asText(),
              version.isEmpty() ? nowMicros : StixTime.micros(StixTime.parse(version)),
              version.isEmpty() ? StixTime.formatMicros(now) : version,
              o.get("type").asText(),
              "2.1",
              o.toString()));
    }
    String collection = TaxiiCollections.idOf(ownerOrg, tlp);
    store.audited(
        () -> {
          if (!plan.statements().isEmpty()) {
            store.statements().write(source, plan.statements());
          }
          if (!raw.isEmpty()) {
            store.taxii().ensureCollection(collection, ownerOrg, tlp);
            store.taxii().add(collection, raw, nowMicros);
          }
          return null;
        },
        ignored ->
            new AuditEvent(
                actor,
                AuditAction.WRITE,
                source.id(),
                "imported STIX bundle "
                    + name
                    + ": "
                    + raw.size()
                    + " objects kept, "
                    + plan.mapped()
                    + " mapped, "
                    + plan.rejected().size()
                    + " refused",
                actor,
                now));
    return new Outcome(
        source.id(),
        plan.kept().size() + plan.rejected().size(),
        raw.size(),
        plan.mapped(),
        plan.statements().size(),
        plan.revoked(),
        plan.rejected());
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
