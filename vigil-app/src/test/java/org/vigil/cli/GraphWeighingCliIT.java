/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.cli.CliRunner.vigil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Viewer;
import org.vigil.app.DemoData;
import org.vigil.auth.PasswordHasher;
import org.vigil.claims.FactStatus;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.weighing.ClaimWeighings;

/**
 * {@code vigil graph ... --credibility N --hide-disputed} on the demo data (the disputed arrests of
 * cia-arrests-dispute.txt and the OFAC release's Zindashti-MOIS link): the same weighing as the
 * API's credibility and hideDisputed, links kept without a grade printed "not graded".
 */
class GraphWeighingCliIT {
  @TempDir static Path data;
  static List<String> disputed;

  @BeforeAll
  static void loadTheDemo() {
    try (Store store = Store.open(StoreConfig.embedded(data))) {
      PrintWriter quiet = new PrintWriter(new StringWriter());
      DemoData.load(
          store,
          new PasswordHasher(new PasswordHasher.Cost(1024, 1, 1), new SecureRandom()),
          Clock.systemUTC(),
          quiet);
      DemoData.loadDocuments(store, Clock.systemUTC(), quiet);
      store.reindex();
      disputed =
          new ClaimWeighings(store)
              .about("vigil-ir-mois", Viewer.system()).orElseThrow().stream()
                  .filter(f -> f.status().kind() == FactStatus.Kind.DISPUTED)
                  .findFirst()
                  .orElseThrow()
                  .claims()
                  .stream()
                  .map(ClaimWeighings.ClaimLine::claimId)
                  .toList();
    }
  }

  @Test
  void hideDisputedLeavesTheDisputedArrestLinksOutOfNeighboursPathsCommunitiesAndCentrality()
      throws Exception {
    assertThat(disputed).hasSizeGreaterThanOrEqualTo(2);
    String event = disputed.get(0);
    for (List<String> query :
        List.of(
            List.of("neighbours", "vigil-ir-mois"),
            List.of("communities", "vigil-ir-mois"),
            List.of("centrality", "vigil-ir-mois", "--measure", "degree"),
            List.of("path", "vigil-ir-mois", event))) {
      assertThat(edgeIds(query)).as(query.toString()).containsAnyElementsOf(disputed);
      List<String> hidden = new ArrayList<>(query);
      hidden.add("--hide-disputed");
      assertThat(edgeIds(hidden)).as(hidden.toString()).doesNotContainAnyElementsOf(disputed);
    }

    CliRunner.Run table =
        vigil("graph", "neighbours", "--data", data.toString(), "vigil-ir-mois", "--hide-disputed");
    assertThat(table.code()).as(table.err()).isZero();
    assertThat(table.out()).doesNotContain(event);
  }

  @Test
  void credibilityKeepsTheUngradedListLinkAndPrintsItNotGraded() throws Exception {
    CliRunner.Run table =
        vigil(
            "graph",
            "neighbours",
            "--data",
            data.toString(),
            "naji-zindashti",
            "--credibility",
            "2");
    assertThat(table.code()).as(table.err()).isZero();
    String linkRow =
        table
            .out()
            .lines()
            .filter(l -> l.contains("Naji") && l.contains("Ministry of Intelligence"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(table.out()));
    assertThat(linkRow).contains("[not graded]");

    JsonNode json =
        answer(List.of("neighbours", "naji-zindashti", "--credibility", "2", "--format", "json"));
    List<String> notGraded = new ArrayList<>();
    json.get("edges")
        .forEach(
            e -> {
              if (e.path("notGraded").asBoolean(false)) {
                notGraded.add(e.get("id").asText());
              }
            });
    assertThat(notGraded).contains("link-zindashti-mois");

    CliRunner.Run path =
        vigil(
            "graph",
            "path",
            "--data",
            data.toString(),
            "naji-zindashti",
            "iran-mois",
            "--credibility",
            "2");
    assertThat(path.code()).as(path.err()).isZero();
    assertThat(path.out()).contains("not graded]");

    CliRunner.Run subgraph =
        vigil(
            "graph",
            "subgraph",
            "--data",
            data.toString(),
            "naji-zindashti",
            "iran-mois",
            "--credibility",
            "2");
    assertThat(subgraph.code()).as(subgraph.err()).isZero();
    assertThat(subgraph.out()).contains("[not graded]");

    CliRunner.Run unfiltered =
        vigil("graph", "neighbours", "--data", data.toString(), "naji-zindashti");
    assertThat(unfiltered.out()).contains("Ministry of Intelligence").doesNotContain("not graded");
  }

  @Test
  void aCredibilityOutsideOneToSixIsRefused() {
    CliRunner.Run run =
        vigil(
            "graph",
            "neighbours",
            "--data",
            data.toString(),
            "vigil-ir-mois",
            "--credibility",
            "7");

    assertThat(run.code()).isNotZero();
    assertThat(run.err()).contains("credibility");
  }

  private static List<String> edgeIds(List<String> query) throws Exception {
    List<String> withJson = new ArrayList<>(query);
    withJson.add("--format");
    withJson.add("json");
    List<String> ids = new ArrayList<>();
    answer(withJson).get("edges").forEach(e -> ids.add(e.get("id").asText()));
    return ids;
  }

  private static JsonNode answer(List<String> query) throws Exception {
    List<String> args = new ArrayList<>(List.of("graph", query.get(0), "--data", data.toString()));
    args.addAll(query.subList(1, query.size()));
    CliRunner.Run run = vigil(args.toArray(String[]::new));
    assertThat(run.code()).as(args + run.err()).isZero();
    return new ObjectMapper().readTree(run.out());
  }
}
