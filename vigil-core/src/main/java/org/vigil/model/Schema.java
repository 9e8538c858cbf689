/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.model;

import static org.vigil.model.PropertyType.COUNTRY;
import static org.vigil.model.PropertyType.DATE;
import static org.vigil.model.PropertyType.IDENTIFIER;
import static org.vigil.model.PropertyType.LANGUAGE;
import static org.vigil.model.PropertyType.NAME;
import static org.vigil.model.PropertyType.NUMBER;
import static org.vigil.model.PropertyType.TEXT;
import static org.vigil.model.PropertyType.URL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The FollowTheMoney schemata Vigil stores, with FtM's names and properties. Node schemata are the
 * things in a network; edge schemata (Membership, Employment, ...) are intervals that join two of
 * them, and each names the property that holds its source and its target. Sanction is attached to
 * the sanctioned entity and has no target.
 */
public enum Schema {
  PERSON("Person", Kind.NODE, parents("LegalEntity", "Thing"), person()),
  LEGAL_ENTITY("LegalEntity", Kind.NODE, parents("Thing"), legalEntity()),
  ORGANIZATION("Organization", Kind.NODE, parents("LegalEntity", "Thing"), organization()),
  PUBLIC_BODY(
      "PublicBody", Kind.NODE, parents("Organization", "LegalEntity", "Thing"), organization()),
  COMPANY("Company", Kind.NODE, parents("Organization", "LegalEntity", "Thing"), company()),
  ADDRESS("Address", Kind.NODE, parents("Thing"), address()),
  VESSEL("Vessel", Kind.NODE, parents("Thing"), vessel()),
  AIRPLANE("Airplane", Kind.NODE, parents("Thing"), airplane()),
  EVENT("Event", Kind.NODE, parents("Thing"), event()),
  DOCUMENT("Document", Kind.NODE, parents("Thing"), document()),
  MEMBERSHIP(
      "Membership",
      Kind.EDGE,
      parents("Interval"),
      edge("member", "LegalEntity", "organization", "Organization")),
  EMPLOYMENT(
      "Employment",
      Kind.EDGE,
      parents("Interval"),
      edge("employee", "Person", "employer", "Organization")),
  DIRECTORSHIP(
      "Directorship",
      Kind.EDGE,
      parents("Interval"),
      edge("director", "LegalEntity", "organization", "Organization")),
  OWNERSHIP("Ownership", Kind.EDGE, parents("Interval"), ownership()),
  FAMILY("Family", Kind.EDGE, parents("Interval"), family("relative")),
  ASSOCIATE("Associate", Kind.EDGE, parents("Interval"), family("associate")),
  UNKNOWN_LINK(
      "UnknownLink", Kind.EDGE, parents("Interval"), edge("subject", "Thing", "object", "Thing")),
  SANCTION("Sanction", Kind.ATTACHMENT, parents("Interval"), sanction());

  /** Where a schema stands in the network. */
  public enum Kind {
    /** A thing: a person, an organisation, a vessel, a document. */
    NODE,
    /** An interval that joins a source entity to a target entity. */
    EDGE,
    /** An interval that belongs to one entity and points nowhere else. */
    ATTACHMENT
  }

  private static final Map<String, Schema> BY_NAME =
      Arrays.stream(values())
          .collect(
              Collectors.toMap(Schema::ftmName, s -> s, (a, b) -> a, () -> new LinkedHashMap<>()));

  private final String ftmName;
  private final Kind kind;
  private final List<String> parents;
  private final Map<String, Property> properties;
  private final List<String> required;

  Schema(String ftmName, Kind kind, List<String> parents, Definition definition) {
    this.ftmName = ftmName;
    this.kind = kind;
    this.parents = parents;
    Map<String, Property> props = new LinkedHashMap<>();
    for (Property p : definition.properties) {
      props.put(p.name(), p);
    }
    this.properties = Collections.unmodifiableMap(props);
    this.required = List.copyOf(definition.required);
  }

  /** The FtM name, such as "PublicBody". */
  public String ftmName() {
    return ftmName;
  }

  public Kind kind() {
    return kind;
  }

  /** How a link of this schema reads from its source to its target: "member of", "owner of". */
  public String linkLabel() {
    return switch (this) {
      case MEMBERSHIP -> "member of";
      case EMPLOYMENT -> "employed by";
      case DIRECTORSHIP -> "director of";
      case OWNERSHIP -> "owner of";
      case FAMILY -> "relative of";
      case ASSOCIATE -> "associate of";
      case EVENT -> "involves";
      case UNKNOWN_LINK,
          SANCTION,
          PERSON,
          LEGAL_ENTITY,
          ORGANIZATION,
          PUBLIC_BODY,
          COMPANY,
          ADDRESS,
          VESSEL,
          AIRPLANE,
          DOCUMENT ->
          "linked to";
    };
  }

  /** How a link of this schema reads from its target back to its source: "has member". */
  public String inverseLabel() {
    return switch (this) {
      case MEMBERSHIP -> "has member";
      case EMPLOYMENT -> "employs";
      case DIRECTORSHIP -> "has director";
      case OWNERSHIP -> "owned by";
      case FAMILY -> "relative of";
      case ASSOCIATE -> "associate of";
      case EVENT -> "involved in";
      case UNKNOWN_LINK,
          SANCTION,
          PERSON,
          LEGAL_ENTITY,
          ORGANIZATION,
          PUBLIC_BODY,
          COMPANY,
          ADDRESS,
          VESSEL,
          AIRPLANE,
          DOCUMENT ->
          "linked to";
    };
  }

  public boolean isEdge() {
    return kind == Kind.EDGE;
  }

  /** Looks a schema up by its FtM name. */
  public static Optional<Schema> find(String ftmName) {
    return Optional.ofNullable(BY_NAME.get(ftmName));
  }

  /**
   * Looks a schema up by its FtM name.
   *
   * @throws InvalidValueException naming the unknown schema and listing the known ones
   */
  public static Schema expect(String ftmName) {
    return find(ftmName)
        .orElseThrow(
            () ->
                new InvalidValueException(
                    "unknown schema '"
                        + ftmName
                        + "'; known: "
                        + String.join(", ", BY_NAME.keySet())));
  }

  /**
   * Whether an entity of this schema may stand where {@code other} is expected ("Thing" takes all).
   */
  public boolean isA(String other) {
    return ftmName.equals(other) || parents.contains(other);
  }

  /** Properties in a stable order: the schema's own first, then those it inherits. */
  public Map<String, Property> properties() {
    return properties;
  }

  public Optional<Property> property(String name) {
    return Optional.ofNullable(properties.get(name));
  }

  /**
   * Looks a property of this schema up.
   *
   * @throws InvalidValueException naming the schema and the unknown property
   */
  public Property expectProperty(String name) {
    Property property = properties.get(name);
    if (property == null) {
      throw new InvalidValueException("schema " + ftmName + " has no property '" + name + "'");
    }
    return property;
  }

  /** Properties an entity of this schema must have: an edge's two ends, a sanction's entity. */
  public List<String> required() {
    return required;
  }

  /** For an edge or attachment, the property that holds the entity it starts from. */
  public Optional<String> sourceProperty() {
    return kind == Kind.NODE ? Optional.empty() : Optional.of(required.get(0));
  }

  /** For an edge, the property that holds the entity it points to. */
  public Optional<String> targetProperty() {
    return kind == Kind.EDGE ? Optional.of(required.get(1)) : Optional.empty();
  }

  /** The validated, normalised form of {@code value} for property {@code name}. */
  public String normalise(String name, String value) {
    Property property = expectProperty(name);
    try {
      return property.type().normalise(value);
    } catch (InvalidValueException e) {
      throw new InvalidValueException(ftmName + "." + name + ": " + e.getMessage());
    }
  }

  private static List<String> parents(String... names) {
    return List.of(names);
  }

  private record Definition(List<Property> properties, List<String> required) {}

  private static List<Property> thing() {
    return List.of(
        Property.of("name", NAME),
        Property.of("alias", NAME),
        Property.of("previousName", NAME),
        Property.of("weakAlias", NAME),
        Property.of("country", COUNTRY),
        Property.of("summary", TEXT),
        Property.of("description", TEXT),
        Property.of("notes", TEXT),
        Property.of("sourceUrl", URL),
        Property.of("topics", IDENTIFIER),
        Property.of("keywords", TEXT),
        Property.of("address", TEXT),
        Property.ref("addressEntity", "Address"),
        Property.of("program", TEXT),
        Property.of("wikidataId", IDENTIFIER));
  }

  private static List<Property> legalEntityOwn() {
    return List.of(
        Property.of("email", IDENTIFIER),
        Property.of("phone", IDENTIFIER),
        Property.of("website", URL),
        Property.of("legalForm", TEXT),
        Property.of("incorporationDate", DATE),
        Property.of("dissolutionDate", DATE),
        Property.of("status", TEXT),
        Property.of("sector", TEXT),
        Property.of("registrationNumber", IDENTIFIER),
        Property.of("idNumber", IDENTIFIER),
        Property.of("taxNumber", IDENTIFIER),
        Property.of("jurisdiction", COUNTRY),
        Property.of("mainCountry", COUNTRY),
        Property.of("leiCode", IDENTIFIER),
        Property.of("swiftBic", IDENTIFIER));
  }

  @SafeVarargs
  private static Definition node(List<Property> own, List<Property>... inherited) {
    List<Property> all = new ArrayList<>(own);
    for (List<Property> group : inherited) {
      all.addAll(group);
    }
    return new Definition(dedupe(all), List.of());
  }

  private static Definition legalEntity() {
    return node(legalEntityOwn(), thing());
  }

  private static Definition person() {
    return node(
        List.of(
            Property.of("firstName", NAME),
            Property.of("lastName", NAME),
            Property.of("middleName", NAME),
            Property.of("fatherName", NAME),
            Property.of("motherName", NAME),
            Property.of("secondName", NAME),
            Property.of("title", TEXT),
            Property.of("position", TEXT),
            Property.of("birthDate", DATE),
            Property.of("birthPlace", TEXT),
            Property.of("deathDate", DATE),
            Property.of("nationality", COUNTRY),
            Property.of("citizenship", COUNTRY),
            Property.of("gender", IDENTIFIER),
            Property.of("passportNumber", IDENTIFIER)),
        legalEntityOwn(),
        thing());
  }

  private static Definition organization() {
    return node(List.of(), legalEntityOwn(), thing());
  }

  private static Definition company() {
    return node(
        List.of(Property.of("capital", TEXT), Property.of("ticker", IDENTIFIER)),
        legalEntityOwn(),
        thing());
  }

  private static Definition address() {
    return node(
        List.of(
            Property.of("full", TEXT),
            Property.of("street", TEXT),
            Property.of("city", TEXT),
            Property.of("postalCode", IDENTIFIER),
            Property.of("region", TEXT),
            Property.of("state", TEXT),
            Property.of("latitude", NUMBER),
            Property.of("longitude", NUMBER)),
        thing());
  }

  private static Definition vessel() {
    return node(
        List.of(
            Property.of("imoNumber", IDENTIFIER),
            Property.of("mmsi", IDENTIFIER),
            Property.of("callSign", IDENTIFIER),
            Property.of("flag", COUNTRY),
            Property.of("type", TEXT),
            Property.of("buildDate", DATE),
            Property.of("registrationNumber", IDENTIFIER),
            Property.of("tonnage", NUMBER)),
        thing());
  }

  private static Definition airplane() {
    return node(
        List.of(
            Property.of("registrationNumber", IDENTIFIER),
            Property.of("serialNumber", IDENTIFIER),
            Property.of("model", TEXT),
            Property.of("type", TEXT),
            Property.of("buildDate", DATE)),
        thing());
  }

  private static Definition event() {
    return node(
        List.of(
            Property.of("date", DATE),
            Property.of("startDate", DATE),
            Property.of("endDate", DATE),
            Property.of("location", TEXT),
            // "disputed" when a source denies that it happened, as on the edges
            Property.of("status", TEXT),
            Property.ref("involved", "Thing"),
            // a participant's part, "role: entity id" ("perpetrator: x-person-..."), one each
            Property.of("participant", TEXT),
            // who asserts it when the source quotes a party, and how (see interval())
            Property.of("claimant", TEXT),
            Property.of("stance", TEXT),
            Property.ref("organizer", "LegalEntity"),
            Property.ref("proof", "Document")),
        thing());
  }

  private static Definition document() {
    return node(
        List.of(
            Property.of("title", TEXT),
            Property.of("author", NAME),
            Property.of("publisher", NAME),
            Property.of("fileName", IDENTIFIER),
            Property.of("mimeType", IDENTIFIER),
            Property.of("language", LANGUAGE),
            Property.of("contentHash", IDENTIFIER),
            Property.of("publishedAt", DATE),
            Property.of("retrievedAt", DATE),
            Property.of("bodyText", TEXT)),
        thing());
  }

  private static List<Property> interval() {
    return List.of(
        Property.of("startDate", DATE),
        Property.of("endDate", DATE),
        Property.of("date", DATE),
        Property.of("summary", TEXT),
        Property.of("description", TEXT),
        Property.of("role", TEXT),
        Property.of("status", TEXT),
        // the party the source quotes as asserting it ("according to Reuters"), when not the
        // source itself, and its stance: asserts, denies, alleges or speculates
        Property.of("claimant", TEXT),
        Property.of("stance", TEXT),
        Property.of("sourceUrl", URL),
        Property.of("recordId", IDENTIFIER),
        Property.ref("proof", "Document"));
  }

  private static Definition edge(
      String source, String sourceRange, String target, String targetRange) {
    List<Property> all = new ArrayList<>();
    all.add(Property.ref(source, sourceRange));
    all.add(Property.ref(target, targetRange));
    all.addAll(interval());
    return new Definition(all, List.of(source, target));
  }

  private static Definition ownership() {
    Definition base = edge("owner", "LegalEntity", "asset", "Thing");
    List<Property> all = new ArrayList<>(base.properties());
    all.add(Property.of("percentage", NUMBER));
    all.add(Property.of("sharesCount", NUMBER));
    return new Definition(all, base.required());
  }

  private static Definition family(String other) {
    Definition base = edge("person", "Person", other, "Person");
    List<Property> all = new ArrayList<>(base.properties());
    all.add(Property.of("relationship", TEXT));
    return new Definition(all, base.required());
  }

  private static Definition sanction() {
    List<Property> all = new ArrayList<>();
    all.add(Property.ref("entity", "Thing"));
    all.add(Property.of("authority", TEXT));
    all.add(Property.of("authorityId", IDENTIFIER));
    all.add(Property.of("unscId", IDENTIFIER));
    all.add(Property.of("program", TEXT));
    all.add(Property.of("programId", IDENTIFIER));
    all.add(Property.of("provisions", TEXT));
    all.add(Property.of("reason", TEXT));
    all.add(Property.of("listingDate", DATE));
    all.add(Property.of("country", COUNTRY));
    // a party's part as read ("authority: x-organization-..."), as on events
    all.add(Property.of("participant", TEXT));
    all.addAll(interval());
    return new Definition(dedupe(all), List.of("entity"));
  }

  private static List<Property> dedupe(List<Property> properties) {
    Map<String, Property> byName = new LinkedHashMap<>();
    for (Property p : properties) {
      byName.putIfAbsent(p.name(), p);
    }
    return List.copyOf(byName.values());
  }

  /** Names of every schema, in declaration order. */
  public static Set<String> names() {
    return Collections.unmodifiableSet(BY_NAME.keySet());
  }
}
