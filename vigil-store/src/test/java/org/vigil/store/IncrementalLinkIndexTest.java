/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.store.Fixtures.T0;
import static org.vigil.store.Fixtures.viewer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Viewer;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;
import org.vigil.network.LinkFilter;
import org.vigil.network.NeighbourhoodRequest;
import org.vigil.network.NetworkEdge;
import org.vigil.network.NetworkView;
import org.vigil.network.UnknownEntityException;

/**
 * The link index follows writes without a full rebuild, and answers after each write exactly as an
 * index built from scratch over the same statements does: new nodes and links, a link whose end
 * gains its first statement, a second source for a link, a stricter marking, a re-graded source, an
 * event.
 */
class IncrementalLinkIndexTest {
  private static final Viewer ANALYST_A = viewer("u-a1", "org-a");
  private static final Viewer ANALYST_B = viewer("u-b1", "org-b");
  private static final Viewer PARTNER_C = viewer("u-c1", "org-c", "org-a");
  private static final List<Viewer> READERS = List.of(ANALYST_A, ANALYST_B, PARTNER_C);
  private static final List<String> ENTITIES =
      List.of("p-a", "p-b", "p-c", "p-d", "o-e", "ev-1", "m-ab", "m-bc", "m-da");

  @TempDir Path dir;

  @Test
  void writesArePatchedInAndAnswerAsAFreshBuild() {
    Source amber = source("src-amber", Marking.of(Tlp.AMBER, "org-a"), Reliability.B);
    Source green = source("src-green", Marking.of(Tlp.GREEN, "org-a"), Reliability.D);
    Source strict = source("src-strict", Marking.of(Tlp.AMBER_STRICT, "org-a"), Reliability.A);
    List<Map<String, String>> incremental = new ArrayList<>();
    List<List<Statement>> writes = new ArrayList<>();
    List<Source> by = new ArrayList<>();
    // 1. a new node and a new link
    writes.add(all(node("p-c", "Cyrus", green), membership("m-bc", "p-b", "o-e", green)));
    by.add(green);
    // 2. the organisation's first statement: the link to it appears
    writes.add(List.of(org("o-e", "Eastern front", green)));
    by.add(green);
    // 3. a link to an entity with no statement of its own yet, then its first statement
    writes.add(membership("m-da", "p-d", "p-a", amber));
    by.add(amber);
    writes.add(List.of(node("p-d", "Dariush", green)));
    by.add(green);
    // 4. a second source states a known link; a node gains a stricter statement
    writes.add(all(membership("m-ab", "p-a", "p-b", strict), node("p-c", "Cyrus K.", strict)));
    by.add(strict);
    // 5. an event involving two people
    writes.add(
        List.of(
            Statement.about("ev-1", Schema.EVENT)
                .set("name", "Meeting")
                .from(green)
                .seen(T0)
                .build(),
            Statement.about("ev-1", Schema.EVENT)
                .set("involved", "p-a")
                .from(green)
                .extractor("pattern:test", 0.8)
                .seen(T0)
                .build(),
            Statement.about("ev-1", Schema.EVENT)
                .set("involved", "p-c")
                .from(green)
                .extractor("pattern:test", 0.8)
                .seen(T0)
                .build()));
    by.add(green);
    // 6. the GREEN source re-graded A: every one of its links reads the new grade
    Source regraded = source("src-green", Marking.of(Tlp.GREEN, "org-a"), Reliability.A);
    writes.add(List.of(node("p-c", "Cyrus", regraded)));
    by.add(regraded);

    Path data = dir.resolve("data");
    try (Store store = Store.open(StoreConfig.embedded(data))) {
      store
          .statements()
          .write(
              amber,
              all(
                  node("p-a", "Ahmad", amber),
                  node("p-b", "Bahram", amber),
                  membership("m-ab", "p-a", "p-b", amber)));
      StoreNetwork network = (StoreNetwork) store.network();
      incremental.add(answers(network));
      for (int i = 0; i < writes.size(); i++) {
        store.statements().write(by.get(i), writes.get(i));
        incremental.add(answers(network));
      }
      assertThat(network.fullBuilds()).as("one build, then updates only").isEqualTo(1);
    }
    // the same statements, each prefix in a store of its own whose index is built from scratch
    for (int upTo = writes.size(); upTo >= 0; upTo--) {
      Path fresh = dir.resolve("fresh-" + upTo);
      try (Store store = Store.open(StoreConfig.embedded(fresh))) {
        store
            .statements()
            .write(
                amber,
                all(
                    node("p-a", "Ahmad", amber),
                    node("p-b", "Bahram", amber),
                    membership("m-ab", "p-a", "p-b", amber)));
        for (int i = 0; i < upTo; i++) {
          store.statements().write(by.get(i), writes.get(i));
        }
        assertThat(incremental.get(upTo))
            .as("after write %d", upTo)
            .isEqualTo(answers((StoreNetwork) store.network()));
      }
    }
    assertThat(incremental.get(2).get("u-a1 p-b")).contains("o-e");
    assertThat(incremental.get(3).get("u-a1 p-a")).doesNotContain("p-d");
    assertThat(incremental.get(4).get("u-a1 p-a")).contains("p-d");
    assertThat(incremental.get(6).get("u-b1 p-c")).contains("ev-1");
    assertThat(incremental.get(6).get("u-a1 p-b graded A")).doesNotContain("m-bc");
    assertThat(incremental.get(7).get("u-a1 p-b graded A")).contains("m-bc");
  }

  /** Every reader's depth-2 neighbourhood of every entity, with and without a grade filter. */
  private static Map<String, String> answers(StoreNetwork network) {
    Map<String, String> out = new TreeMap<>();
    for (Viewer reader : READERS) {
      for (String entity : ENTITIES) {
        out.put(
            reader.userId() + " " + entity,
            answer(network, NeighbourhoodRequest.of(entity, 2), reader));
        LinkFilter graded =
            new LinkFilter(
                LinkFilter.ALL.schemas(),
                Optional.empty(),
                Optional.empty(),
                0,
                Optional.of(Reliability.A));
        out.put(
            reader.userId() + " " + entity + " graded A",
            answer(
                network,
                new NeighbourhoodRequest(entity, 2, graded, NeighbourhoodRequest.DEFAULT_LIMIT),
                reader));
      }
    }
    return out;
  }

  private static String answer(StoreNetwork network, NeighbourhoodRequest request, Viewer reader) {
    try {
      NetworkView view = network.neighbours(request, reader);
      TreeSet<String> parts = new TreeSet<>();
      view.nodes().forEach(n -> parts.add(n.id() + "/" + n.tlp()));
      for (NetworkEdge e : view.edges()) {
        parts.add(
            e.id()
                + ":"
                + e.source()
                + ">"
                + e.target()
                + "/"
                + e.tlp()
                + "/"
                + e.evidence().size());
      }
      return parts.toString();
    } catch (UnknownEntityException e) {
      return "unknown";
    }
  }

  @SafeVarargs
  private static List<Statement> all(Object... parts) {
    List<Statement> out = new ArrayList<>();
    for (Object p : parts) {
      if (p instanceof Statement s) {
        out.add(s);
      } else {
        @SuppressWarnings("unchecked")
        List<Statement> list = (List<Statement>) p;
        out.addAll(list);
      }
    }
    return out;
  }

  private static Source source(String id, Marking marking, Reliability reliability) {
    return new Source(
        id,
        SourceKind.DOCUMENT,
        "Report " + id,
        reliability,
        marking,
        Optional.empty(),
        Optional.empty(),
        T0);
  }

  private static Statement node(String id, String name, Source source) {
    return Statement.about(id, Schema.PERSON).set("name", name).from(source).seen(T0).build();
  }

  private static Statement org(String id, String name, Source source) {
    return Statement.about(id, Schema.ORGANIZATION).set("name", name).from(source).seen(T0).build();
  }

  private static List<Statement> membership(String id, String from, String to, Source source) {
    List<Statement> out = new ArrayList<>();
    for (String[] pv :
        new String[][] {
          {Schema.MEMBERSHIP.sourceProperty().orElseThrow(), from},
          {Schema.MEMBERSHIP.targetProperty().orElseThrow(), to},
          {"startDate", "2021-04"}
        }) {
      out.add(
          Statement.about(id, Schema.MEMBERSHIP)
              .set(pv[0], pv[1])
              .from(source)
              .span(10, 50)
              .extractor("pattern:test", 0.9)
              .seen(T0)
              .build());
    }
    return out;
  }
}
