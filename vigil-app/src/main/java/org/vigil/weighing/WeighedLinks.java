/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.weighing;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.vigil.access.Viewer;
import org.vigil.claims.FactStatus;
import org.vigil.model.Credibility;
import org.vigil.network.NetworkEdge;
import org.vigil.network.NetworkNode;
import org.vigil.network.NetworkView;

/**
 * Keeps the links of a network answer by the weighing of the claims they are: a link whose
 * credibility in force (the analyst's grade, else the suggestion) is worse than asked, or whose
 * fact is disputed when disputed ones are hidden, is dropped, and so is a node no link reaches any
 * more unless the caller named it. A link that is no graded claim (a list's designation, an
 * analyst's note, a link no claim was read from) has no credibility to compare: the credibility
 * filter keeps it and marks it "not graded". Everything is weighed as the reader sees it.
 */
public final class WeighedLinks {

  /**
   * What to keep.
   *
   * @param atLeast keep links with this credibility or a better one (a lower grade); empty keeps
   *     all
   * @param hideDisputed drop links whose fact is disputed
   */
  public record Filter(Optional<Credibility> atLeast, boolean hideDisputed) {
    public Filter {
      requireNonNull(atLeast, "atLeast");
    }

    /** Keeps everything. */
    public static Filter none() {
      return new Filter(Optional.empty(), false);
    }

    public boolean keepsAll() {
      return atLeast.isEmpty() && !hideDisputed;
    }
  }

  /**
   * How links were judged, by the id of the link or event entity that states them ({@link
   * #record}).
   *
   * @param dropped the links the filter leaves out
   * @param notGraded the links kept without a credibility to compare
   */
  public record Verdicts(Set<String> dropped, Set<String> notGraded) {
    public Verdicts {
      dropped = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(dropped));
      notGraded = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(notGraded));
    }

    public static Verdicts none() {
      return new Verdicts(Set.of(), Set.of());
    }

    /** These verdicts and {@code more} together. */
    public Verdicts and(Verdicts more) {
      Set<String> d = new TreeSet<>(dropped);
      d.addAll(more.dropped());
      Set<String> n = new TreeSet<>(notGraded);
      n.addAll(more.notGraded());
      return new Verdicts(d, n);
    }

    /** Whether the edge with this id is kept. */
    public boolean keeps(String edgeId) {
      return !dropped.contains(record(edgeId));
    }

    /** Whether the edge with this id is kept without a credibility to compare. */
    public boolean notGraded(String edgeId) {
      return notGraded.contains(record(edgeId));
    }
  }

  /** One link's verdict. */
  private enum Verdict {
    KEEP,
    KEEP_NOT_GRADED,
    DROP
  }

  private final ClaimWeighings weighings;

  public WeighedLinks(ClaimWeighings weighings) {
    this.weighings = requireNonNull(weighings, "weighings");
  }

  /**
   * The id of the entity that states a link: an answer numbers the second and later links one event
   * states ("evt#2"), and they are all that event's one claim.
   */
  public static String record(String edgeId) {
    int cut = edgeId.indexOf('#');
    return cut < 0 ? edgeId : edgeId.substring(0, cut);
  }

  /** {@code view} with only the links {@code filter} keeps; {@code named} nodes always stay. */
  public NetworkView keep(NetworkView view, Filter filter, Set<String> named, Viewer viewer) {
    return keep(view, judge(view.edges(), filter, viewer), named);
  }

  /** {@code view} with only the links {@code verdicts} keep; {@code named} nodes always stay. */
  public static NetworkView keep(NetworkView view, Verdicts verdicts, Set<String> named) {
    requireNonNull(view, "view");
    requireNonNull(verdicts, "verdicts");
    requireNonNull(named, "named");
    if (verdicts.dropped().isEmpty()) {
      return view;
    }
    List<NetworkEdge> edges = new ArrayList<>();
    Set<String> reached = new HashSet<>(named);
    for (NetworkEdge e : view.edges()) {
      if (verdicts.keeps(e.id())) {
        edges.add(e);
        reached.add(e.source());
        reached.add(e.target());
      }
    }
    List<NetworkNode> nodes = view.nodes().stream().filter(n -> reached.contains(n.id())).toList();
    return new NetworkView(nodes, edges, view.truncated(), view.brokers());
  }

  /** Judges each of {@code edges} by {@code filter}, as {@code viewer} weighs them. */
  public Verdicts judge(Collection<NetworkEdge> edges, Filter filter, Viewer viewer) {
    requireNonNull(edges, "edges");
    requireNonNull(filter, "filter");
    requireNonNull(viewer, "viewer");
    if (filter.keepsAll()) {
      return Verdicts.none();
    }
    Map<String, Verdict> byRecord = new HashMap<>();
    for (NetworkEdge e : edges) {
      byRecord.computeIfAbsent(record(e.id()), r -> verdict(r, filter, viewer));
    }
    Set<String> dropped = new HashSet<>();
    Set<String> notGraded = new HashSet<>();
    byRecord.forEach(
        (r, v) -> {
          switch (v) {
            case DROP -> dropped.add(r);
            case KEEP_NOT_GRADED -> notGraded.add(r);
            case KEEP -> {}
          }
        });
    return new Verdicts(dropped, notGraded);
  }

  private Verdict verdict(String claimId, Filter filter, Viewer viewer) {
    Optional<ClaimWeighings.Fact> fact = weighings.claim(claimId, viewer);
    if (filter.hideDisputed()
        && fact.map(f -> f.status().kind() == FactStatus.Kind.DISPUTED).orElse(false)) {
      return Verdict.DROP;
    }
    if (filter.atLeast().isEmpty()) {
      return Verdict.KEEP;
    }
    Optional<ClaimWeighings.ClaimLine> line =
        fact.flatMap(f -> f.claims().stream().filter(c -> c.claimId().equals(claimId)).findFirst());
    if (line.isEmpty() || !line.get().graded()) {
      return Verdict.KEEP_NOT_GRADED;
    }
    return line.get().credibilityInForce().grade() <= filter.atLeast().orElseThrow().grade()
        ? Verdict.KEEP
        : Verdict.DROP;
  }
}
