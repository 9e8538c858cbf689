/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.sharing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import org.vigil.access.MarkingPolicy;
import org.vigil.access.Organization;
import org.vigil.access.Viewer;
import org.vigil.model.Credibility;
import org.vigil.model.InvalidValueException;
import org.vigil.model.PropertyType;
import org.vigil.model.Reliability;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;
import org.vigil.stix.AnalystGrades;
import org.vigil.store.Grade;
import org.vigil.store.Store;

/**
 * A MISP feed of what one recipient organisation may read: one MISP event per source it may read,
 * holding as attributes the statements of that source it may read (a person's names, nationality
 * and birth date with MISP's Person types, everything else as text with a comment naming the entity
 * and property), tagged with the TLP 2.0 and Admiralty source-reliability machine tags of the MISP
 * taxonomies; written as MISP feeds are (manifest.json keyed by event UUID, one UUID.json per
 * event, hashes.csv of the MD5 of every attribute value with its event's UUID). TLP:RED never
 * leaves; AMBER+STRICT leaves only to its owner. A reference to an entity the recipient may not
 * read is left out. A feed for an organisation says its own analysts' grades in force, kept apart:
 * a graded source's reliability in the event's admiralty-scale tag, a graded claim's credibility
 * ({@code admiralty-scale:information-credibility="2"}) on its attributes; no feed carries another
 * organisation's grades. Every released event UUID is audited. Thread-safe; the caller owns the
 * store.
 */
public final class MispFeed {
  /** Fixed, so that the same source is the same event in every feed. */
  static final UUID NAMESPACE = UUID.fromString("3c2a4d6e-5b1f-4f08-9a7e-1d2c3b4a5f60");

  private final Store store;
  private final Clock clock;

  public MispFeed(Store store, Clock clock) {
    this.store = requireNonNull(store, "store");
    this.clock = requireNonNull(clock, "clock");
  }

  /**
   * One event of the feed.
   *
   * @param document the event file's content, {@code {"Event": {...}}}
   * @param manifest the event's entry in manifest.json
   * @param hashes the MD5 of each attribute value, in attribute order
   */
  public record FeedEvent(
      String uuid, ObjectNode document, ObjectNode manifest, List<String> hashes) {
    public FeedEvent {
      requireNonNull(uuid, "uuid");
      requireNonNull(document, "document");
      requireNonNull(manifest, "manifest");
      hashes = List.copyOf(hashes);
    }
  }

  /** What a feed released: its events, by source id order, and how many attributes they hold. */
  public record Outcome(List<FeedEvent> events, int attributes) {
    public Outcome {
      events = List.copyOf(events);
    }
  }

  /**
   * The feed of everything {@code recipientOrg} may read, audited for {@code actor}.
   *
   * @throws InvalidValueException when the organisation does not exist
   */
  public Outcome feedFor(String recipientOrg, String actor, String address) {
    Outcome outcome = build(Release.organisationViewer(store, recipientOrg), sourceId -> true);
    audit(recipientOrg, actor, address, outcome);
    return outcome;
  }

  /**
   * The one event of {@code recipientOrg}'s feed whose UUID is {@code uuid}, audited for {@code
   * actor} when there is one; empty, and nothing audited, when the feed has no such event (an event
   * of a source the organisation may not read is not in its feed, exactly like one that never
   * existed).
   *
   * @throws InvalidValueException when the organisation does not exist
   */
  public Optional<FeedEvent> eventFor(
      String recipientOrg, String uuid, String actor, String address) {
    requireNonNull(uuid, "uuid");
    Viewer reader = Release.organisationViewer(store, recipientOrg);
    Map<String, Boolean> wanted = new HashMap<>();
    Outcome outcome =
        build(
            reader,
            sourceId ->
                wanted.computeIfAbsent(sourceId, k -> uuid5("event:" + k).toString().equals(uuid)));
    if (outcome.events().isEmpty()) {
      return Optional.empty();
    }
    audit(recipientOrg, actor, address, outcome);
    return Optional.of(outcome.events().get(0));
  }

  private void audit(String recipientOrg, String actor, String address, Outcome outcome) {
    Release.audit(
        store,
        actor,
        address,
        "misp:" + recipientOrg,
        "MISP events",
        outcome.events().stream().map(FeedEvent::uuid).toList(),
        clock.instant());
  }

  /** The events of the sources {@code wanted} accepts, made of what {@code reader} may read. */
  private Outcome build(Viewer reader, Predicate<String> wanted) {
    Map<String, List<Statement>> bySource = new TreeMap<>();
    Map<String, String> captions = new HashMap<>();
    store
        .statements()
        .scanEntities(
            e -> {
              for (Statement s : e.statements()) {
                if (MarkingPolicy.canSee(reader, s.marking())) {
                  if (wanted.test(s.sourceId())) {
                    bySource.computeIfAbsent(s.sourceId(), k -> new ArrayList<>()).add(s);
                  }
                  if (s.property().equals("name")) {
                    captions.putIfAbsent(s.entityId(), s.value());
                  }
                }
              }
            });
    AnalystGrades grades = ownGrades(reader);
    List<FeedEvent> events = new ArrayList<>();
    int attributes = 0;
    for (Map.Entry<String, List<Statement>> entry : bySource.entrySet()) {
      Optional<Source> source =
          store
              .statements()
              .source(entry.getKey(), Viewer.system())
              .filter(src -> MarkingPolicy.canSee(reader, src.marking()));
      if (source.isEmpty()) {
        continue;
      }
      FeedEvent event = event(source.get(), entry.getValue(), captions, grades);
      attributes += event.hashes().size();
      events.add(event);
    }
    return new Outcome(events, attributes);
  }

  /** The feed's manifest.json: every event's manifest entry, keyed by its UUID. */
  public static ObjectNode manifest(Outcome outcome) {
    ObjectNode manifest = JsonNodeFactory.instance.objectNode();
    for (FeedEvent e : outcome.events()) {
      manifest.set(e.uuid(), e.manifest());
    }
    return manifest;
  }

  /** The feed's hashes.csv: one "md5,event uuid" line per attribute value. */
  public static String hashes(Outcome outcome) {
    StringBuilder hashes = new StringBuilder();
    for (FeedEvent e : outcome.events()) {
      for (String h : e.hashes()) {
        hashes.append(h).append(',').append(e.uuid()).append('\n');
      }
    }
    return hashes.toString();
  }

  /** Writes the feed into {@code dir}: manifest.json, one UUID.json per event, hashes.csv. */
  public static void write(Outcome outcome, Path dir) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    Files.createDirectories(dir);
    for (FeedEvent e : outcome.events()) {
      Files.writeString(
          dir.resolve(e.uuid() + ".json"),
          mapper.writeValueAsString(e.document()),
          StandardCharsets.UTF_8);
    }
    Files.writeString(
        dir.resolve("manifest.json"),
        mapper.writeValueAsString(manifest(outcome)),
        StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("hashes.csv"), hashes(outcome), StandardCharsets.UTF_8);
  }

  /**
   * The grades in force of the recipient organisation's own analysts: its feed says them in the
   * admiralty-scale tags (a graded source's reliability instead of the source's own, a graded
   * claim's credibility on its attributes); a feed for anyone else carries none of them.
   */
  private AnalystGrades ownGrades(Viewer recipient) {
    Map<String, Credibility> claims = new TreeMap<>();
    Map<String, Reliability> sources = new TreeMap<>();
    for (Grade g : store.grades().gradesInForce(recipient)) {
      if (!g.ownerOrg().equals(recipient.orgId())) {
        continue;
      }
      switch (g.target()) {
        case CLAIM -> claims.put(g.targetId(), Credibility.ofGrade(Integer.parseInt(g.grade())));
        case SOURCE -> sources.put(g.targetId(), Reliability.parse(g.grade()));
      }
    }
    return new AnalystGrades(claims, sources);
  }

  private FeedEvent event(
      Source source,
      List<Statement> statements,
      Map<String, String> captions,
      AnalystGrades grades) {
    String uuid = uuid5("event:" + source.id()).toString();
    Tlp tlp = source.marking().tlp();
    long timestamp = source.retrievedAt().getEpochSecond();
    for (Statement s : statements) {
      tlp = s.marking().tlp().compareTo(tlp) > 0 ? s.marking().tlp() : tlp;
      timestamp = Math.max(timestamp, s.lastSeen().getEpochSecond());
    }
    String owner = source.marking().ownerOrg();
    String ownerName = store.accounts().organization(owner).map(Organization::name).orElse(owner);
    ObjectNode orgc = JsonNodeFactory.instance.objectNode();
    orgc.put("name", ownerName);
    orgc.put("uuid", uuid5("org:" + owner).toString());
    ArrayNode tags = JsonNodeFactory.instance.arrayNode();
    tags.add(tag("tlp:" + tlp.code().toLowerCase(Locale.ROOT), colour(tlp)));
    tags.add(
        tag(grades.sources().getOrDefault(source.id(), source.reliability()).mispTag(), "#0088cc"));
    String date = source.retrievedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString();

    ObjectNode event = JsonNodeFactory.instance.objectNode();
    event.put("uuid", uuid);
    event.put("info", source.title());
    event.put("date", date);
    event.put("analysis", "2");
    event.put("threat_level_id", "4");
    event.put("published", true);
    event.put("timestamp", Long.toString(timestamp));
    event.put("publish_timestamp", Long.toString(timestamp));
    event.set("Orgc", orgc);
    event.set("Tag", tags);
    ArrayNode attributes = event.putArray("Attribute");
    List<String> hashes = new ArrayList<>();
    List<Statement> sorted = new ArrayList<>(statements);
    sorted.sort(
        java.util.Comparator.comparing(Statement::entityId)
            .thenComparing(Statement::property)
            .thenComparing(Statement::value)
            .thenComparing(Statement::id));
    for (Statement s : sorted) {
      Optional<ObjectNode> a = attribute(s, captions);
      if (a.isPresent()) {
        Credibility graded = grades.claims().get(s.entityId());
        if (graded != null) {
          a.get().putArray("Tag").add(tag(graded.mispTag(), "#0088cc"));
        }
        attributes.add(a.get());
        hashes.add(md5(a.get().get("value").asText()));
      }
    }
    ObjectNode document = JsonNodeFactory.instance.objectNode();
    document.set("Event", event);

    ObjectNode manifest = JsonNodeFactory.instance.objectNode();
    manifest.set("Orgc", orgc.deepCopy());
    manifest.set("Tag", tags.deepCopy());
    manifest.put("info", source.title());
    manifest.put("date", date);
    manifest.put("analysis", 2);
    manifest.put("threat_level_id", 4);
    manifest.put("timestamp", timestamp);
    return new FeedEvent(uuid, document, manifest, hashes);
  }

  /**
   * The statement as a MISP attribute, or empty when it points at an entity the recipient may not
   * read (its caption is then unknown here).
   */
  private static Optional<ObjectNode> attribute(Statement s, Map<String, String> captions) {
    Schema schema = s.schema();
    String value = s.value();
    boolean reference =
        schema.property(s.property()).map(p -> p.type() == PropertyType.ENTITY).orElse(false);
    if (reference) {
      String caption = captions.get(value);
      if (caption == null) {
        return Optional.empty();
      }
      value = caption;
    }
    String category;
    String type;
    boolean person = schema == Schema.PERSON;
    switch (s.property()) {
      case "name", "alias", "weakAlias", "previousName" -> {
        category = person ? "Person" : "Attribution";
        type = person ? "full-name" : "text";
      }
      case "nationality" -> {
        category = "Person";
        type = person ? "nationality" : "text";
      }
      case "birthDate" -> {
        category = "Person";
        type = person ? "date-of-birth" : "text";
      }
      case "birthPlace" -> {
        category = "Person";
        type = person ? "place-of-birth" : "text";
      }
      case "sourceUrl", "website", "url" -> {
        category = "External analysis";
        type = "link";
      }
      default -> {
        category = "Other";
        type = "text";
      }
    }
    ObjectNode a = JsonNodeFactory.instance.objectNode();
    a.put("uuid", uuid5("attribute:" + s.id()).toString());
    a.put("category", category);
    a.put("type", type);
    a.put("value", value);
    a.put(
        "comment",
        schema.ftmName()
            + "."
            + s.property()
            + " of "
            + captions.getOrDefault(s.entityId(), s.entityId())
            + " ("
            + s.entityId()
            + ")");
    a.put("to_ids", false);
    a.put("disable_correlation", false);
    a.put("timestamp", Long.toString(s.lastSeen().getEpochSecond()));
    return Optional.of(a);
  }

  private static ObjectNode tag(String name, String colour) {
    ObjectNode t = JsonNodeFactory.instance.objectNode();
    t.put("colour", colour);
    t.put("local", false);
    t.put("name", name);
    t.put("relationship_type", "");
    return t;
  }

  /** The colours of the MISP tlp taxonomy. */
  private static String colour(Tlp tlp) {
    return switch (tlp) {
      case CLEAR -> "#ffffff";
      case GREEN -> "#33FF00";
      case AMBER, AMBER_STRICT -> "#FFC000";
      case RED -> "#FF2B2B";
    };
  }

  static UUID uuid5(String name) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      ByteBuffer ns = ByteBuffer.allocate(16);
      ns.putLong(NAMESPACE.getMostSignificantBits()).putLong(NAMESPACE.getLeastSignificantBits());
      sha1.update(ns.array());
      sha1.update(name.getBytes(StandardCharsets.UTF_8));
      byte[] h = sha1.digest();
      h[6] = (byte) ((h[6] & 0x0f) | 0x50);
      h[8] = (byte) ((h[8] & 0x3f) | 0x80);
      ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
      return new UUID(b.getLong(), b.getLong());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing from this JVM", e);
    }
  }

  private static String md5(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("MD5").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is missing from this JVM", e);
    }
  }
}
