/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.weighing;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.vigil.access.Viewer;
import org.vigil.network.LinkFilter;
import org.vigil.network.Measure;
import org.vigil.network.NeighbourhoodRequest;
import org.vigil.network.Network;
import org.vigil.network.NetworkEdge;
import org.vigil.network.NetworkView;
import org.vigil.network.PathRequest;
import org.vigil.network.PathsView;
import org.vigil.store.Store;

/**
 * The graph queries with the links the weighing drops left out before each query runs, so
 * communities, centrality and paths are computed without them, not merely shown without them. The
 * JSON API and the command line both ask here, so a credibility filter means the same on both.
 */
public final class WeighedNetwork {
  /** Rounds of a weighed query before what is still dropped is taken out of the answer after. */
  public static final int MAX_WEIGHING_ROUNDS = 5;

  /**
   * An answer and how its links were weighed.
   *
   * @param answer what is left once the dropped links are out
   * @param verdicts which links were dropped, and which kept without a grade
   */
  public record Answer<V>(V answer, WeighedLinks.Verdicts verdicts) {
    public Answer {
      requireNonNull(answer, "answer");
      requireNonNull(verdicts, "verdicts");
    }

    /** Whether the link with this id was kept without a credibility to compare. */
    public boolean notGraded(String edgeId) {
      return verdicts.notGraded(edgeId);
    }
  }

  private final Store store;

  public WeighedNetwork(Store store) {
    this.store = requireNonNull(store, "store");
  }

  public Answer<NetworkView> neighbours(
      NeighbourhoodRequest request, WeighedLinks.Filter weighing, Viewer viewer) {
    return around(request, weighing, viewer, (n, r) -> n.neighbours(r, viewer));
  }

  public Answer<NetworkView> communities(
      NeighbourhoodRequest request, WeighedLinks.Filter weighing, Viewer viewer) {
    return around(request, weighing, viewer, (n, r) -> n.communities(r, viewer));
  }

  public Answer<NetworkView> centrality(
      NeighbourhoodRequest request,
      Set<Measure> measures,
      WeighedLinks.Filter weighing,
      Viewer viewer) {
    Set<Measure> chosen = Set.copyOf(measures);
    return around(request, weighing, viewer, (n, r) -> n.centrality(r, chosen, viewer));
  }

  /** The links among {@code ids}; the named entities stay even when no link is left to them. */
  public Answer<NetworkView> subgraph(
      List<String> ids, LinkFilter filter, WeighedLinks.Filter weighing, Viewer viewer) {
    List<String> named = List.copyOf(ids);
    Network network = store.network();
    Answer<NetworkView> found =
        weighed(
            weighing,
            viewer,
            without -> network.subgraph(named, filter.leavingOut(without), viewer),
            NetworkView::edges);
    return new Answer<>(
        WeighedLinks.keep(found.answer(), found.verdicts(), Set.copyOf(named)), found.verdicts());
  }

  /** The paths whose every link is kept. */
  public Answer<PathsView> paths(PathRequest request, WeighedLinks.Filter weighing, Viewer viewer) {
    Network network = store.network();
    Answer<PathsView> found =
        weighed(
            weighing,
            viewer,
            without ->
                network.paths(
                    new PathRequest(
                        request.from(),
                        request.to(),
                        request.k(),
                        request.filter().leavingOut(without)),
                    viewer),
            PathsView::edges);
    return new Answer<>(keptPaths(found.answer(), found.verdicts()), found.verdicts());
  }

  private Answer<NetworkView> around(
      NeighbourhoodRequest request,
      WeighedLinks.Filter weighing,
      Viewer viewer,
      java.util.function.BiFunction<Network, NeighbourhoodRequest, NetworkView> run) {
    Network network = store.network();
    Answer<NetworkView> found =
        weighed(
            weighing,
            viewer,
            without ->
                run.apply(
                    network,
                    new NeighbourhoodRequest(
                        request.entity(),
                        request.depth(),
                        request.filter().leavingOut(without),
                        request.limit())),
            NetworkView::edges);
    return new Answer<>(
        WeighedLinks.keep(found.answer(), found.verdicts(), Set.of(request.entity())),
        found.verdicts());
  }

  /**
   * Each round judges the links the answer holds and asks again without those dropped, until no new
   * link is dropped (the last answer is cut after by the caller).
   */
  private <V> Answer<V> weighed(
      WeighedLinks.Filter weighing,
      Viewer viewer,
      Function<Set<String>, V> run,
      Function<V, List<NetworkEdge>> edgesOf) {
    requireNonNull(weighing, "weighing");
    requireNonNull(viewer, "viewer");
    Set<String> without = new TreeSet<>();
    V answer = run.apply(without);
    if (weighing.keepsAll()) {
      return new Answer<>(answer, WeighedLinks.Verdicts.none());
    }
    WeighedLinks links = new WeighedLinks(new ClaimWeighings(store));
    WeighedLinks.Verdicts all = WeighedLinks.Verdicts.none();
    Set<String> judged = new HashSet<>();
    for (int round = 1; ; round++) {
      List<NetworkEdge> fresh =
          edgesOf.apply(answer).stream()
              .filter(e -> judged.add(WeighedLinks.record(e.id())))
              .toList();
      all = all.and(links.judge(fresh, weighing, viewer));
      if (without.containsAll(all.dropped()) || round == MAX_WEIGHING_ROUNDS) {
        return new Answer<>(answer, all);
      }
      without.addAll(all.dropped());
      answer = run.apply(without);
    }
  }

  /** The paths whose every link is kept, with the nodes and links they use. */
  private static PathsView keptPaths(PathsView view, WeighedLinks.Verdicts verdicts) {
    List<PathsView.Path> paths =
        view.paths().stream().filter(p -> p.edges().stream().allMatch(verdicts::keeps)).toList();
    if (paths.size() == view.paths().size()) {
      return view;
    }
    Set<String> nodes = new HashSet<>();
    Set<String> edges = new HashSet<>();
    paths.forEach(
        p -> {
          nodes.addAll(p.nodes());
          edges.addAll(p.edges());
        });
    return new PathsView(
        paths,
        view.nodes().stream().filter(n -> nodes.contains(n.id())).toList(),
        view.edges().stream().filter(e -> edges.contains(e.id())).toList(),
        view.truncated());
  }
}
