/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.vigil.app.Plural;
import org.vigil.http.NetworkJson;
import org.vigil.network.Evidence;
import org.vigil.network.NetworkEdge;
import org.vigil.network.NetworkNode;
import org.vigil.network.NetworkView;
import org.vigil.network.PathsView;
import org.vigil.network.TimelineView;

/** Prints graph answers: JSON in the HTTP API's shapes, or tables and paths for people. */
final class GraphPrinter {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  /** How a link kept by a credibility filter without a grade to compare is marked. */
  static final String NOT_GRADED = "not graded";

  /** Longest evidence text in a table cell. */
  private static final int TEXT = 160;

  private final PrintWriter out;
  private final OutputFormat format;

  GraphPrinter(PrintWriter out, OutputFormat format) {
    this.out = out;
    this.format = format;
  }

  void graph(NetworkView view, List<String> columns) {
    graph(view, columns, id -> false);
  }

  /** The graph; the links {@code notGraded} accepts were kept without a grade and say so. */
  void graph(NetworkView view, List<String> columns, Predicate<String> notGraded) {
    if (format == OutputFormat.JSON) {
      json(NetworkJson.graph(view, NetworkJson::evidence, notGraded));
      return;
    }
    List<String> header = new java.util.ArrayList<>(List.of("ID", "SCHEMA", "CAPTION", "TLP"));
    columns.forEach(c -> header.add(c.toUpperCase(Locale.ROOT)));
    OutputFormat.TABLE.print(
        out,
        view.nodes(),
        header,
        n -> {
          List<String> cells =
              new java.util.ArrayList<>(List.of(n.id(), n.schema(), n.caption(), n.tlp()));
          for (String c : columns) {
            cells.add(column(n, c));
          }
          return cells;
        });
    out.println();
    Map<String, String> captions = captions(view.nodes());
    edges(view.edges(), captions, notGraded);
    if (!view.brokers().isEmpty()) {
      out.println();
      out.println("Brokers (nodes linking communities, by participation coefficient):");
      for (NetworkView.BrokerView b : view.brokers()) {
        out.printf(
            Locale.ROOT,
            "  %s  %.3f  reaches %s%n",
            captions.getOrDefault(b.id(), b.id()),
            b.participation(),
            Plural.of(b.communitiesReached(), "community", "communities"));
      }
    }
    out.printf(
        Locale.ROOT,
        "%n%s, %s%s%n",
        Plural.of(view.nodes().size(), "node", "nodes"),
        Plural.of(view.edges().size(), "link", "links"),
        view.truncated() ? " (truncated: raise --limit or narrow the filter)" : "");
    out.flush();
  }

  void paths(PathsView view, String from, String to) {
    paths(view, from, to, id -> false);
  }

  /** The paths; the links {@code notGraded} accepts were kept without a grade and say so. */
  void paths(PathsView view, String from, String to, Predicate<String> notGraded) {
    if (format == OutputFormat.JSON) {
      json(NetworkJson.paths(view, NetworkJson::evidence, notGraded));
      return;
    }
    if (view.paths().isEmpty()) {
      out.println("No path links " + from + " and " + to + " in what you may see.");
      out.flush();
      return;
    }
    Map<String, String> captions = captions(view.nodes());
    Map<String, NetworkEdge> edges = new HashMap<>();
    view.edges().forEach(e -> edges.put(e.id(), e));
    int number = 1;
    for (PathsView.Path path : view.paths()) {
      out.printf(
          Locale.ROOT, "Path %d (%s):%n", number++, Plural.of(path.length(), "link", "links"));
      out.println("  " + name(path.nodes().get(0), captions));
      for (int i = 0; i < path.edges().size(); i++) {
        NetworkEdge e = edges.get(path.edges().get(i));
        String here = path.nodes().get(i);
        String next = path.nodes().get(i + 1);
        boolean forward = e.source().equals(here);
        out.printf(
            Locale.ROOT,
            "    %s %s %s  [%s, confidence %.2f%s%s]%n",
            forward ? "--" : "<-",
            e.label() + e.role().map(r -> " (" + r + ")").orElse(""),
            forward ? "->" : "--",
            e.schema(),
            e.confidence(),
            e.disputed() ? ", disputed" : "",
            notGraded.test(e.id()) ? ", " + NOT_GRADED : "");
        for (Evidence ev : e.evidence()) {
          out.println("      evidence: " + evidence(ev));
        }
        out.println("  " + name(next, captions));
      }
      out.println();
    }
    out.flush();
  }

  void timeline(TimelineView view) {
    if (format == OutputFormat.JSON) {
      json(NetworkJson.timeline(view));
      return;
    }
    OutputFormat.TABLE.print(
        out,
        view.items(),
        List.of("DATE", "KIND", "SCHEMA", "WHAT", "EVIDENCE"),
        i ->
            List.of(
                i.date(),
                i.kind().name().toLowerCase(Locale.ROOT),
                i.schema(),
                i.label(),
                i.evidence().isEmpty() ? "" : evidence(i.evidence().get(0))));
    if (view.truncated()) {
      out.println("(truncated: raise --limit)");
    }
    out.flush();
  }

  private void edges(
      List<NetworkEdge> edges, Map<String, String> captions, Predicate<String> notGraded) {
    OutputFormat.TABLE.print(
        out,
        edges,
        List.of("SOURCE", "LINK", "TARGET", "CONF", "TLP", "EVIDENCE"),
        e ->
            List.of(
                captions.getOrDefault(e.source(), e.source()),
                e.label()
                    + e.role().map(r -> " (" + r + ")").orElse("")
                    + (notGraded.test(e.id()) ? " [" + NOT_GRADED + "]" : ""),
                captions.getOrDefault(e.target(), e.target()),
                String.format(Locale.ROOT, "%.2f", e.confidence()),
                e.tlp(),
                e.evidence().isEmpty() ? "" : evidence(e.evidence().get(0))));
  }

  private static String column(NetworkNode n, String column) {
    return switch (column) {
      case "depth" -> n.depth().isPresent() ? Integer.toString(n.depth().getAsInt()) : "";
      case "community" ->
          n.community().isPresent() ? Integer.toString(n.community().getAsInt()) : "";
      default -> {
        Double value = n.centrality().get(column);
        yield value == null ? "" : String.format(Locale.ROOT, "%.4f", value);
      }
    };
  }

  private static String evidence(Evidence e) {
    String text = e.text().orElse("(no text)").replaceAll("\\s+", " ");
    if (text.length() > TEXT) {
      text = text.substring(0, TEXT) + "…";
    }
    StringBuilder out = new StringBuilder("\"").append(text).append("\" (");
    out.append(e.documentId().orElse(e.sourceId()));
    e.span().ifPresent(s -> out.append(' ').append(s.start()).append('-').append(s.end()));
    e.grade().ifPresent(g -> out.append(", ").append(g));
    out.append(", ").append(e.extractor()).append(')');
    return out.toString();
  }

  private static Map<String, String> captions(List<NetworkNode> nodes) {
    return nodes.stream()
        .collect(Collectors.toMap(NetworkNode::id, NetworkNode::caption, (a, b) -> a));
  }

  private static String name(String id, Map<String, String> captions) {
    String caption = captions.get(id);
    return caption == null || caption.equals(id) ? id : caption + " (" + id + ")";
  }

  private void json(Object value) {
    try {
      out.println(MAPPER.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot print the answer as JSON", e);
    }
    out.flush();
  }
}
