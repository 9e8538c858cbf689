/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.store.Fixtures.T0;
import static org.vigil.store.Fixtures.viewer;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Viewer;
import org.vigil.model.Credibility;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;
import org.vigil.network.LinkFilter;
import org.vigil.network.Measure;
import org.vigil.network.NeighbourhoodRequest;
import org.vigil.network.Network;
import org.vigil.network.NetworkEdge;
import org.vigil.network.NetworkNode;
import org.vigil.network.NetworkView;
import org.vigil.network.PathRequest;
import org.vigil.network.PathsView;
import org.vigil.network.TimelineView;
import org.vigil.network.UnknownEntityException;
import org.vigil.resolve.Verdict;

/**
 * Graph queries over the store, run against every database: markings decide what each reader's
 * neighbours, paths and counts hold, merged records are one node, and every link carries the
 * sentence it was read from.
 *
 * <p>The network: Zindashti (p-naji) is a member of his network (o-net), reported by an AMBER
 * report of org-a; the network is employed by MOIS (o-mois), reported in a GREEN report; MOIS's
 * minister Khatib (p-khatib) is linked to MOIS by an AMBER+STRICT note of org-a, and a second,
 * GREEN, path from the network to MOIS runs through a courier (p-courier) only org-a may see.
 */
abstract class NetworkContract {
  private static final Viewer ANALYST_A = viewer("u-a1", "org-a");
  private static final Viewer PARTNER_C = viewer("u-c1", "org-c", "org-a");
  private static final Viewer ANALYST_B = viewer("u-b1", "org-b");

  @TempDir Path dataDir;

  private Store store;
  private Network network;

  protected abstract StoreConfig freshConfig(Path dataDir) throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = Store.open(freshConfig(dataDir));
    network = store.network();
    Source amber = source("src-amber", Marking.of(Tlp.AMBER, "org-a"), Reliability.B);
    Source green = source("src-green", Marking.of(Tlp.GREEN, "org-a"), Reliability.D);
    Source strict = source("src-strict", Marking.of(Tlp.AMBER_STRICT, "org-a"), Reliability.A);
    store
        .statements()
        .write(
            amber,
            all(
                node("p-naji", Schema.PERSON, "Naji Ibrahim Sharifi-Zindashti", amber),
                node("o-net", Schema.ORGANIZATION, "Zindashti network", amber),
                edge(
                    "m-naji-net",
                    Schema.MEMBERSHIP,
                    "p-naji",
                    "o-net",
                    "Zindashti leads a criminal network.",
                    amber,
                    0.9,
                    "2023-05")));
    store
        .statements()
        .write(
            green,
            all(
                node("o-net", Schema.ORGANIZATION, "Zindashti network", green),
                node("o-mois", Schema.PUBLIC_BODY, "Ministry of Intelligence and Security", green),
                edge(
                    "e-net-mois",
                    Schema.EMPLOYMENT,
                    "o-net",
                    "o-mois",
                    "The network works at the behest of MOIS.",
                    green,
                    0.6,
                    "2024-01-29")));
    store
        .statements()
        .write(
            strict,
            all(
                node("p-khatib", Schema.PERSON, "Esmaeil Khatib", strict),
                node("p-courier", Schema.PERSON, "A courier", strict),
                edge(
                    "e-khatib-mois",
                    Schema.EMPLOYMENT,
                    "p-khatib",
                    "o-mois",
                    "Khatib heads MOIS.",
                    strict,
                    0.95,
                    "2021-08"),
                edge(
                    "u-net-courier",
                    Schema.UNKNOWN_LINK,
                    "o-net",
                    "p-courier",
                    "The courier carries money for the network.",
                    strict,
                    0.7,
                    null),
                edge(
                    "u-courier-mois",
                    Schema.UNKNOWN_LINK,
                    "p-courier",
                    "o-mois",
                    "The courier reports to MOIS.",
                    strict,
                    0.7,
                    null)));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void pathCarriesEachLinksSentence() {
    PathsView found = network.paths(PathRequest.shortest("p-naji", "o-mois"), PARTNER_C);

    assertThat(found.paths()).hasSize(1);
    PathsView.Path path = found.paths().get(0);
    assertThat(path.nodes()).containsExactly("p-naji", "o-net", "o-mois");
    assertThat(path.edges()).containsExactly("m-naji-net", "e-net-mois");
    assertThat(found.edges())
        .flatExtracting(NetworkEdge::evidence)
        .extracting(e -> e.text().orElseThrow())
        .containsExactlyInAnyOrder(
            "Zindashti leads a criminal network.", "The network works at the behest of MOIS.");
    NetworkEdge membership = edgeWithId(found.edges(), "m-naji-net");
    assertThat(membership.label()).isEqualTo("member of");
    assertThat(membership.start()).contains("2023-05");
    assertThat(membership.tlp()).isEqualTo("AMBER");
    assertThat(membership.evidence().get(0).grade()).contains("B2");
    assertThat(membership.evidence().get(0).sourceTitle()).contains("Report src-amber");
  }

  @Test
  void linksLeftOutByIdAreNotFollowedByNeighboursOrPaths() {
    LinkFilter without = LinkFilter.ALL.leavingOut(List.of("e-net-mois"));
    assertThat(
            network
                .neighbours(withFilter(NeighbourhoodRequest.of("o-net", 1), without), ANALYST_A)
                .edges())
        .extracting(NetworkEdge::id)
        .isNotEmpty()
        .doesNotContain("e-net-mois");
    assertThat(network.paths(new PathRequest("p-naji", "o-mois", 1, without), PARTNER_C).paths())
        .flatExtracting(PathsView.Path::edges)
        .doesNotContain("e-net-mois");
  }

  @Test
  void amberStrictLinksAreInvisibleToAnotherOrganisationInNeighboursPathsAndCounts() {
    NetworkView owner = network.neighbours(NeighbourhoodRequest.of("o-mois", 1), ANALYST_A);
    NetworkView partner = network.neighbours(NeighbourhoodRequest.of("o-mois", 1), PARTNER_C);

    assertThat(ids(owner.nodes()))
        .containsExactlyInAnyOrder("o-mois", "o-net", "p-khatib", "p-courier");
    assertThat(owner.edges()).hasSize(3);
    assertThat(ids(partner.nodes())).containsExactlyInAnyOrder("o-mois", "o-net");
    assertThat(partner.edges()).extracting(NetworkEdge::id).containsExactly("e-net-mois");
    assertThat(partner.edges())
        .flatExtracting(NetworkEdge::evidence)
        .allSatisfy(e -> assertThat(e.sourceId()).isNotEqualTo("src-strict"));

    PathsView ownerPaths =
        network.paths(new PathRequest("o-net", "o-mois", 3, LinkFilter.ALL), ANALYST_A);
    PathsView partnerPaths =
        network.paths(new PathRequest("o-net", "o-mois", 3, LinkFilter.ALL), PARTNER_C);
    assertThat(ownerPaths.paths()).hasSize(2);
    assertThat(partnerPaths.paths()).hasSize(1);
    assertThat(partnerPaths.nodes()).extracting(NetworkNode::id).doesNotContain("p-courier");

    NetworkView partnerDegree =
        network.centrality(NeighbourhoodRequest.of("o-mois", 2), Set.of(Measure.DEGREE), PARTNER_C);
    assertThat(node(partnerDegree.nodes(), "o-mois").centrality()).containsEntry("degree", 1.0);

    assertThatThrownBy(() -> network.neighbours(NeighbourhoodRequest.of("p-khatib", 1), PARTNER_C))
        .isInstanceOf(UnknownEntityException.class)
        .hasMessageContaining("p-khatib");
    assertThat(network.find("p-khatib", PARTNER_C)).isEmpty();
    assertThat(network.find("p-khatib", ANALYST_A)).contains("p-khatib");
  }

  @Test
  void amberLinksReachPartnersButNotOtherOrganisations() {
    PathsView stranger = network.paths(PathRequest.shortest("o-net", "o-mois"), ANALYST_B);
    assertThat(stranger.paths()).hasSize(1);
    assertThatThrownBy(() -> network.paths(PathRequest.shortest("p-naji", "o-mois"), ANALYST_B))
        .isInstanceOf(UnknownEntityException.class);
  }

  @Test
  void mergedRecordsAreOneNodeAndAnUndoSplitsThem() {
    Source green = source("src-alias", Marking.of(Tlp.GREEN, "org-a"), Reliability.C);
    store
        .statements()
        .write(
            green,
            all(
                node("o-mois-ofac", Schema.PUBLIC_BODY, "MINISTRY OF INTELLIGENCE", green),
                node("p-agent", Schema.PERSON, "An agent", green),
                edge(
                    "m-agent",
                    Schema.MEMBERSHIP,
                    "p-agent",
                    "o-mois-ofac",
                    "The agent works for the ministry.",
                    green,
                    0.8,
                    null)));
    assertThat(network.paths(PathRequest.shortest("p-agent", "o-net"), PARTNER_C).paths())
        .isEmpty();

    var merge =
        store.judgements().judge(PARTNER_C, "o-mois", "o-mois-ofac", Verdict.SAME, "same ministry");
    PathsView merged = network.paths(PathRequest.shortest("p-agent", "o-net"), PARTNER_C);
    assertThat(merged.paths()).hasSize(1);
    assertThat(merged.paths().get(0).nodes()).containsExactly("p-agent", "o-mois", "o-net");
    assertThat(network.find("o-mois-ofac", PARTNER_C)).contains("o-mois");

    assertThat(network.paths(PathRequest.shortest("p-agent", "o-net"), ANALYST_A).paths())
        .as("another organisation's merge joins nothing for this reader")
        .isEmpty();
    assertThat(network.find("o-mois-ofac", ANALYST_A)).contains("o-mois-ofac");

    store.judgements().undo(merge.id(), PARTNER_C);
    assertThat(network.paths(PathRequest.shortest("p-agent", "o-net"), PARTNER_C).paths())
        .isEmpty();
  }

  @Test
  void filtersOnSchemaDateConfidenceAndGrade() {
    NeighbourhoodRequest all = NeighbourhoodRequest.of("o-net", 1);
    assertThat(ids(network.neighbours(all, ANALYST_A).nodes())).hasSize(4);

    assertThat(
            ids(
                network
                    .neighbours(
                        withFilter(all, filter(Set.of("Membership"), null, null, 0, null)),
                        ANALYST_A)
                    .nodes()))
        .containsExactlyInAnyOrder("o-net", "p-naji");
    assertThat(
            ids(
                network
                    .neighbours(
                        withFilter(all, filter(Set.of(), "2024-01-01", "2024-12-31", 0, null)),
                        ANALYST_A)
                    .nodes()))
        .containsExactlyInAnyOrder("o-net", "o-mois");
    assertThat(
            ids(
                network
                    .neighbours(withFilter(all, filter(Set.of(), null, null, 0.8, null)), ANALYST_A)
                    .nodes()))
        .containsExactlyInAnyOrder("o-net", "p-naji");
    assertThat(
            ids(
                network
                    .neighbours(
                        withFilter(all, filter(Set.of(), null, null, 0, Reliability.B)), ANALYST_A)
                    .nodes()))
        .containsExactlyInAnyOrder("o-net", "p-naji", "p-courier");
    assertThatThrownBy(() -> filter(Set.of("Person"), null, null, 0, null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("'Person' is not a link schema");
  }

  @Test
  void aNeighbourhoodOverTheLimitIsCutAndSaysSo() {
    NetworkView cut =
        network.neighbours(new NeighbourhoodRequest("o-net", 2, LinkFilter.ALL, 2), ANALYST_A);
    assertThat(cut.nodes()).hasSize(2);
    assertThat(cut.truncated()).isTrue();
    assertThat(network.neighbours(NeighbourhoodRequest.of("o-net", 2), ANALYST_A).truncated())
        .isFalse();
  }

  @Test
  void communitiesNumberEveryNodeAndSubgraphsKeepOnlyLinksAmongTheSet() {
    NetworkView communities = network.communities(NeighbourhoodRequest.of("o-net", 2), ANALYST_A);
    assertThat(communities.nodes())
        .hasSize(5)
        .allSatisfy(n -> assertThat(n.community()).isPresent());

    NetworkView sub =
        network.subgraph(List.of("p-naji", "o-net", "o-mois", "nobody"), LinkFilter.ALL, PARTNER_C);
    assertThat(ids(sub.nodes())).containsExactly("p-naji", "o-net", "o-mois");
    assertThat(sub.edges())
        .extracting(NetworkEdge::id)
        .containsExactlyInAnyOrder("m-naji-net", "e-net-mois");
  }

  @Test
  void timelineListsDatedLinksOldestFirstAsTheReaderMaySee() {
    TimelineView owner = network.timeline("o-mois", 100, ANALYST_A);
    TimelineView partner = network.timeline("o-mois", 100, PARTNER_C);

    assertThat(owner.items())
        .extracting(TimelineView.Item::date)
        .containsExactly("2021-08", "2024-01-29");
    assertThat(partner.items()).extracting(TimelineView.Item::date).containsExactly("2024-01-29");
    assertThat(partner.items().get(0).label()).contains("employs").contains("Zindashti network");
    assertThat(partner.items().get(0).evidence().get(0).text())
        .contains("The network works at the behest of MOIS.");
  }

  @Test
  void timelinesReadTogetherAreEachEntitysOwnTimeline() {
    List<String> ids = List.of("p-naji", "o-net", "o-mois", "p-khatib", "p-courier", "nobody");
    for (Viewer reader : List.of(ANALYST_A, PARTNER_C, ANALYST_B)) {
      for (int limit : List.of(1, 100)) {
        Map<String, TimelineView> alone = new LinkedHashMap<>();
        for (String id : ids) {
          try {
            alone.put(id, network.timeline(id, limit, reader));
          } catch (UnknownEntityException e) {
            // the reader may not see it: left out of the timelines read together too
          }
        }
        assertThat(network.timelines(ids, limit, reader)).isEqualTo(alone);
      }
    }
    assertThat(network.timelines(ids, 100, PARTNER_C)).doesNotContainKeys("p-khatib", "nobody");
    assertThat(network.timelines(ids, 1, ANALYST_A).get("o-mois").truncated()).isTrue();
  }

  private static NeighbourhoodRequest withFilter(NeighbourhoodRequest r, LinkFilter f) {
    return new NeighbourhoodRequest(r.entity(), r.depth(), f, r.limit());
  }

  private static LinkFilter filter(
      Set<String> schemas, String from, String to, double minConfidence, Reliability grade) {
    return new LinkFilter(
        new TreeSet<>(schemas),
        Optional.ofNullable(from).map(LocalDate::parse),
        Optional.ofNullable(to).map(LocalDate::parse),
        minConfidence,
        Optional.ofNullable(grade));
  }

  private static List<String> ids(List<NetworkNode> nodes) {
    return nodes.stream().map(NetworkNode::id).toList();
  }

  private static NetworkNode node(List<NetworkNode> nodes, String id) {
    return nodes.stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
  }

  private static NetworkEdge edgeWithId(List<NetworkEdge> edges, String id) {
    return edges.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
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

  private static Statement node(String id, Schema schema, String name, Source source) {
    return Statement.about(id, schema).set("name", name).from(source).seen(T0).build();
  }

  /** An edge entity's statements as the extractor writes them: one span, the sentence beside. */
  private static List<Statement> edge(
      String id,
      Schema schema,
      String from,
      String to,
      String sentence,
      Source source,
      double confidence,
      String start) {
    List<Statement> out = new ArrayList<>();
    out.add(stated(id, schema, schema.sourceProperty().orElseThrow(), from, source, confidence));
    out.add(stated(id, schema, schema.targetProperty().orElseThrow(), to, source, confidence));
    out.add(stated(id, schema, "description", sentence, source, confidence));
    if (start != null) {
      out.add(stated(id, schema, "startDate", start, source, confidence));
    }
    return out;
  }

  private static Statement stated(
      String id, Schema schema, String property, String value, Source source, double confidence) {
    return Statement.about(id, schema)
        .set(property, value)
        .from(source)
        .span(10, 50)
        .extractor("pattern:test", confidence)
        .credibility(Credibility.PROBABLY_TRUE)
        .seen(T0)
        .build();
  }

  /** Statements and lists of statements, flattened in order. */
  private static List<Statement> all(Object... parts) {
    List<Statement> out = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof Statement s) {
        out.add(s);
      } else {
        for (Object s : (List<?>) part) {
          out.add((Statement) s);
        }
      }
    }
    return out;
  }
}
