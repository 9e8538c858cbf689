/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.claims;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.vigil.model.Credibility;

/**
 * The front door: claims and the links of derivation between their sources and parties, weighed.
 * Each proposition gets its corroboration as counts of independent origins, never a blended score;
 * each claim gets a suggested credibility that counts only origins independent of its own. Built
 * once, immutable, safe to share.
 */
public final class Weighing {
  private final Origins origins;
  private final Map<String, WeighedProposition> byKey;

  private Weighing(Origins origins, Map<String, WeighedProposition> byKey) {
    this.origins = origins;
    this.byKey = byKey;
  }

  /**
   * Weighs {@code claims} with {@code links} collapsed into independent origins.
   *
   * @throws IllegalArgumentException when two claims share an id
   */
  public static Weighing of(List<Claim> claims, List<OriginLink> links) {
    requireNonNull(claims, "claims");
    Origins origins = Origins.of(links);
    Map<String, List<Claim>> grouped = new LinkedHashMap<>();
    Map<String, Proposition> propositions = new LinkedHashMap<>();
    Set<String> ids = new java.util.HashSet<>();
    for (Claim c : claims) {
      if (!ids.add(c.id())) {
        throw new IllegalArgumentException("claim id " + c.id() + " is given twice");
      }
      grouped.computeIfAbsent(c.proposition().key(), k -> new ArrayList<>()).add(c);
      propositions.putIfAbsent(c.proposition().key(), c.proposition());
    }
    Map<String, Set<String>> asserting = new LinkedHashMap<>();
    for (var e : grouped.entrySet()) {
      asserting.put(e.getKey(), originsWith(e.getValue(), origins, Side.SUPPORTS));
    }
    Map<String, Map<String, String>> bySituation = bySituation(grouped, origins);
    Map<String, WeighedProposition> byKey = new LinkedHashMap<>();
    for (var e : grouped.entrySet()) {
      Proposition p = propositions.get(e.getKey());
      List<Conflict> conflicts = new ArrayList<>();
      Map<String, String> excluded = bySituation.getOrDefault(p.key(), Map.of());
      for (var other : propositions.values()) {
        Optional<String> why =
            CannotBothHold.reason(p, other)
                .filter(r -> !asserting.get(other.key()).isEmpty())
                .or(() -> Optional.ofNullable(excluded.get(other.key())));
        why.ifPresent(r -> conflicts.add(new Conflict(other, r)));
      }
      byKey.put(e.getKey(), weigh(p, e.getValue(), origins, conflicts));
    }
    return new Weighing(origins, byKey);
  }

  /**
   * For each proposition, the others one of whose supporting claims of known origin puts a party in
   * a standing that excludes one of its own supporting claims', with why: the proposition's key to
   * the other's key to the reason.
   */
  private static Map<String, Map<String, String>> bySituation(
      Map<String, List<Claim>> grouped, Origins origins) {
    List<Claim> placed = new ArrayList<>();
    for (List<Claim> claims : grouped.values()) {
      for (Claim c : claims) {
        if (!c.standings().isEmpty()
            && side(c.stance()) == Side.SUPPORTS
            && origins.originOf(c).isPresent()) {
          placed.add(c);
        }
      }
    }
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (int i = 0; i < placed.size(); i++) {
      for (int j = i + 1; j < placed.size(); j++) {
        Claim a = placed.get(i);
        Claim b = placed.get(j);
        String ka = a.proposition().key();
        String kb = b.proposition().key();
        if (ka.equals(kb) || out.getOrDefault(ka, Map.of()).containsKey(kb)) {
          continue;
        }
        Optional<String> why = CannotBothHold.reason(a, b);
        if (why.isPresent()) {
          out.computeIfAbsent(ka, k -> new LinkedHashMap<>()).put(kb, why.get());
          out.computeIfAbsent(kb, k -> new LinkedHashMap<>()).put(ka, why.get());
        }
      }
    }
    return out;
  }

  private static WeighedProposition weigh(
      Proposition p, List<Claim> claims, Origins origins, List<Conflict> conflicts) {
    Map<String, List<Claim>> byOrigin = new LinkedHashMap<>();
    List<Claim> unknown = new ArrayList<>();
    for (Claim c : claims) {
      Optional<String> o = origins.originOf(c);
      if (o.isPresent()) {
        byOrigin.computeIfAbsent(o.get(), k -> new ArrayList<>()).add(c);
      } else {
        unknown.add(c);
      }
    }
    int supports = originsWith(claims, origins, Side.SUPPORTS).size();
    int denies = originsWith(claims, origins, Side.DENIES).size();
    int speculates = originsWith(claims, origins, Side.SPECULATES).size();
    Corroboration corroboration = new Corroboration(supports, denies, speculates, unknown.size());
    FactStatus status;
    if (supports > 0 && (denies > 0 || !conflicts.isEmpty())) {
      status = new FactStatus(FactStatus.Kind.DISPUTED, supports + denies);
    } else if (denies > 0) {
      status = new FactStatus(FactStatus.Kind.DENIED, denies);
    } else if (supports > 1) {
      status = new FactStatus(FactStatus.Kind.CORROBORATED, supports);
    } else if (supports == 1) {
      status = new FactStatus(FactStatus.Kind.SINGLE_ORIGIN, 1);
    } else if (speculates > 0) {
      status = new FactStatus(FactStatus.Kind.SPECULATED, speculates);
    } else {
      status = new FactStatus(FactStatus.Kind.UNKNOWN_ORIGIN, 0);
    }
    return new WeighedProposition(p, byOrigin, unknown, corroboration, status, conflicts);
  }

  private enum Side {
    SUPPORTS,
    DENIES,
    SPECULATES
  }

  private static Set<String> originsWith(List<Claim> claims, Origins origins, Side side) {
    Set<String> out = new LinkedHashSet<>();
    for (Claim c : claims) {
      if (side(c.stance()) == side) {
        origins.originOf(c).ifPresent(out::add);
      }
    }
    return out;
  }

  private static Side side(Stance s) {
    return switch (s) {
      case ASSERTS, ALLEGES -> Side.SUPPORTS;
      case DENIES -> Side.DENIES;
      case SPECULATES -> Side.SPECULATES;
    };
  }

  /** The independent origins the links leave. */
  public Origins origins() {
    return origins;
  }

  /** Every proposition weighed, in order of its first claim. */
  public List<WeighedProposition> propositions() {
    return List.copyOf(byKey.values());
  }

  /** The weighing of {@code p}, if any claim is about it. */
  public Optional<WeighedProposition> find(Proposition p) {
    return Optional.ofNullable(byKey.get(p.key()));
  }

  /**
   * The credibility the evidence suggests for {@code claim}: 1 (confirmed) only when at least one
   * origin other than the claim's own agrees and none independent disagrees; 5 (improbable) when
   * independent origins contradict it and none other agrees; 3 (possibly true) when others stand on
   * both sides; 6 (cannot be judged) when its origin is unknown or no other origin speaks to it.
   * Speculation neither confirms nor contradicts.
   *
   * @throws NoSuchElementException when the claim was not weighed here
   */
  public CredibilitySuggestion suggest(Claim claim) {
    WeighedProposition w = byKey.get(claim.proposition().key());
    if (w == null || !w.claims().contains(claim)) {
      throw new NoSuchElementException("claim " + claim.id() + " was not weighed");
    }
    Optional<String> own = origins.originOf(claim);
    if (own.isEmpty()) {
      return new CredibilitySuggestion(
          Credibility.CANNOT_BE_JUDGED,
          "its origin is unknown, so nothing independent can be told");
    }
    Side mine = side(claim.stance()) == Side.DENIES ? Side.DENIES : Side.SUPPORTS;
    Side theirs = mine == Side.DENIES ? Side.SUPPORTS : Side.DENIES;
    Set<String> agreeing = originsWith(w.claims(), origins, mine);
    Set<String> opposing = new LinkedHashSet<>(originsWith(w.claims(), origins, theirs));
    if (mine == Side.SUPPORTS) {
      for (Proposition other : w.conflicts()) {
        opposing.addAll(originsWith(byKey.get(other.key()).claims(), origins, Side.SUPPORTS));
      }
    }
    agreeing.remove(own.get());
    opposing.remove(own.get());
    if (!agreeing.isEmpty() && opposing.isEmpty()) {
      return new CredibilitySuggestion(
          Credibility.CONFIRMED, "confirmed by " + count(agreeing.size()) + " besides its own");
    }
    if (!agreeing.isEmpty()) {
      return new CredibilitySuggestion(
          Credibility.POSSIBLY_TRUE,
          "agreed by " + count(agreeing.size()) + ", contradicted by " + count(opposing.size()));
    }
    if (!opposing.isEmpty()) {
      return new CredibilitySuggestion(
          Credibility.IMPROBABLE, "contradicted by " + count(opposing.size()));
    }
    return new CredibilitySuggestion(
        Credibility.CANNOT_BE_JUDGED, "no origin independent of its own speaks to it");
  }

  private static String count(int n) {
    return n == 1 ? "1 independent origin" : n + " independent origins";
  }
}
