/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.stix;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.Statement;

/**
 * Reads a parsed STIX 2.1 bundle into an {@link StixImportPlan}. Each object is checked on its own
 * (a STIX id whose prefix is its type, spec_version 2.1, RFC 3339 timestamps); a bad one is refused
 * with its id and reason and the others go on. Of several versions of one id, the newest is mapped.
 * Mapped: intrusion-set, threat-actor and campaign as Organization (with aliases), identity as
 * Person, PublicBody or Organization, location as Address, and a relationship between two mapped
 * objects as UnknownLink, also when an end is not in the bundle but of a mapped type (it may have
 * come in an earlier page or bundle, or come in a later one). Their entity id is their STIX id, so
 * an export gives the same id back and a link finds its ends whichever arrives first.
 */
public final class StixBundleReader {
  private static final Set<String> NO_TIMESTAMPS_NEEDED =
      Set.of(
          "artifact",
          "autonomous-system",
          "directory",
          "domain-name",
          "email-addr",
          "email-message",
          "file",
          "ipv4-addr",
          "ipv6-addr",
          "mac-addr",
          "mutex",
          "network-traffic",
          "process",
          "software",
          "url",
          "user-account",
          "windows-registry-key",
          "x509-certificate",
          "marking-definition",
          "language-content");

  private StixBundleReader() {}

  /**
   * Plans the import of {@code bundle} from {@code source}.
   *
   * @throws InvalidValueException when the document is neither a bundle nor one STIX object
   */
  public static StixImportPlan plan(JsonNode bundle, Source source) {
    requireNonNull(source, "source");
    if (bundle != null
        && bundle.isObject()
        && !"bundle".equals(bundle.path("type").asText())
        && StixIds.isValid(bundle.path("id").asText())) {
      // One object on its own, as some published examples are: read it as a bundle of one.
      ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
      wrapped.put("type", "bundle");
      wrapped.putArray("objects").add(bundle);
      bundle = wrapped;
    }
    if (bundle == null || !bundle.isObject() || !"bundle".equals(bundle.path("type").asText())) {
      throw new InvalidValueException(
          "the document is neither a STIX bundle nor a STIX object (its type is not 'bundle')");
    }
    if (!bundle.path("objects").isArray()) {
      throw new InvalidValueException("the bundle has no 'objects' array");
    }
    List<ObjectNode> kept = new ArrayList<>();
    List<StixImportPlan.Rejected> rejected = new ArrayList<>();
    Map<String, ObjectNode> newest = new LinkedHashMap<>();
    int index = 0;
    for (JsonNode o : bundle.path("objects")) {
      String name = o.path("id").isTextual() ? o.path("id").asText() : "objects[" + index + "]";
      index++;
      try {
        Instant version = check(o);
        ObjectNode object = (ObjectNode) o;
        kept.add(object);
        ObjectNode before = newest.get(name);
        if (before == null || versionOf(before).isBefore(version)) {
          newest.put(name, object);
        }
      } catch (InvalidValueException e) {
        rejected.add(new StixImportPlan.Rejected(name, e.getMessage()));
      }
    }
    List<Statement> statements = new ArrayList<>();
    int mapped = 0;
    int revoked = 0;
    Map<String, Schema> schemaOf = new LinkedHashMap<>();
    for (ObjectNode o : newest.values()) {
      if (o.path("revoked").asBoolean(false)) {
        revoked++;
        continue;
      }
      nodeSchema(o).ifPresent(s -> schemaOf.put(o.get("id").asText(), s));
    }
    for (ObjectNode o : newest.values()) {
      String id = o.get("id").asText();
      if (o.path("revoked").asBoolean(false)) {
        continue;
      }
      try {
        List<Statement> made = new ArrayList<>();
        if (schemaOf.containsKey(id)) {
          node(o, schemaOf.get(id), source, made);
        } else if (o.path("type").asText().equals("relationship")) {
          relationship(o, ref -> linkable(ref, schemaOf, newest), source, made);
        }
        if (!made.isEmpty()) {
          statements.addAll(made);
          mapped++;
        }
      } catch (InvalidValueException e) {
        rejected.add(new StixImportPlan.Rejected(id, e.getMessage()));
        kept.removeIf(k -> k.path("id").asText().equals(id));
      }
    }
    return new StixImportPlan(kept, statements, mapped, revoked, rejected);
  }

  /** The deepest nesting of one object read; STIX objects, extensions included, need a handful. */
  public static final int MAX_OBJECT_DEPTH = 100;

  private static Instant check(JsonNode o) {
    if (!o.isObject()) {
      throw new InvalidValueException("not a JSON object");
    }
    if (deeperThan(o, MAX_OBJECT_DEPTH)) {
      throw new InvalidValueException(
          "nested more than " + MAX_OBJECT_DEPTH + " levels deep; at most " + MAX_OBJECT_DEPTH);
    }
    String id = o.path("id").asText("");
    if (!StixIds.isValid(id)) {
      throw new InvalidValueException("'id' is not a STIX identifier");
    }
    String type = o.path("type").asText("");
    if (!StixIds.typeOf(id).equals(type)) {
      throw new InvalidValueException("'type' '" + type + "' does not match the id");
    }
    // A cyber observable may leave spec_version out; it is then of its bundle's version.
    boolean observable = NO_TIMESTAMPS_NEEDED.contains(type) && !type.equals("marking-definition");
    if (!(observable && !o.has("spec_version"))
        && !"2.1".equals(o.path("spec_version").asText(""))) {
      throw new InvalidValueException(
          "spec_version is '" + o.path("spec_version").asText("") + "', not 2.1");
    }
    for (String field : List.of("created", "modified", "first_seen", "last_seen", "published")) {
      if (o.has(field)) {
        StixTime.parse(o.get(field).asText());
      }
    }
    if (!o.has("created") && !NO_TIMESTAMPS_NEEDED.contains(type)) {
      throw new InvalidValueException("a " + type + " needs 'created'");
    }
    return versionOf(o);
  }

  /** Whether {@code root} nests deeper than {@code limit} (read without recursion). */
  static boolean deeperThan(JsonNode root, int limit) {
    Deque<JsonNode> nodes = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    nodes.push(root);
    depths.push(1);
    while (!nodes.isEmpty()) {
      JsonNode node = nodes.pop();
      int depth = depths.pop();
      if (depth > limit) {
        return true;
      }
      for (JsonNode child : node) {
        if (child.isContainerNode()) {
          nodes.push(child);
          depths.push(depth + 1);
        }
      }
    }
    return false;
  }

  private static Instant versionOf(JsonNode o) {
    String v = o.path("modified").asText(o.path("created").asText(""));
    return v.isEmpty() ? Instant.EPOCH : StixTime.parse(v);
  }

  private static Optional<Schema> nodeSchema(JsonNode o) {
    return switch (o.path("type").asText()) {
      case "intrusion-set", "threat-actor", "campaign" -> Optional.of(Schema.ORGANIZATION);
      case "identity" ->
          switch (o.path("identity_class").asText("")) {
            case "individual" -> Optional.of(Schema.PERSON);
            case "organization", "group", "class" ->
                Optional.of(
                    sectors(o).contains("government") ? Schema.PUBLIC_BODY : Schema.ORGANIZATION);
            default -> Optional.of(Schema.LEGAL_ENTITY);
          };
      case "location" ->
          o.has("country") || o.has("region") || o.has("city") || o.has("street_address")
              ? Optional.of(Schema.ADDRESS)
              : Optional.empty();
      default -> Optional.empty();
    };
  }

  private static List<String> sectors(JsonNode o) {
    List<String> out = new ArrayList<>();
    o.path("sectors").forEach(s -> out.add(s.asText()));
    return out;
  }

  private static void node(ObjectNode o, Schema schema, Source source, List<Statement> out) {
    String id = o.get("id").asText();
    Instant seen = versionOf(o);
    if (schema == Schema.ADDRESS) {
      add(out, id, schema, "name", text(o, "name"), source, seen);
      add(out, id, schema, "full", text(o, "street_address"), source, seen);
      add(out, id, schema, "city", text(o, "city"), source, seen);
      add(out, id, schema, "region", text(o, "region"), source, seen);
      add(
          out,
          id,
          schema,
          "country",
          text(o, "country").map(c -> c.toLowerCase(Locale.ROOT)),
          source,
          seen);
      return;
    }
    add(out, id, schema, "name", text(o, "name"), source, seen);
    for (String aliasField : List.of("aliases", "x_mitre_aliases", "x_vigil_aliases")) {
      for (JsonNode alias : o.path(aliasField)) {
        if (!alias.asText().equals(o.path("name").asText())) {
          add(out, id, schema, "alias", Optional.of(alias.asText()), source, seen);
        }
      }
    }
    add(out, id, schema, "description", text(o, "description"), source, seen);
    switch (o.get("type").asText()) {
      case "intrusion-set" ->
          add(out, id, schema, "topics", Optional.of("crime.cyber"), source, seen);
      case "threat-actor" -> add(out, id, schema, "topics", Optional.of("crime"), source, seen);
      default -> {}
    }
    if (out.stream().noneMatch(s -> s.entityId().equals(id) && s.property().equals("name"))) {
      throw new InvalidValueException("a " + o.get("type").asText() + " without a name");
    }
  }

  /**
   * Whether a relationship may link to {@code ref}: an object of this bundle that is mapped, or one
   * that is not in this bundle and of a type that is mapped. Its entity id is its STIX id, so the
   * link joins it when it arrives in another page or bundle (or already arrived); until then the
   * network shows no link, because a node with no statements is not shown.
   */
  private static boolean linkable(
      String ref, Map<String, Schema> schemaOf, Map<String, ObjectNode> inBundle) {
    if (schemaOf.containsKey(ref)) {
      return true;
    }
    if (inBundle.containsKey(ref) || !StixIds.isValid(ref)) {
      return false;
    }
    return LINKABLE_TYPES.contains(StixIds.typeOf(ref));
  }

  /** The types {@link #nodeSchema} maps (a location only when it names a place). */
  private static final Set<String> LINKABLE_TYPES =
      Set.of("intrusion-set", "threat-actor", "campaign", "identity", "location");

  private static void relationship(
      ObjectNode o, Predicate<String> linkable, Source source, List<Statement> out) {
    String from = o.path("source_ref").asText("");
    String to = o.path("target_ref").asText("");
    if (!linkable.test(from) || !linkable.test(to)) {
      return; // kept whole; no link to an object Vigil does not map
    }
    String id = o.get("id").asText();
    Instant seen = versionOf(o);
    add(out, id, Schema.UNKNOWN_LINK, "subject", Optional.of(from), source, seen);
    add(out, id, Schema.UNKNOWN_LINK, "object", Optional.of(to), source, seen);
    add(out, id, Schema.UNKNOWN_LINK, "role", text(o, "relationship_type"), source, seen);
    add(out, id, Schema.UNKNOWN_LINK, "description", text(o, "description"), source, seen);
  }

  private static Optional<String> text(JsonNode o, String field) {
    return o.path(field).isTextual() && !o.path(field).asText().isBlank()
        ? Optional.of(o.path(field).asText())
        : Optional.empty();
  }

  private static void add(
      List<Statement> out,
      String id,
      Schema schema,
      String property,
      Optional<String> value,
      Source source,
      Instant seen) {
    if (value.isPresent()) {
      out.add(
          Statement.about(id, schema)
              .set(property, value.get())
              .from(source)
              .extractor("stix-import", 1.0)
              .seen(seen)
              .build());
    }
  }
}
