/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.stix;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.vigil.model.Credibility;
import org.vigil.model.Entity;
import org.vigil.model.Reliability;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;

/**
 * Maps entities and their sources to STIX 2.1 objects. The entities given must hold only the
 * statements their recipient may receive: the mapping adds nothing they do not say, and leaves out
 * a relationship or note whose other end is not among them.
 *
 * <ul>
 *   <li>Person → identity (individual); PublicBody, Company, LegalEntity → identity (organization);
 *       an Organization whose topics say cyber crime → intrusion-set; one whose topics say another
 *       crime, or that a Sanction designates → threat-actor; any other → identity;
 *   <li>Address → location (when it names a country, region or coordinates);
 *   <li>edge schemata → relationship; Sanction and Event → note on the entities they concern;
 *   <li>each document source → report over the objects it supports;
 *   <li>every object carries the official TLP 2.0 marking of its most restricted statement, and
 *       every TLP level used is in the output as its marking definition.
 * </ul>
 *
 * <p>Ids are deterministic ({@link StixIds}); created and modified are the earliest first-seen and
 * the latest last-seen of the object's statements; confidence follows the STIX 2.1 Admiralty
 * credibility scale (appendix A).
 *
 * <p>An export for one organisation may carry that organisation's own analyst grades ({@link
 * AnalystGrades}): a graded claim's object takes its confidence from the analyst's credibility
 * (appendix A again; 6 leaves confidence out) and says the grade in {@code labels} as the MISP
 * admiralty-scale tag ({@code admiralty-scale:information-credibility="2"}); a graded source's
 * report says the analyst's reliability the same way ({@code
 * admiralty-scale:source-reliability="b"}). The labels keep the grade exact (and reliability apart
 * from credibility) in the taxonomy partners' MISP instances already read, with no extension
 * definition to publish; {@link StixOpinions} adds the analyst's grade as their {@code opinion}
 * besides, a five-point agreement that has no "cannot be judged".
 */
public final class StixMapping {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private StixMapping() {}

  /** The STIX objects of {@code entities}, and of the document sources among {@code sources}. */
  public static StixObjects map(List<Entity> entities, Map<String, Source> sources) {
    return map(entities, sources, AnalystGrades.none());
  }

  /**
   * The STIX objects of {@code entities} and of the document sources among {@code sources}, with
   * {@code grades} on the claims and sources they grade; the caller passes only grades that the
   * export's recipient may receive.
   */
  public static StixObjects map(
      List<Entity> entities, Map<String, Source> sources, AnalystGrades grades) {
    requireNonNull(entities, "entities");
    requireNonNull(sources, "sources");
    requireNonNull(grades, "grades");
    Map<String, Entity> byId = new TreeMap<>();
    for (Entity e : entities) {
      byId.put(e.id(), e);
    }
    Set<String> sanctioned = new TreeSet<>();
    for (Entity e : byId.values()) {
      if (e.schema() == Schema.SANCTION) {
        sanctioned.addAll(e.values("entity"));
      }
    }
    Map<String, String> nodeIds = new TreeMap<>();
    for (Entity e : byId.values()) {
      nodeType(e, sanctioned).ifPresent(type -> nodeIds.put(e.id(), idFor(type, e.id())));
    }
    Map<String, ObjectNode> out = new TreeMap<>();
    List<String> leftOut = new ArrayList<>();
    Map<String, Set<String>> supported = new TreeMap<>();
    for (Entity e : byId.values()) {
      Optional<ObjectNode> object = object(e, sanctioned, nodeIds);
      if (object.isEmpty()) {
        leftOut.add(e.id());
        continue;
      }
      Credibility graded = grades.claims().get(e.id());
      if (graded != null) {
        graded(object.get(), graded);
      }
      out.put(object.get().get("id").asText(), object.get());
      for (Statement s : e.statements()) {
        supported
            .computeIfAbsent(s.sourceId(), k -> new TreeSet<>())
            .add(object.get().get("id").asText());
      }
    }
    for (Map.Entry<String, Set<String>> support : supported.entrySet()) {
      Source source = sources.get(support.getKey());
      if (source != null && source.kind() == SourceKind.DOCUMENT) {
        ObjectNode report = report(source, support.getValue());
        Reliability reliability = grades.sources().get(source.id());
        if (reliability != null) {
          report.putArray("labels").add(reliability.mispTag());
        }
        out.put(report.get("id").asText(), report);
      }
    }
    Set<Tlp> levels = new TreeSet<>();
    for (ObjectNode o : out.values()) {
      o.withArray("object_marking_refs")
          .forEach(ref -> TlpMarkings.levelOf(ref.asText()).ifPresent(levels::add));
    }
    for (Tlp tlp : levels) {
      ObjectNode definition = TlpMarkings.definition(tlp);
      out.put(definition.get("id").asText(), definition);
    }
    return new StixObjects(List.copyOf(out.values()), leftOut);
  }

  /**
   * The STIX id of an entity as {@code type}: its own id when it came from STIX as that type (an
   * imported object keeps its id), else the deterministic one.
   */
  static String idFor(String type, String entityId) {
    if (StixIds.isValid(entityId) && StixIds.typeOf(entityId).equals(type)) {
      return entityId;
    }
    return StixIds.of(type, entityId);
  }

  private static Optional<String> nodeType(Entity e, Set<String> sanctioned) {
    return switch (e.schema()) {
      case PERSON, PUBLIC_BODY, COMPANY, LEGAL_ENTITY, VESSEL, AIRPLANE -> Optional.of("identity");
      case ORGANIZATION -> Optional.of(actorType(e, sanctioned).orElse("identity"));
      case ADDRESS -> hasPlace(e) ? Optional.of("location") : Optional.empty();
      case MEMBERSHIP,
          EMPLOYMENT,
          DIRECTORSHIP,
          OWNERSHIP,
          FAMILY,
          ASSOCIATE,
          UNKNOWN_LINK,
          SANCTION,
          EVENT,
          DOCUMENT ->
          Optional.empty();
    };
  }

  private static Optional<ObjectNode> object(
      Entity e, Set<String> sanctioned, Map<String, String> nodeIds) {
    return switch (e.schema()) {
      case PERSON -> Optional.of(identity(e, "individual", nodeIds));
      case PUBLIC_BODY, COMPANY, LEGAL_ENTITY -> Optional.of(identity(e, "organization", nodeIds));
      case VESSEL, AIRPLANE -> Optional.of(identity(e, "unknown", nodeIds));
      case ORGANIZATION ->
          Optional.of(
              actorType(e, sanctioned)
                  .map(type -> actor(e, type, nodeIds))
                  .orElseGet(() -> identity(e, "organization", nodeIds)));
      case ADDRESS -> hasPlace(e) ? Optional.of(location(e, nodeIds)) : Optional.empty();
      // A document's report is made from its source, with the objects it supports.
      case DOCUMENT -> Optional.empty();
      case MEMBERSHIP, EMPLOYMENT, DIRECTORSHIP, OWNERSHIP, FAMILY, ASSOCIATE, UNKNOWN_LINK ->
          relationship(e, nodeIds);
      case SANCTION -> note(e, "entity", "Sanction", nodeIds);
      case EVENT -> note(e, "involved", "Event", nodeIds);
    };
  }

  private static ObjectNode identity(Entity e, String identityClass, Map<String, String> ids) {
    ObjectNode o = common(e, "identity", ids.get(e.id()));
    o.put("name", e.caption());
    o.put("identity_class", identityClass);
    if (e.schema() == Schema.PUBLIC_BODY) {
      o.putArray("sectors").add("government");
    }
    description(e, o);
    aliases(e, o, "x_vigil_aliases");
    return custom(e, o);
  }

  /**
   * An organisation is an intrusion set when its topics say cyber crime, a threat actor when they
   * say another crime or a Sanction designates it; else it is an identity.
   */
  static Optional<String> actorType(Entity e, Set<String> sanctioned) {
    List<String> topics = e.values("topics");
    if (topics.contains("crime.cyber")) {
      return Optional.of("intrusion-set");
    }
    if (sanctioned.contains(e.id()) || topics.stream().anyMatch(t -> t.startsWith("crime"))) {
      return Optional.of("threat-actor");
    }
    return Optional.empty();
  }

  private static ObjectNode actor(Entity e, String type, Map<String, String> ids) {
    ObjectNode o = common(e, type, ids.get(e.id()));
    o.put("name", e.caption());
    if (type.equals("threat-actor")) {
      List<String> topics = e.values("topics");
      o.putArray("threat_actor_types")
          .add(topics.contains("crime.terror") ? "terrorist" : "crime-syndicate");
    }
    description(e, o);
    aliases(e, o, "aliases");
    return custom(e, o);
  }

  private static ObjectNode location(Entity e, Map<String, String> ids) {
    ObjectNode o = common(e, "location", ids.get(e.id()));
    o.put("name", e.caption());
    e.first("full").ifPresent(v -> o.put("street_address", v));
    e.first("city").ifPresent(v -> o.put("city", v));
    e.first("region").ifPresent(v -> o.put("region", v));
    e.first("country").ifPresent(v -> o.put("country", v.toUpperCase(Locale.ROOT)));
    e.first("postalCode").ifPresent(v -> o.put("postal_code", v));
    if (e.first("latitude").isPresent() && e.first("longitude").isPresent()) {
      o.put("latitude", Double.parseDouble(e.first("latitude").orElseThrow()));
      o.put("longitude", Double.parseDouble(e.first("longitude").orElseThrow()));
    }
    return custom(e, o);
  }

  private static boolean hasPlace(Entity e) {
    return e.first("country").isPresent()
        || e.first("region").isPresent()
        || (e.first("latitude").isPresent() && e.first("longitude").isPresent());
  }

  private static Optional<ObjectNode> relationship(Entity e, Map<String, String> ids) {
    Optional<String> from = e.schema().sourceProperty().flatMap(e::first).map(ids::get);
    Optional<String> to = e.schema().targetProperty().flatMap(e::first).map(ids::get);
    if (from.isEmpty() || to.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode o = common(e, "relationship", idFor("relationship", e.id()));
    o.put("relationship_type", relationshipType(e.schema()));
    o.put("source_ref", from.get());
    o.put("target_ref", to.get());
    e.first("role").or(() -> e.first("relationship")).ifPresent(v -> o.put("description", v));
    e.first("startDate").ifPresent(v -> o.put("x_vigil_start_date", v));
    e.first("endDate").ifPresent(v -> o.put("x_vigil_end_date", v));
    return Optional.of(custom(e, o));
  }

  /** STIX relationship types are open vocabulary: lower case words joined by hyphens. */
  static String relationshipType(Schema schema) {
    return switch (schema) {
      case MEMBERSHIP -> "member-of";
      case EMPLOYMENT -> "employed-by";
      case DIRECTORSHIP -> "director-of";
      case OWNERSHIP -> "owns";
      case FAMILY -> "relative-of";
      case ASSOCIATE -> "associate-of";
      case UNKNOWN_LINK,
          SANCTION,
          EVENT,
          PERSON,
          LEGAL_ENTITY,
          ORGANIZATION,
          PUBLIC_BODY,
          COMPANY,
          ADDRESS,
          VESSEL,
          AIRPLANE,
          DOCUMENT ->
          "related-to";
    };
  }

  private static Optional<ObjectNode> note(
      Entity e, String refProperty, String what, Map<String, String> ids) {
    List<String> refs = new ArrayList<>();
    for (String ref : e.values(refProperty)) {
      Optional.ofNullable(ids.get(ref)).ifPresent(refs::add);
    }
    if (refs.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode o = common(e, "note", idFor("note", e.id()));
    o.put("abstract", what + ": " + e.caption());
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, List<Statement>> p : e.byProperty().entrySet()) {
      if (!p.getKey().equals(refProperty)) {
        lines.add(p.getKey() + ": " + String.join("; ", e.values(p.getKey())));
      }
    }
    o.put("content", lines.isEmpty() ? what : String.join("\n", lines));
    ArrayNode refArray = o.putArray("object_refs");
    refs.forEach(refArray::add);
    return Optional.of(custom(e, o));
  }

  private static ObjectNode report(Source source, Set<String> objectIds) {
    ObjectNode o = JSON.objectNode();
    o.put("type", "report");
    o.put("spec_version", "2.1");
    o.put("id", StixIds.of("report", "source:" + source.id()));
    String when = StixTime.format(source.retrievedAt());
    o.put("created", when);
    o.put("modified", when);
    o.put("name", source.title().isBlank() ? source.id() : source.title());
    o.putArray("report_types").add("threat-report");
    o.put("published", when);
    ArrayNode refs = o.putArray("object_refs");
    objectIds.forEach(refs::add);
    o.putArray("labels")
        .add(
            "admiralty-scale:source-reliability=\""
                + source.reliability().name().toLowerCase(Locale.ROOT)
                + "\"");
    ObjectNode ref = o.putArray("external_references").addObject();
    ref.put("source_name", "vigil");
    ref.put("external_id", source.id());
    source.uri().filter(u -> u.startsWith("http")).ifPresent(u -> ref.put("url", u));
    source
        .contentHash()
        .filter(h -> h.startsWith("sha256:"))
        .ifPresent(h -> ref.putObject("hashes").put("SHA-256", h.substring(7)));
    o.putArray("object_marking_refs").add(TlpMarkings.id(source.marking().tlp()));
    return o;
  }

  private static ObjectNode common(Entity e, String type, String id) {
    ObjectNode o = JSON.objectNode();
    o.put("type", type);
    o.put("spec_version", "2.1");
    o.put("id", id);
    Instant created =
        e.statements().stream()
            .map(Statement::firstSeen)
            .min(Comparator.naturalOrder())
            .orElseThrow();
    Instant modified =
        e.statements().stream()
            .map(Statement::lastSeen)
            .max(Comparator.naturalOrder())
            .orElseThrow();
    o.put("created", StixTime.format(created));
    o.put("modified", StixTime.format(modified));
    confidence(e).ifPresent(c -> o.put("confidence", c));
    Tlp tlp =
        e.statements().stream()
            .map(s -> s.marking().tlp())
            .max(Comparator.naturalOrder())
            .orElseThrow();
    o.putArray("object_marking_refs").add(TlpMarkings.id(tlp));
    return o;
  }

  /**
   * STIX 2.1 appendix A's Admiralty credibility scale: 1 → 90 ... 5 → 10; 6 (cannot be judged) has
   * no confidence. The best grade among the statements speaks for the object.
   */
  static Optional<Integer> confidence(Entity e) {
    return e.statements().stream()
        .map(Statement::credibility)
        .flatMap(Optional::stream)
        .min(Comparator.naturalOrder())
        .flatMap(StixMapping::confidence);
  }

  static Optional<Integer> confidence(Credibility c) {
    return switch (c) {
      case CONFIRMED -> Optional.of(90);
      case PROBABLY_TRUE -> Optional.of(70);
      case POSSIBLY_TRUE -> Optional.of(50);
      case DOUBTFUL -> Optional.of(30);
      case IMPROBABLE -> Optional.of(10);
      case CANNOT_BE_JUDGED -> Optional.empty();
    };
  }

  /** An analyst's credibility on a claim's object: confidence by appendix A, and the tag. */
  private static void graded(ObjectNode o, Credibility credibility) {
    o.remove("confidence");
    confidence(credibility).ifPresent(c -> o.put("confidence", c));
    ArrayNode labels = o.has("labels") ? (ArrayNode) o.get("labels") : o.putArray("labels");
    labels.add(credibility.mispTag());
  }

  private static void description(Entity e, ObjectNode o) {
    e.first("description").or(() -> e.first("summary")).ifPresent(v -> o.put("description", v));
  }

  private static void aliases(Entity e, ObjectNode o, String property) {
    List<String> aliases = e.values("alias");
    if (!aliases.isEmpty()) {
      ArrayNode array = o.putArray(property);
      aliases.forEach(array::add);
    }
  }

  /** The FtM schema and its other properties, kept as custom properties so nothing is lost. */
  private static ObjectNode custom(Entity e, ObjectNode o) {
    o.put("x_vigil_schema", e.schema().ftmName());
    o.put("x_vigil_entity_id", e.id());
    Map<String, List<String>> rest = new LinkedHashMap<>();
    for (String property : e.byProperty().keySet()) {
      if (!property.equals("name") && !property.equals("alias")) {
        rest.put(property, e.values(property));
      }
    }
    if (!rest.isEmpty()) {
      ObjectNode props = o.putObject("x_vigil_properties");
      rest.forEach(
          (k, values) -> {
            ArrayNode array = props.putArray(k);
            values.forEach(array::add);
          });
    }
    return o;
  }
}
