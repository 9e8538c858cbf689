/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.weighing;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * more unless the caller named it. A link that is no weighed claim (a list's designation, an
 * analyst's note) counts as 6, "truth cannot be judged". Everything is weighed as the reader sees
 * it.
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

  private final ClaimWeighings weighings;

  public WeighedLinks(ClaimWeighings weighings) {
    this.weighings = requireNonNull(weighings, "weighings");
  }

  /** {@code view} with only the links {@code filter} keeps; {@code named} nodes always stay. */
  public NetworkView keep(NetworkView view, Filter filter, Set<String> named, Viewer viewer) {
    requireNonNull(view, "view");
    requireNonNull(filter, "filter");
    requireNonNull(named, "named");
    requireNonNull(viewer, "viewer");
    if (filter.keepsAll()) {
      return view;
    }
    List<NetworkEdge> edges = new ArrayList<>();
    Set<String> reached = new HashSet<>(named);
    for (NetworkEdge e : view.edges()) {
      if (kept(e, filter, viewer)) {
        edges.add(e);
        reached.add(e.source());
        reached.add(e.target());
      }
    }
    List<NetworkNode> nodes = view.nodes().stream().filter(n -> reached.contains(n.id())).toList();
    return new NetworkView(nodes, edges, view.truncated(), view.brokers());
  }

  private boolean kept(NetworkEdge edge, Filter filter, Viewer viewer) {
    Optional<ClaimWeighings.Fact> fact = weighings.claim(edge.id(), viewer);
    if (filter.hideDisputed()
        && fact.map(f -> f.status().kind() == FactStatus.Kind.DISPUTED).orElse(false)) {
      return false;
    }
    if (filter.atLeast().isEmpty()) {
      return true;
    }
    Credibility credibility =
        fact.flatMap(
                f -> f.claims().stream().filter(c -> c.claimId().equals(edge.id())).findFirst())
            .map(ClaimWeighings.ClaimLine::credibilityInForce)
            .orElse(Credibility.ofGrade(6));
    return credibility.grade() <= filter.atLeast().orElseThrow().grade();
  }
}
