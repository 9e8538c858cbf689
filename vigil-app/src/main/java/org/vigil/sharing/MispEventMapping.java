/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.sharing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.model.Credibility;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Marking;
import org.vigil.model.PropertyType;
import org.vigil.model.Reliability;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;

/**
 * One MISP event (MISP core format) as one Vigil source and its statements: the event is a
 * document-like source (its info the title, its date the date) and a Document entity of the same id
 * that holds what has no better place (attributes of types Vigil has no property for, as {@code
 * notes} "type=value", other tags as {@code keywords}); attributes that name a person, an
 * organisation, a place, an e-mail address or a phone number become statements on Person,
 * Organization, Address and LegalEntity entities; a MISP object of such a kind becomes one entity;
 * threat-actor galaxy clusters become organisations with their synonyms as aliases. Attributes
 * written by Vigil's own feed (their comment names "Schema.property of Caption (id)") go back to an
 * entity of that schema. The TLP tag (or the importer's marking, whichever is stricter) marks
 * everything; the Admiralty tags grade the source and its statements. Ids derive from the event's
 * and attributes' UUIDs, so importing the same event again writes the same statements. Pure and
 * thread-safe.
 */
public final class MispEventMapping {
  /** The extractor name on every statement this mapping writes. */
  public static final String EXTRACTOR = "misp-import";

  private static final Pattern OWN_COMMENT =
      Pattern.compile("([A-Za-z]+)\\.([A-Za-z]+) of .* \\(([A-Za-z0-9][A-Za-z0-9._:\\-]*)\\)");
  private static final Pattern MACHINE_TAG = Pattern.compile("([a-z-]+):([a-z-]+)=\"?([^\"]*)\"?");

  /** Standalone attribute types that name something, and where they go. */
  private static final Map<String, Target> BY_TYPE =
      Map.ofEntries(
          Map.entry("full-name", new Target(Schema.PERSON, "name")),
          Map.entry("threat-actor", new Target(Schema.ORGANIZATION, "name")),
          Map.entry("target-org", new Target(Schema.ORGANIZATION, "name")),
          Map.entry("target-location", new Target(Schema.ADDRESS, "full")),
          Map.entry("email", new Target(Schema.LEGAL_ENTITY, "email")),
          Map.entry("email-src", new Target(Schema.LEGAL_ENTITY, "email")),
          Map.entry("email-dst", new Target(Schema.LEGAL_ENTITY, "email")),
          Map.entry("target-email", new Target(Schema.LEGAL_ENTITY, "email")),
          Map.entry("whois-registrant-email", new Target(Schema.LEGAL_ENTITY, "email")),
          Map.entry("phone-number", new Target(Schema.LEGAL_ENTITY, "phone")),
          Map.entry("whois-registrant-phone", new Target(Schema.LEGAL_ENTITY, "phone")));

  /** MISP object templates that describe one thing Vigil has a schema for. */
  private static final Map<String, Schema> BY_OBJECT =
      Map.of(
          "person", Schema.PERSON,
          "organization", Schema.ORGANIZATION,
          "organisation", Schema.ORGANIZATION,
          "legal-entity", Schema.LEGAL_ENTITY,
          "address", Schema.ADDRESS,
          "geolocation", Schema.ADDRESS);

  /** Object relations (of the templates above) and the Vigil property they fill. */
  private static final Map<String, String> BY_RELATION =
      Map.ofEntries(
          Map.entry("full-name", "name"),
          Map.entry("name", "name"),
          Map.entry("alias", "alias"),
          Map.entry("first-name", "firstName"),
          Map.entry("last-name", "lastName"),
          Map.entry("middle-name", "middleName"),
          Map.entry("date-of-birth", "birthDate"),
          Map.entry("birth-date", "birthDate"),
          Map.entry("place-of-birth", "birthPlace"),
          Map.entry("nationality", "nationality"),
          Map.entry("title", "title"),
          Map.entry("email", "email"),
          Map.entry("phone-number", "phone"),
          Map.entry("website", "website"),
          Map.entry("country", "country"),
          Map.entry("city", "city"),
          Map.entry("street", "street"),
          Map.entry("zipcode", "postalCode"),
          Map.entry("postcode", "postalCode"),
          Map.entry("region", "region"),
          Map.entry("address", "full"),
          Map.entry("text", "full"));

  private record Target(Schema schema, String property) {}

  /** An attribute, object or cluster not imported, and why. */
  public record Skipped(String what, String reason) {
    public Skipped {
      requireNonNull(what, "what");
      requireNonNull(reason, "reason");
    }
  }

  /**
   * What one event became.
   *
   * @param attributes the attributes the event holds (standalone and in objects)
   * @param imported those written as a statement (on an entity or as a note of the source)
   * @param entities the entities other than the event's own document
   */
  public record Mapped(
      Source source,
      List<Statement> statements,
      int attributes,
      int imported,
      int entities,
      List<Skipped> skipped) {
    public Mapped {
      requireNonNull(source, "source");
      statements = List.copyOf(statements);
      skipped = List.copyOf(skipped);
    }
  }

  private final Set<String> knownTypes;
  private final String ownerOrg;
  private final Optional<Tlp> marking;

  /**
   * @param knownTypes the MISP attribute types (describeTypes.json); others are refused
   * @param marking the importer's level; the event's TLP tag is used when stricter, and this when
   *     the event has none (AMBER when neither says)
   */
  public MispEventMapping(Set<String> knownTypes, String ownerOrg, Optional<Tlp> marking) {
    this.knownTypes = Set.copyOf(knownTypes);
    this.ownerOrg = requireNonNull(ownerOrg, "ownerOrg");
    this.marking = requireNonNull(marking, "marking");
  }

  /**
   * Maps one document: {@code {"Event": {...}}} or a bare event.
   *
   * @throws InvalidValueException naming {@code name} and the reason when the whole event is
   *     refused (not an event, no or a bad uuid, no date, TLP:RED)
   */
  public Mapped map(JsonNode document, String name) {
    JsonNode event = document.has("Event") ? document.get("Event") : document;
    if (!event.isObject()
        || !(event.has("info") || event.has("Attribute") || event.has("Object"))) {
      throw new InvalidValueException(name + " is not a MISP event (no Event, info or Attribute)");
    }
    String uuid = event.path("uuid").asText("");
    if (uuid.isEmpty()) {
      throw new InvalidValueException("event " + label(event, name) + " has no uuid");
    }
    try {
      uuid = UUID.fromString(uuid).toString();
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException(
          "event " + label(event, name) + " has a uuid that is not one: '" + uuid + "'");
    }
    Instant date = date(event, name);
    Tlp tlp = marking.orElse(Tlp.AMBER);
    Reliability reliability = Reliability.F;
    Optional<Credibility> credibility = Optional.empty();
    List<String> keywords = new ArrayList<>();
    for (JsonNode tag : event.path("Tag")) {
      String tagName = tag.path("name").asText("").strip();
      Matcher m = MACHINE_TAG.matcher(tagName.toLowerCase(Locale.ROOT));
      Optional<Tlp> level = tlpTag(tagName);
      if (level.isPresent()) {
        Tlp tagged = level.get();
        tlp = marking.filter(given -> given.compareTo(tagged) > 0).orElse(tagged);
      } else if (m.matches() && m.group(1).equals("admiralty-scale")) {
        if (m.group(2).equals("source-reliability")) {
          reliability = Reliability.parse(m.group(3));
        } else if (m.group(2).equals("information-credibility")) {
          credibility = credibility(m.group(3));
        }
      } else if (!tagName.isEmpty()) {
        keywords.add(tagName);
      }
    }
    if (tlp == Tlp.RED) {
      throw new InvalidValueException(
          "event " + uuid + " is TLP:RED; RED names its readers, so it is not imported in bulk");
    }
    String title = event.path("info").asText("").strip();
    Source source =
        new Source(
            "misp-" + uuid,
            SourceKind.DOCUMENT,
            title.isEmpty() ? "MISP event " + uuid : title,
            reliability,
            Marking.of(tlp, ownerOrg),
            Optional.empty(),
            Optional.of("misp:" + uuid),
            date);
    return new Builder(source, uuid, credibility, date).build(event, keywords);
  }

  /** Collects the statements of one event. */
  private final class Builder {
    private final Source source;
    private final String eventUuid;
    private final Optional<Credibility> credibility;
    private final Instant seen;
    private final List<Statement> statements = new ArrayList<>();
    private final List<Skipped> skipped = new ArrayList<>();
    private final Map<String, Boolean> entities = new LinkedHashMap<>();
    private int attributes;
    private int imported;

    Builder(Source source, String eventUuid, Optional<Credibility> credibility, Instant seen) {
      this.source = source;
      this.eventUuid = eventUuid;
      this.credibility = credibility;
      this.seen = seen;
    }

    Mapped build(JsonNode event, List<String> keywords) {
      String doc = source.id();
      add(doc, Schema.DOCUMENT, "title", source.title(), credibility);
      add(
          doc,
          Schema.DOCUMENT,
          "publishedAt",
          LocalDate.ofInstant(seen, ZoneOffset.UTC) + "",
          credibility);
      for (String k : keywords) {
        add(doc, Schema.DOCUMENT, "keywords", k, credibility);
      }
      int index = 0;
      for (JsonNode a : event.path("Attribute")) {
        attribute(a, "attribute " + index++);
      }
      index = 0;
      for (JsonNode o : event.path("Object")) {
        object(o, index++);
      }
      for (JsonNode galaxy : event.path("Galaxy")) {
        for (JsonNode cluster : galaxy.path("GalaxyCluster")) {
          cluster(galaxy.path("type").asText(""), cluster);
        }
      }
      return new Mapped(source, statements, attributes, imported, entities.size(), skipped);
    }

    private void attribute(JsonNode a, String position) {
      attributes++;
      Optional<String> refusal = refusal(a);
      String what = describe(a, position);
      if (refusal.isPresent()) {
        skipped.add(new Skipped(what, refusal.get()));
        return;
      }
      String type = a.get("type").asText();
      String value = a.get("value").asText();
      Optional<Credibility> cred = attributeCredibility(a);
      Matcher own = OWN_COMMENT.matcher(a.path("comment").asText(""));
      if (own.matches()) {
        Optional<Schema> schema = Schema.find(own.group(1));
        String property = own.group(2);
        if (schema.isPresent()
            && schema.get().kind() == Schema.Kind.NODE
            && schema
                .get()
                .property(property)
                .map(p -> p.type() != PropertyType.ENTITY)
                .orElse(false)
            && tryAdd(entityId("vigil:" + own.group(3)), schema.get(), property, value, cred)) {
          imported++;
          return;
        }
      }
      Target target = BY_TYPE.get(type);
      if (target == null
          && type.equals("text")
          && a.path("category").asText("").equals("Attribution")) {
        target = new Target(Schema.ORGANIZATION, "name");
      }
      if (target != null
          && tryAdd(
              entityId(target.schema().ftmName() + "|" + value.strip().toLowerCase(Locale.ROOT)),
              target.schema(),
              target.property(),
              value,
              cred)) {
        imported++;
        return;
      }
      note(type, value, cred);
    }

    private void object(JsonNode o, int index) {
      String template = o.path("name").asText("").toLowerCase(Locale.ROOT);
      Schema schema = BY_OBJECT.get(template);
      String key = o.path("uuid").asText("");
      String id = entityId("object|" + eventUuid + "|" + (key.isEmpty() ? "#" + index : key));
      int position = 0;
      for (JsonNode a : o.path("Attribute")) {
        String where = "object " + index + " (" + template + ") attribute " + position++;
        Optional<String> refusal = refusal(a);
        if (refusal.isPresent()) {
          attributes++;
          skipped.add(new Skipped(describe(a, where), refusal.get()));
          continue;
        }
        String relation = a.path("object_relation").asText("");
        String property = BY_RELATION.get(relation);
        Optional<Credibility> cred = attributeCredibility(a);
        String value = a.get("value").asText();
        if (schema != null
            && property != null
            && schema.property(property).isPresent()
            && tryAdd(id, schema, property, value, cred)) {
          attributes++;
          imported++;
        } else if (schema == null) {
          attribute(a, where);
        } else {
          attributes++;
          note(template + "/" + relation + " " + a.get("type").asText(), value, cred);
        }
      }
    }

    private void cluster(String galaxyType, JsonNode cluster) {
      String value = cluster.path("value").asText("").strip();
      String clusterUuid = cluster.path("uuid").asText("");
      String tagName = cluster.path("tag_name").asText("misp-galaxy:" + galaxyType + "=" + value);
      if (!galaxyType.equals("threat-actor") || value.isEmpty()) {
        add(source.id(), Schema.DOCUMENT, "keywords", tagName, credibility);
        return;
      }
      String id = entityId("cluster|" + (clusterUuid.isEmpty() ? value : clusterUuid));
      if (!tryAdd(id, Schema.ORGANIZATION, "name", value, credibility)) {
        skipped.add(new Skipped("galaxy cluster " + tagName, "its name is not a valid name"));
        return;
      }
      for (JsonNode synonym : cluster.path("meta").path("synonyms")) {
        if (!tryAdd(id, Schema.ORGANIZATION, "alias", synonym.asText(), credibility)) {
          skipped.add(
              new Skipped("synonym '" + synonym.asText() + "' of " + tagName, "not a valid name"));
        }
      }
      for (JsonNode country : cluster.path("meta").path("country")) {
        if (!tryAdd(id, Schema.ORGANIZATION, "country", country.asText(), credibility)) {
          skipped.add(
              new Skipped(
                  "country '" + country.asText() + "' of " + tagName, "not a country code"));
        }
      }
      add(source.id(), Schema.DOCUMENT, "keywords", tagName, credibility);
    }

    /** Kept on the source's document, so that nothing known is dropped. */
    private void note(String type, String value, Optional<Credibility> cred) {
      if (tryAdd(source.id(), Schema.DOCUMENT, "notes", type + "=" + value, cred)) {
        imported++;
      } else {
        skipped.add(new Skipped(type + " '" + abbreviate(value) + "'", "not valid text"));
      }
    }

    private Optional<String> refusal(JsonNode a) {
      String type = a.path("type").asText("");
      if (type.isEmpty()) {
        return Optional.of("it has no type");
      }
      if (!knownTypes.contains(type)) {
        return Optional.of("unknown attribute type '" + type + "'");
      }
      if (!a.hasNonNull("value") || a.get("value").asText("").isBlank()) {
        return Optional.of("it has no value");
      }
      return Optional.empty();
    }

    private Optional<Credibility> attributeCredibility(JsonNode a) {
      for (JsonNode tag : a.path("Tag")) {
        Matcher m = MACHINE_TAG.matcher(tag.path("name").asText("").toLowerCase(Locale.ROOT));
        if (m.matches()
            && m.group(1).equals("admiralty-scale")
            && m.group(2).equals("information-credibility")) {
          return credibility(m.group(3));
        }
      }
      return credibility;
    }

    private void add(
        String entityId, Schema schema, String property, String value, Optional<Credibility> cred) {
      if (!tryAdd(entityId, schema, property, value, cred)) {
        skipped.add(new Skipped(property + " '" + abbreviate(value) + "'", "not a valid value"));
      }
    }

    private boolean tryAdd(
        String entityId, Schema schema, String property, String value, Optional<Credibility> cred) {
      try {
        Statement.Builder b =
            Statement.about(entityId, schema)
                .set(property, value)
                .from(source)
                .extractor(EXTRACTOR, 1.0)
                .seen(seen);
        cred.ifPresent(b::credibility);
        statements.add(b.build());
        if (!entityId.equals(source.id())) {
          entities.put(entityId, true);
        }
        return true;
      } catch (InvalidValueException e) {
        return false;
      }
    }
  }

  /** A TLP level tag; others of the tlp taxonomy (tlp:ex:chr, tlp:unclear) are kept as keywords. */
  private static Optional<Tlp> tlpTag(String tagName) {
    if (!tagName.toLowerCase(Locale.ROOT).startsWith("tlp:")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Tlp.parse(tagName));
    } catch (InvalidValueException e) {
      return Optional.empty();
    }
  }

  private static Optional<Credibility> credibility(String grade) {
    try {
      return Optional.of(Credibility.ofGrade(Integer.parseInt(grade.strip())));
    } catch (NumberFormatException | InvalidValueException e) {
      return Optional.empty();
    }
  }

  private static Instant date(JsonNode event, String name) {
    String date = event.path("date").asText("");
    if (!date.isEmpty()) {
      try {
        return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e) {
        throw new InvalidValueException(
            "event " + label(event, name) + " has a date that is not YYYY-MM-DD: '" + date + "'");
      }
    }
    String timestamp = event.path("timestamp").asText("");
    if (timestamp.matches("[0-9]{1,12}")) {
      return Instant.ofEpochSecond(Long.parseLong(timestamp));
    }
    throw new InvalidValueException("event " + label(event, name) + " has no date");
  }

  private static String label(JsonNode event, String name) {
    String info = event.path("info").asText("");
    return info.isEmpty() ? "in " + name : "'" + abbreviate(info) + "' in " + name;
  }

  private static String describe(JsonNode a, String position) {
    String uuid = a.path("uuid").asText("");
    return position + (uuid.isEmpty() ? "" : " (" + uuid + ")");
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  /** A stable entity id: the same key gives the same entity in every import. */
  static String entityId(String key) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "misp-" + HexFormat.of().formatHex(h, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
