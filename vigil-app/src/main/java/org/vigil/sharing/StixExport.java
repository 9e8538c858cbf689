/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.sharing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.vigil.access.MarkingPolicy;
import org.vigil.access.Organization;
import org.vigil.access.Viewer;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditEvent;
import org.vigil.model.Credibility;
import org.vigil.model.Entity;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Source;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;
import org.vigil.stix.AnalystGrades;
import org.vigil.stix.StixMapping;
import org.vigil.stix.StixObjects;
import org.vigil.stix.StixTime;
import org.vigil.store.Grade;
import org.vigil.store.Store;
import org.vigil.store.TaxiiRepository;

/**
 * The front door of STIX exports: a bundle of what one recipient organisation may read, and the
 * publication of an organisation's own statements into its TAXII collections. Both take only
 * statements the recipient may read under {@link MarkingPolicy} as an organisation (so RED, which
 * names people, never leaves, and AMBER+STRICT leaves only to its owner), and both write an audit
 * row naming every STIX id they released. Thread-safe; the caller owns the store.
 */
public final class StixExport {

  private final Store store;
  private final Clock clock;

  public StixExport(Store store, Clock clock) {
    this.store = requireNonNull(store, "store");
    this.clock = requireNonNull(clock, "clock");
  }

  /** What an export released: its objects, the entities without a STIX form, and a summary. */
  public record Outcome(StixObjects objects, Map<String, Integer> byType) {
    public Outcome {
      requireNonNull(objects, "objects");
      byType = Map.copyOf(byType);
    }
  }

  /**
   * A STIX 2.1 bundle of everything {@code recipientOrg} may read, audited for {@code actor}.
   *
   * @throws InvalidValueException when the organisation does not exist
   */
  public ObjectNode bundleFor(String recipientOrg, String actor, String address) {
    return bundle(exportFor(recipientOrg, actor, address));
  }

  /** The objects of an export as a STIX 2.1 bundle. */
  public static ObjectNode bundle(Outcome outcome) {
    ObjectNode bundle = JsonNodeFactory.instance.objectNode();
    bundle.put("type", "bundle");
    bundle.put("id", "bundle--" + UUID.randomUUID());
    ArrayNode objects = bundle.putArray("objects");
    outcome.objects().objects().forEach(objects::add);
    return bundle;
  }

  /** Like {@link #bundleFor}, returning the objects and a count by type. */
  public Outcome exportFor(String recipientOrg, String actor, String address) {
    Viewer reader = Release.organisationViewer(store, recipientOrg);
    Outcome mapped =
        map(
            s -> MarkingPolicy.canSee(reader, s.marking()),
            src -> MarkingPolicy.canSee(reader, src.marking()),
            ownGrades(reader));
    // Opinions only on objects released here: claimants' stances and the recipient's own grades.
    Outcome outcome = ExportedOpinions.add(store, reader, mapped);
    Release.audit(
        store,
        actor,
        address,
        "stix:" + recipientOrg,
        "STIX objects",
        outcome.objects().objects().stream().map(o -> o.get("id").asText()).toList(),
        clock.instant());
    return outcome;
  }

  /**
   * Publishes {@code ownerOrg}'s statements into its TAXII collections: into the collection of each
   * TLP level from CLEAR to AMBER+STRICT, the STIX objects made of exactly that level's statements
   * (owned by the organisation and restricted to no one). A changed object becomes a new version;
   * an unchanged one is left as it was.
   *
   * @return how many objects each level offered
   */
  public Map<Tlp, Integer> publish(String ownerOrg, String actor, String address) {
    Release.organisationViewer(store, ownerOrg);
    Map<Tlp, Integer> counts = new LinkedHashMap<>();
    for (Tlp tlp : List.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER, Tlp.AMBER_STRICT)) {
      Marking level = Marking.of(tlp, ownerOrg);
      // A source's report goes into the collection only if its own marking is that level too.
      // Partners read these collections; the owner's grades are its own and stay home.
      Outcome outcome =
          map(
              s -> s.marking().equals(level),
              src -> src.marking().equals(level),
              AnalystGrades.none());
      List<TaxiiRepository.NewObject> objects = new ArrayList<>();
      for (ObjectNode o : outcome.objects().objects()) {
        String version = o.path("modified").asText(o.path("created").asText());
        objects.add(
            new TaxiiRepository.NewObject(
                o.get("id").asText(),
                StixTime.micros(StixTime.parse(version)),
                version,
                o.get("type").asText(),
                "2.1",
                o.toString()));
      }
      counts.put(tlp, objects.size());
      if (objects.isEmpty()) {
        continue;
      }
      String collection = TaxiiCollections.idOf(ownerOrg, tlp);
      store.audited(
          () -> {
            store.taxii().ensureCollection(collection, ownerOrg, tlp);
            return store.taxii().add(collection, objects, StixTime.micros(clock.instant()));
          },
          added ->
              new AuditEvent(
                  actor,
                  AuditAction.SHARE,
                  "taxii:" + collection,
                  "published " + objects.size() + " objects of " + ownerOrg + " " + tlp.label(),
                  address,
                  clock.instant()));
    }
    return counts;
  }

  /**
   * The grades in force that the recipient organisation's own analysts made (the newest per claim
   * or source): grades belong to their organisation, so an export carries the recipient's own and
   * never another organisation's.
   */
  private AnalystGrades ownGrades(Viewer recipient) {
    Map<String, Credibility> claims = new LinkedHashMap<>();
    Map<String, Reliability> sources = new LinkedHashMap<>();
    for (Grade g : store.grades().gradesInForce(recipient)) {
      switch (g.target()) {
        case CLAIM -> claims.put(g.targetId(), Credibility.ofGrade(Integer.parseInt(g.grade())));
        case SOURCE -> sources.put(g.targetId(), Reliability.parse(g.grade()));
      }
    }
    return new AnalystGrades(claims, sources);
  }

  private Outcome map(
      Predicate<Statement> released, Predicate<Source> sourceReleased, AnalystGrades grades) {
    List<Entity> entities = new ArrayList<>();
    Map<String, Source> sources = new LinkedHashMap<>();
    store
        .statements()
        .scanEntities(
            e -> {
              List<Statement> kept = e.statements().stream().filter(released).toList();
              if (!kept.isEmpty()) {
                entities.add(Entity.assemble(e.id(), e.memberIds(), kept));
                for (Statement s : kept) {
                  sources.computeIfAbsent(
                      s.sourceId(),
                      id ->
                          store
                              .statements()
                              .source(id, Viewer.system())
                              .filter(sourceReleased)
                              .orElse(null));
                }
              }
            });
    sources.values().removeIf(java.util.Objects::isNull);
    StixObjects objects = StixMapping.map(entities, sources, grades);
    Map<String, Integer> byType = new java.util.TreeMap<>();
    objects.objects().forEach(o -> byType.merge(o.get("type").asText(), 1, Integer::sum));
    return new Outcome(objects, byType);
  }

  /** Whether {@code orgId} names an organisation. */
  public Optional<Organization> organisation(String orgId) {
    return store.accounts().organization(orgId);
  }
}
