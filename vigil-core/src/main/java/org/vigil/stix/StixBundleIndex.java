/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.stix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.vigil.model.Schema;

/**
 * What a first pass over a bundle learns about its valid objects, so that a second pass can plan a
 * batch of objects at a time ({@link StixBundleReader#planBatch}) exactly as if it saw the whole
 * bundle: for each id, its newest version, the schema that version maps to (none when revoked or
 * not mapped), and why that version cannot be mapped, if it cannot. It holds a few dozen bytes per
 * id and none of the objects. Not thread-safe.
 */
public final class StixBundleIndex {
  private final Map<String, Entry> byId = new HashMap<>();
  private final BitSet failsSchema = new BitSet();
  private int valid;

  /** The newest version seen of one id. */
  private static final class Entry {
    Instant version;
    Schema schema; // of the newest version; null when it is revoked or not mapped
    boolean revoked;
    String refusal; // why the newest version cannot be mapped; null when it can
    boolean claimed;
  }

  /**
   * Reads one object of the bundle, the one at {@code position} in its {@code objects} array. An
   * object that fails {@link StixBundleReader#check} or the OASIS schema of its type ({@link
   * StixSchemas}) is not indexed (the second pass reports it); the schema is checked here only,
   * once per object, and the second pass asks {@link #failsSchema}.
   */
  public void offer(JsonNode o, int position) {
    Instant version;
    try {
      version = StixBundleReader.check(o);
    } catch (org.vigil.model.InvalidValueException e) {
      return;
    }
    if (StixSchemas.problem(o).isPresent()) {
      failsSchema.set(position);
      return;
    }
    valid++;
    String id = o.get("id").asText();
    Entry e = byId.get(id);
    if (e != null && !e.version.isBefore(version)) {
      return; // of equal versions, the first is the one mapped
    }
    if (e == null) {
      e = new Entry();
      byId.put(id, e);
    }
    ObjectNode object = (ObjectNode) o;
    e.version = version;
    e.revoked = object.path("revoked").asBoolean(false);
    e.schema = e.revoked ? null : StixBundleReader.nodeSchema(object).orElse(null);
    e.refusal = e.schema == null ? null : StixBundleReader.mappingProblem(object, e.schema);
  }

  /** Whether the object offered at {@code position} passed the cheap checks but not its schema. */
  public boolean failsSchema(int position) {
    return failsSchema.get(position);
  }

  /** How many valid objects (versions included) were offered. */
  public int valid() {
    return valid;
  }

  /** Whether the bundle holds a valid object of this id. */
  public boolean contains(String id) {
    return byId.containsKey(id);
  }

  /** The schema the newest version of {@code id} maps to, if it is mapped. */
  public Optional<Schema> schemaOf(String id) {
    Entry e = byId.get(id);
    return e == null ? Optional.empty() : Optional.ofNullable(e.schema);
  }

  /** Why the newest version of {@code id} cannot be mapped (then no version of it is kept). */
  public Optional<String> refusal(String id) {
    Entry e = byId.get(id);
    return e == null ? Optional.empty() : Optional.ofNullable(e.refusal);
  }

  /**
   * Whether {@code o} (valid, of version {@code version}) is the one version of its id to map: the
   * first object met whose version is the newest. True once per id.
   */
  boolean claimNewest(String id, Instant version) {
    Entry e = byId.get(id);
    if (e == null || e.claimed || !e.version.equals(version)) {
      return false;
    }
    e.claimed = true;
    return true;
  }
}
