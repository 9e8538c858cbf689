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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.Statement;

/**
 * Reads a parsed STIX 2.1 bundle into an {@link StixImportPlan}. Each object is checked on its own
 * (a STIX id whose prefix is its type, spec_version 2.1, RFC 3339 timestamps, then the OASIS JSON
 * schema of its type, {@link StixSchemas}); a bad one is refused with its id and reason (the
 * failing property and why) and the others go on. Of several versions of one id, the newest is
 * mapped. Mapped: intrusion-set, threat-actor and campaign as Organization (with aliases), identity
 * as Person, PublicBody or Organization, location as Address, and a relationship between two mapped
 * objects as UnknownLink, also when an end is not in the bundle but of a mapped type (it may have
 * come in an earlier page or bundle, or come in a later one). Their entity id is their STIX id, so
 * an export gives the same id back and a link finds its ends whichever arrives first.
 */
public final class StixBundleReader {
  /** Types whose objects may lack {@code created}: the observables and two of the others. */
  private static final Set<String> NO_TIMESTAMPS_NEEDED = noTimestampsNeeded();

  private static Set<String> noTimestampsNeeded() {
    Set<String> types = new HashSet<>(StixSchemas.OBSERVABLES);
    types.add("marking-definition");
    types.add("language-content");
    return Set.copyOf(types);
  }

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
    StixBundleIndex index = new StixBundleIndex();
    int position = 0;
    for (JsonNode o : bundle.path("objects")) {
      index.offer(o, position++);
    }
    return planBatch(bundle.path("objects"), 0, index, source);
  }

  /**
   * Plans the import of some of a bundle's {@code objects}, the first of them at {@code position}
   * in its {@code objects} array, with what a first pass over the whole bundle put in {@code
   * index}: each is checked on its own, the newest version of each id is mapped (once, whichever
   * batch it is in), and a relationship links to ends of the whole bundle. The plans of a bundle's
   * batches together are the plan of the bundle.
   */
  public static StixImportPlan planBatch(
      Iterable<JsonNode> objects, int position, StixBundleIndex index, Source source) {
    requireNonNull(index, "index");
    requireNonNull(source, "source");
    List<ObjectNode> kept = new ArrayList<>();
    List<StixImportPlan.Rejected> rejected = new ArrayList<>();
    List<Statement> statements = new ArrayList<>();
    int mapped = 0;
    int revoked = 0;
    for (JsonNode o : objects) {
      String name = o.path("id").isTextual() ? o.path("id").asText() : "objects[" + position + "]";
      int at = position++;
      Instant version;
      try {
        version = check(o);
      } catch (InvalidValueException e) {
        rejected.add(new StixImportPlan.Rejected(name, e.getMessage()));
        continue;
      }
      if (index.failsSchema(at)) { // checked again for its reasons: failures are few
        rejected.add(new StixImportPlan.Rejected(name, StixSchemas.problem(o).orElseThrow()));
        continue;
      }
      boolean newest = index.claimNewest(name, version);
      Optional<String> refusal = index.refusal(name);
      if (refusal.isPresent()) {
        if (newest) {
          rejected.add(new StixImportPlan.Rejected(name, refusal.get()));
        }
        continue; // no version of an object whose newest cannot be mapped is kept
      }
      ObjectNode object = (ObjectNode) o;
      if (newest && object.path("revoked").asBoolean(false)) {
        revoked++;
      } else if (newest) {
        try {
          List<Statement> made = new ArrayList<>();
          Optional<Schema> schema = index.schemaOf(name);
          if (schema.isPresent()) {
            node(object, schema.get(), source, made);
          } else if (object.path("type").asText().equals("relationship")) {
            relationship(object, ref -> linkable(ref, index), source, made);
          }
          if (!made.isEmpty()) {
            statements.addAll(made);
            mapped++;
          }
        } catch (InvalidValueException e) {
          rejected.add(new StixImportPlan.Rejected(name, e.getMessage()));
          continue;
        }
      }
      kept.add(object);
    }
    return new StixImportPlan(kept, statements, mapped, revoked, rejected);
  }

  /** A reference from one object to another: the property it is in, and the id it names. */
  public record Reference(String property, String ref) {}

  /**
   * The references a relationship, sighting, report, note, opinion or grouping makes to other
   * objects (its ends, what was sighted, where and in what data, what it is about); none for other
   * types. Identifiers only: whether they name anything is for the caller to find.
   */
  public static List<Reference> references(JsonNode o) {
    List<Reference> out = new ArrayList<>();
    switch (o.path("type").asText("")) {
      case "relationship" -> {
        one(o, "source_ref", out);
        one(o, "target_ref", out);
      }
      case "sighting" -> {
        one(o, "sighting_of_ref", out);
        many(o, "observed_data_refs", out);
        many(o, "where_sighted_refs", out);
      }
      case "report", "note", "opinion", "grouping" -> many(o, "object_refs", out);
      default -> {}
    }
    return out;
  }

  private static void one(JsonNode o, String property, List<Reference> out) {
    if (o.path(property).isTextual()) {
      out.add(new Reference(property, o.path(property).asText()));
    }
  }

  private static void many(JsonNode o, String property, List<Reference> out) {
    int i = 0;
    for (JsonNode ref : o.path(property)) {
      if (ref.isTextual()) {
        out.add(new Reference(property + "[" + i + "]", ref.asText()));
      }
      i++;
    }
  }

  /** The deepest nesting of one object read; STIX objects, extensions included, need a handful. */
  public static final int MAX_OBJECT_DEPTH = 100;

  static Instant check(JsonNode o) {
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
    // A cyber observable may leave spec_version out; it is then of its bundle's version. A custom
    // object without 'created' is a custom observable, checked by the observables' common schema.
    boolean custom = !StixSchemas.defines(type);
    boolean observable =
        (NO_TIMESTAMPS_NEEDED.contains(type) && !type.equals("marking-definition"))
            || (custom && !o.has("created"));
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
    if (!o.has("created") && !NO_TIMESTAMPS_NEEDED.contains(type) && !custom) {
      throw new InvalidValueException("a " + type + " needs 'created'");
    }
    return versionOf(o);
  }

  /** Whether {@code root} nests deeper than {@code limit} (read without recursion). */
  public static boolean deeperThan(JsonNode root, int limit) {
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

  static Optional<Schema> nodeSchema(JsonNode o) {
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
  private static boolean linkable(String ref, StixBundleIndex index) {
    if (index.schemaOf(ref).isPresent()) {
      return true;
    }
    if (index.contains(ref) || !StixIds.isValid(ref)) {
      return false;
    }
    return LINKABLE_TYPES.contains(StixIds.typeOf(ref));
  }

  /**
   * Why {@code o}, mapped to {@code schema}, cannot become statements (a node without a name, a
   * value its property refuses), or null when it can.
   */
  static String mappingProblem(ObjectNode o, Schema schema) {
    try {
      node(o, schema, CHECKING, new ArrayList<>());
      return null;
    } catch (InvalidValueException e) {
      return e.getMessage();
    }
  }

  /** The source the statements of {@link #mappingProblem} are made with, then dropped. */
  private static final Source CHECKING =
      new Source(
          "stix-check",
          org.vigil.model.SourceKind.STIX_BUNDLE,
          "check",
          org.vigil.model.Reliability.F,
          org.vigil.model.Marking.of(org.vigil.model.Tlp.CLEAR, "check"),
          Optional.empty(),
          Optional.empty(),
          Instant.EPOCH);

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
