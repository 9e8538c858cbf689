/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cases;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vigil.access.Viewer;
import org.vigil.model.Schema;
import org.vigil.network.LinkFilter;
import org.vigil.network.NetworkEdge;
import org.vigil.network.NetworkNode;
import org.vigil.network.NetworkView;
import org.vigil.store.Store;

/**
 * A case's own graph as one reader sees it: the case's entities and the links among them (not their
 * neighbours), each link only when the reader may see both its ends and a statement of it, laid out
 * once by {@link GraphLayout} so the picture reads at first sight. A large case draws its {@link
 * #MAX_NODES} most linked entities and says how many it left out.
 *
 * @param nodes the entities drawn, each at its place in a {@link #WIDTH} by {@link #HEIGHT} box
 * @param links the links among them
 * @param entities how many of the case's entities the reader sees in the network
 * @param left how many of those are not drawn (the least linked)
 */
public record CaseGraph(List<Node> nodes, List<Link> links, int entities, int left) {
  /** The most entities drawn; past this a graph of labelled discs stops being readable. */
  public static final int MAX_NODES = 80;

  public static final int WIDTH = 900;
  public static final int HEIGHT = 560;
  // Room for the labels, centred under their discs.
  private static final int MARGIN_X = 90;
  private static final int MARGIN_Y = 30;

  public CaseGraph {
    nodes = List.copyOf(nodes);
    links = List.copyOf(links);
    for (Link l : links) {
      if (l.from() >= nodes.size() || l.to() >= nodes.size()) {
        throw new IllegalArgumentException("link " + l + " names a node the graph lacks");
      }
    }
    if (left < 0 || entities < nodes.size()) {
      throw new IllegalArgumentException(
          "entities " + entities + ", drawn " + nodes.size() + ", left " + left);
    }
  }

  /** An entity of the case at its place: id, caption, FtM schema, page. */
  public record Node(String id, String caption, String schema, String href, double x, double y) {
    public Node {
      requireNonNull(id, "id");
      requireNonNull(caption, "caption");
      requireNonNull(schema, "schema");
      requireNonNull(href, "href");
    }

    public boolean person() {
      return schema.equals(Schema.PERSON.ftmName());
    }
  }

  /** A link between two drawn nodes (by index), in the words of its schema, and its marking. */
  public record Link(int from, int to, String label, String tlp) {
    public Link {
      if (from < 0 || to < 0) {
        throw new IllegalArgumentException("node indexes are not negative: " + from + ", " + to);
      }
      requireNonNull(label, "label");
      requireNonNull(tlp, "tlp");
    }
  }

  static CaseGraph of(Store store, Viewer viewer, List<CaseView.Item> entities) {
    if (entities.isEmpty()) {
      return new CaseGraph(List.of(), List.of(), 0, 0);
    }
    NetworkView view =
        store
            .network()
            .subgraph(entities.stream().map(CaseView.Item::id).toList(), LinkFilter.ALL, viewer);
    Map<String, Integer> degree = new HashMap<>();
    for (NetworkEdge e : view.edges()) {
      if (!e.source().equals(e.target())) {
        degree.merge(e.source(), 1, Integer::sum);
        degree.merge(e.target(), 1, Integer::sum);
      }
    }
    List<NetworkNode> drawn =
        view.nodes().stream()
            .sorted(
                Comparator.comparing((NetworkNode n) -> -degree.getOrDefault(n.id(), 0))
                    .thenComparing(NetworkNode::id))
            .limit(MAX_NODES)
            .toList();
    Map<String, Integer> index = new HashMap<>();
    for (NetworkNode n : drawn) {
      index.put(n.id(), index.size());
    }
    List<int[]> pairs = new ArrayList<>();
    List<Link> links = new ArrayList<>();
    for (NetworkEdge e : view.edges()) {
      Integer a = index.get(e.source());
      Integer b = index.get(e.target());
      if (a != null && b != null && !a.equals(b)) {
        pairs.add(new int[] {a, b});
        links.add(new Link(a, b, e.label(), e.tlp()));
      }
    }
    double[] at = GraphLayout.positions(drawn.size(), pairs, WIDTH, HEIGHT, MARGIN_X, MARGIN_Y);
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < drawn.size(); i++) {
      NetworkNode n = drawn.get(i);
      Schema schema = Schema.find(n.schema()).orElse(Schema.LEGAL_ENTITY);
      nodes.add(
          new Node(
              n.id(),
              n.caption(),
              n.schema(),
              StoreEvidence.href(n.id(), schema),
              at[2 * i],
              at[2 * i + 1]));
    }
    int seen = view.nodes().size();
    return new CaseGraph(nodes, links, seen, seen - drawn.size());
  }
}
