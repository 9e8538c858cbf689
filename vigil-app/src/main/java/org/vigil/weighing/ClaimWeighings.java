/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.weighing;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.access.Viewer;
import org.vigil.claims.Claim;
import org.vigil.claims.Corroboration;
import org.vigil.claims.CredibilitySuggestion;
import org.vigil.claims.FactStatus;
import org.vigil.claims.LinkKind;
import org.vigil.claims.Origin;
import org.vigil.claims.OriginLink;
import org.vigil.claims.Proposition;
import org.vigil.claims.Stance;
import org.vigil.claims.WeighedProposition;
import org.vigil.claims.Weighing;
import org.vigil.model.Credibility;
import org.vigil.model.Entity;
import org.vigil.model.Reliability;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.store.Assessment;
import org.vigil.store.DeclaredLink;
import org.vigil.store.Grade;
import org.vigil.store.Store;

/**
 * The front door for reading weighed claims: the facts about an entity, or the fact one claim
 * belongs to, each with its claims grouped by independent origin, its corroboration (counts of
 * independent origins), its status, and the grades kept apart: each source's reliability (the
 * reader's organisation's grade in force, else the source's own, F by default), each claim's
 * suggested credibility and the analyst's grade in force. Everything is read as one reader sees it:
 * claims, sources, copies and grades the reader may not see take no part, not even in counts.
 *
 * <p>Thread-safe; the store is the caller's.
 */
public final class ClaimWeighings {

  /** One claim as shown: who said it, where, with which stance, and its grades. */
  public record ClaimLine(
      String claimId,
      String claimant,
      Stance stance,
      String sourceId,
      String sourceTitle,
      Reliability sourceReliability,
      Optional<String> evidence,
      Optional<String> date,
      Instant seen,
      CredibilitySuggestion suggested,
      Optional<Grade> credibility,
      SourceKind sourceKind) {
    public ClaimLine {
      requireNonNull(sourceKind, "sourceKind");
      requireNonNull(claimId, "claimId");
      requireNonNull(suggested, "suggested");
      requireNonNull(credibility, "credibility");
    }

    /**
     * Whether its credibility is graded at all: reporting (a document, a tip, a partner's bundle)
     * is; a list's entry and an analyst's own note are not claims whose truth a credibility grade
     * weighs.
     */
    public boolean graded() {
      return switch (sourceKind) {
        case DOCUMENT, TIP, STIX_BUNDLE -> true;
        case LIST_RELEASE, ANALYST -> false;
      };
    }

    /** The credibility in force: the analyst's grade, else the suggestion. */
    public Credibility credibilityInForce() {
      return credibility
          .map(g -> Credibility.ofGrade(Integer.parseInt(g.grade())))
          .orElse(suggested.credibility());
    }
  }

  /**
   * A proposition that cannot hold together with a fact, as a reader sees it.
   *
   * @param caption what it says, with names
   * @param reason why both cannot be true, in plain words
   */
  public record Conflicting(String caption, String reason) {
    public Conflicting {
      requireNonNull(caption, "caption");
      requireNonNull(reason, "reason");
    }
  }

  /** The claims of one independent origin; {@code origin} is empty for claims of unknown origin. */
  public record OriginGroup(Optional<String> origin, String label, List<ClaimLine> claims) {
    public OriginGroup {
      claims = List.copyOf(claims);
    }
  }

  /**
   * One proposition weighed, as a reader sees it.
   *
   * @param caption what it says, with names: "arrest · Ministry of Intelligence and Security"
   * @param conflicts asserted propositions that cannot hold together with this one, and why
   * @param assessments the reader's organisation's assessments of its claims
   * @param ends the sources and quoted parties its claims rest on (id to how it reads), the ends an
   *     analyst may link
   * @param links the reader's organisation's declared links in force that touch one of its ends and
   *     whose ends the reader sees
   */
  public record Fact(
      Proposition proposition,
      String caption,
      FactStatus status,
      Corroboration corroboration,
      List<OriginGroup> origins,
      List<Conflicting> conflicts,
      List<Assessment> assessments,
      Map<String, String> ends,
      List<DeclaredLink> links) {
    public Fact {
      origins = List.copyOf(origins);
      conflicts = List.copyOf(conflicts);
      assessments = List.copyOf(assessments);
      ends = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ends));
      links = List.copyOf(links);
    }

    /** Every claim, by origin. */
    public List<ClaimLine> claims() {
      return origins.stream().flatMap(o -> o.claims().stream()).toList();
    }
  }

  private final Store store;

  public ClaimWeighings(Store store) {
    this.store = requireNonNull(store, "store");
  }

  /**
   * The facts about {@code entityId} as {@code viewer} sees them, disputed ones first; empty when
   * the viewer may see no such entity.
   */
  public Optional<List<Fact>> about(String entityId, Viewer viewer) {
    if (store.statements().entity(entityId, viewer).isEmpty()) {
      return Optional.empty();
    }
    StoredClaims claims = new StoredClaims(store, viewer);
    List<StoredClaims.Read> own = claims.about(entityId);
    List<String> anchors = StoredClaims.withContext(entityId, own);
    // Claims about the bodies and people its claims place read too, so that a rival leader or a
    // later escape is weighed against them; only the facts of its own claims are shown.
    Set<String> ownIds = new java.util.HashSet<>();
    own.forEach(r -> ownIds.add(r.claim().id()));
    List<Fact> facts =
        weigh(
            anchors.size() == 1 ? own : claims.about(anchors),
            viewer,
            w -> w.claims().stream().anyMatch(c -> ownIds.contains(c.id())));
    List<Fact> sorted = new ArrayList<>(facts);
    sorted.sort(
        Comparator.comparingInt(f -> f.status().kind() == FactStatus.Kind.DISPUTED ? 0 : 1));
    return Optional.of(List.copyOf(sorted));
  }

  /** The fact the claim {@code claimId} belongs to, with every claim on it the viewer may see. */
  public Optional<Fact> claim(String claimId, Viewer viewer) {
    StoredClaims claims = new StoredClaims(store, viewer);
    Optional<StoredClaims.Read> read = claims.claim(claimId);
    if (read.isEmpty()) {
      return Optional.empty();
    }
    String anchor = read.get().claim().proposition().subject().split(" ")[0];
    List<StoredClaims.Read> all =
        new ArrayList<>(claims.about(StoredClaims.withContext(anchor, List.of(read.get()))));
    // Read among the others, the claim may have joined a happening its document tells again.
    Optional<StoredClaims.Read> joined =
        all.stream().filter(r -> r.claim().id().equals(claimId)).findFirst();
    if (joined.isEmpty()) {
      all.add(read.get());
    }
    Proposition p = joined.orElse(read.get()).claim().proposition();
    return weigh(all, viewer, w -> w.proposition().equals(p)).stream()
        .filter(f -> f.proposition().equals(p))
        .findFirst();
  }

  private List<Fact> weigh(
      List<StoredClaims.Read> reads,
      Viewer viewer,
      java.util.function.Predicate<WeighedProposition> shown) {
    Map<String, StoredClaims.Read> byId = new LinkedHashMap<>();
    for (StoredClaims.Read r : reads) {
      byId.putIfAbsent(r.claim().id(), r);
    }
    List<Claim> claims = byId.values().stream().map(StoredClaims.Read::claim).toList();
    List<DeclaredLink> declared = store.grades().links(viewer);
    Weighing weighing = Weighing.of(claims, links(claims, declared, viewer));
    Lookups look = new Lookups(store, viewer);
    List<Fact> out = new ArrayList<>();
    for (WeighedProposition w : weighing.propositions()) {
      if (!shown.test(w)) {
        continue;
      }
      List<OriginGroup> groups = new ArrayList<>();
      for (var e : w.byOrigin().entrySet()) {
        groups.add(
            new OriginGroup(
                Optional.of(e.getKey()),
                look.originLabel(
                    e.getKey(), e.getValue().stream().map(c -> byId.get(c.id())).toList()),
                lines(e.getValue(), byId, weighing, look)));
      }
      if (!w.unknownOrigin().isEmpty()) {
        groups.add(
            new OriginGroup(
                Optional.empty(),
                "unknown origin",
                lines(w.unknownOrigin(), byId, weighing, look)));
      }
      List<Assessment> assessments = new ArrayList<>();
      Map<String, String> ends = new LinkedHashMap<>();
      for (Claim c : w.claims()) {
        assessments.addAll(store.grades().assessments(c.id(), viewer));
        if (c.origin() instanceof Origin.Party party) {
          ends.putIfAbsent(party.id(), look.originLabel(party.id(), List.of(byId.get(c.id()))));
        }
        ends.putIfAbsent(
            c.sourceId(), look.source(c.sourceId()).map(Source::title).orElse(c.sourceId()));
      }
      out.add(
          new Fact(
              w.proposition(),
              look.caption(w.proposition()),
              w.status(),
              w.corroboration(),
              groups,
              w.disputes().stream()
                  .map(c -> new Conflicting(look.caption(c.with()), c.reason()))
                  .toList(),
              assessments,
              ends,
              declared.stream()
                  .filter(l -> ends.containsKey(l.link().from()) || ends.containsKey(l.link().to()))
                  .filter(l -> look.seen(l.link().from()) && look.seen(l.link().to()))
                  .toList()));
    }
    return out;
  }

  private List<ClaimLine> lines(
      List<Claim> claims, Map<String, StoredClaims.Read> byId, Weighing weighing, Lookups look) {
    List<ClaimLine> out = new ArrayList<>();
    for (Claim c : claims) {
      StoredClaims.Read r = byId.get(c.id());
      Entity e = r.entity();
      Optional<Source> source = look.source(c.sourceId());
      out.add(
          new ClaimLine(
              c.id(),
              r.claimant().equals("source")
                  ? source.map(Source::title).orElse(c.sourceId())
                  : r.claimant(),
              c.stance(),
              c.sourceId(),
              source.map(Source::title).orElse(c.sourceId()),
              look.reliability(c.sourceId()),
              r.evidence(),
              e.first("date"),
              e.statements().get(0).firstSeen(),
              weighing.suggest(c),
              look.latest(Grade.Target.CLAIM, c.id()),
              source.map(Source::kind).orElse(SourceKind.DOCUMENT)));
    }
    return out;
  }

  /**
   * The links between the claims' sources: a document that nearly copies another the reader sees
   * (found by ingest) is copied from it; and the reader's organisation's declared links.
   */
  private List<OriginLink> links(List<Claim> claims, List<DeclaredLink> declared, Viewer viewer) {
    List<OriginLink> out = new ArrayList<>();
    Set<String> sources = new LinkedHashSet<>();
    claims.forEach(c -> sources.add(c.sourceId()));
    for (String id : sources) {
      store
          .documents()
          .document(id, viewer)
          .flatMap(d -> d.nearDuplicateOf())
          .filter(original -> !original.equals(id))
          .ifPresent(original -> out.add(new OriginLink(id, LinkKind.COPIED_FROM, original)));
    }
    declared.forEach(l -> out.add(l.link()));
    return out;
  }
}
