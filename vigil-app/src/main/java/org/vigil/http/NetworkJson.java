/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.vigil.network.Evidence;
import org.vigil.network.NetworkEdge;
import org.vigil.network.NetworkNode;
import org.vigil.network.NetworkView;
import org.vigil.network.PathsView;
import org.vigil.network.TimelineView;

/** The JSON shapes of the graph API, as openapi.json describes them. */
public final class NetworkJson {
  private NetworkJson() {}

  public record GraphView(
      List<NodeView> nodes, List<EdgeView> edges, boolean truncated, List<BrokerView> brokers) {}

  public record NodeView(
      String id,
      String caption,
      String schema,
      String tlp,
      Integer depth,
      Integer community,
      Map<String, Double> centrality) {}

  public record EdgeView(
      String id,
      String source,
      String target,
      String schema,
      String label,
      String role,
      double confidence,
      String start,
      String end,
      String tlp,
      boolean disputed,
      List<EvidenceView> evidence,
      Boolean notGraded) {}

  public record EvidenceView(
      String statementId,
      String sourceId,
      String sourceTitle,
      String documentId,
      String text,
      Integer start,
      Integer end,
      String extractor,
      double confidence,
      String grade,
      String sentence,
      Integer sentenceSpanStart,
      Integer sentenceSpanEnd,
      String sourceTlp,
      String sourceDate) {}

  public record BrokerView(
      String id, double participation, int communitiesReached, List<String> crossingEdges) {}

  public record PathView(List<String> nodes, List<String> edges, int length) {}

  public record PathsJson(
      List<PathView> paths, List<NodeView> nodes, List<EdgeView> edges, boolean truncated) {}

  public record TimelineJson(String entity, List<ItemView> items, boolean truncated) {}

  public record ItemView(
      String date,
      String kind,
      String schema,
      String label,
      String entityId,
      List<EvidenceView> evidence) {}

  public static GraphView graph(NetworkView view) {
    return graph(view, NetworkJson::evidence);
  }

  /** The graph, with each link's evidence shown by {@code evidence}. */
  public static GraphView graph(NetworkView view, Function<Evidence, EvidenceView> evidence) {
    return graph(view, evidence, id -> false);
  }

  /**
   * The graph, with each link's evidence shown by {@code evidence}; the links {@code notGraded}
   * accepts say {@code "notGraded": true} (a credibility filter kept them without a grade).
   */
  public static GraphView graph(
      NetworkView view,
      Function<Evidence, EvidenceView> evidence,
      java.util.function.Predicate<String> notGraded) {
    return new GraphView(
        view.nodes().stream().map(NetworkJson::node).toList(),
        view.edges().stream().map(e -> edge(e, evidence, notGraded)).toList(),
        view.truncated(),
        view.brokers().isEmpty()
            ? null
            : view.brokers().stream()
                .map(
                    b ->
                        new BrokerView(
                            b.id(), b.participation(), b.communitiesReached(), b.crossingEdges()))
                .toList());
  }

  public static PathsJson paths(PathsView view) {
    return paths(view, NetworkJson::evidence);
  }

  /** The paths, with each link's evidence shown by {@code evidence}. */
  public static PathsJson paths(PathsView view, Function<Evidence, EvidenceView> evidence) {
    return paths(view, evidence, id -> false);
  }

  /** The paths, the links {@code notGraded} accepts marked as in {@link #graph}. */
  public static PathsJson paths(
      PathsView view,
      Function<Evidence, EvidenceView> evidence,
      java.util.function.Predicate<String> notGraded) {
    return new PathsJson(
        view.paths().stream().map(p -> new PathView(p.nodes(), p.edges(), p.length())).toList(),
        view.nodes().stream().map(NetworkJson::node).toList(),
        view.edges().stream().map(e -> edge(e, evidence, notGraded)).toList(),
        view.truncated());
  }

  public static TimelineJson timeline(TimelineView view) {
    return new TimelineJson(
        view.entity(),
        view.items().stream()
            .map(
                i ->
                    new ItemView(
                        i.date(),
                        i.kind().name().toLowerCase(Locale.ROOT),
                        i.schema(),
                        i.label(),
                        i.entityId().orElse(null),
                        i.evidence().stream().map(NetworkJson::evidence).toList()))
            .toList(),
        view.truncated());
  }

  public static NodeView node(NetworkNode n) {
    return new NodeView(
        n.id(),
        n.caption(),
        n.schema(),
        n.tlp(),
        n.depth().isPresent() ? n.depth().getAsInt() : null,
        n.community().isPresent() ? n.community().getAsInt() : null,
        n.centrality().isEmpty() ? null : n.centrality());
  }

  public static EdgeView edge(NetworkEdge e) {
    return edge(e, NetworkJson::evidence, id -> false);
  }

  private static EdgeView edge(
      NetworkEdge e,
      Function<Evidence, EvidenceView> evidence,
      java.util.function.Predicate<String> notGraded) {
    return new EdgeView(
        e.id(),
        e.source(),
        e.target(),
        e.schema(),
        e.label(),
        e.role().orElse(null),
        e.confidence(),
        e.start().orElse(null),
        e.end().orElse(null),
        e.tlp(),
        e.disputed(),
        e.evidence().stream().map(evidence).toList(),
        notGraded.test(e.id()) ? Boolean.TRUE : null);
  }

  public static EvidenceView evidence(Evidence e) {
    return evidence(
        e,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /**
   * The evidence with what only the caller can know: the whole sentence and the span's place in it,
   * and the source's TLP and date, each given only when the reader may see the source.
   */
  static EvidenceView evidence(
      Evidence e,
      Optional<String> sentence,
      Optional<Integer> sentenceSpanStart,
      Optional<Integer> sentenceSpanEnd,
      Optional<String> sourceTlp,
      Optional<String> sourceDate) {
    return new EvidenceView(
        e.statementId(),
        e.sourceId(),
        e.sourceTitle().orElse(null),
        e.documentId().orElse(null),
        e.text().orElse(null),
        e.span().map(s -> s.start()).orElse(null),
        e.span().map(s -> s.end()).orElse(null),
        e.extractor(),
        e.confidence(),
        e.grade().orElse(null),
        sentence.orElse(null),
        sentenceSpanStart.orElse(null),
        sentenceSpanEnd.orElse(null),
        sourceTlp.orElse(null),
        sourceDate.orElse(null));
  }
}
