/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.vigil.cli.CliRunner.vigil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.access.Viewer;
import org.vigil.model.Entity;
import org.vigil.model.Statement;
import org.vigil.search.SearchQuery;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/**
 * {@code vigil graph} on the real sample reports and the OFAC SDN list, read from ../shared/data
 * (never copied into the repository); skipped when they are absent. The reports are ingested as
 * TLP:AMBER of the organisation "public", so a user of another organisation sees none of them.
 */
class GraphCliIT {
  static final Path SHARED = Path.of(System.getProperty("vigil.sharedData", "../../shared/data"));
  static final Path REPORTS = SHARED.resolve("reports");
  static final Path SDN = SHARED.resolve("lists/ofac/sdn-json/ofac-sdn.json");

  @TempDir static Path data;

  @BeforeAll
  static void loadListsAndIngestTheReports() {
    assumeTrue(
        Files.isDirectory(REPORTS) && Files.isRegularFile(SDN),
        "the sample reports and the SDN list are not in " + SHARED);
    CliRunner.Run lists = vigil("lists", "load", "--data", data.toString(), SDN.toString());
    assertThat(lists.code()).as(lists.out() + lists.err()).isZero();
    CliRunner.Run ingest = vigil("ingest", "--data", data.toString(), REPORTS.toString());
    assertThat(ingest.code()).as(ingest.out() + ingest.err()).isZero();
    try (Store store = Store.open(StoreConfig.embedded(data))) {
      store.accounts().createOrganization("elsewhere", "Another agency");
      store.accounts().createUser("outsider", "elsewhere", Role.ANALYST, "not-a-real-hash");
    }
  }

  /**
   * Whether the extraction states a link from the network Zindashti leads to MOIS (the "nlp" work
   * that reads it from the designation's wording): some entity that names MOIS also names an entity
   * that an entity naming Zindashti names. Read with the statement repository, not the graph
   * queries under test.
   */
  private static boolean extractionLinksZindashtisNetworkToMois() {
    try (Store store = Store.open(StoreConfig.embedded(data))) {
      Viewer all = Viewer.system();
      java.util.Set<String> networks = new java.util.HashSet<>();
      for (String naji : idsNamed(store, "Naji Ibrahim Sharifi-Zindashti")) {
        for (Entity link : store.statements().referencing(naji, all, 1_000)) {
          link.statements().stream()
              .filter(Statement::isReference)
              .map(Statement::value)
              .filter(v -> !v.equals(naji))
              .forEach(networks::add);
        }
      }
      for (String mois : idsNamed(store, "MOIS")) {
        for (Entity link : store.statements().referencing(mois, all, 1_000)) {
          if (link.statements().stream()
              .filter(Statement::isReference)
              .anyMatch(s -> networks.contains(s.value()))) {
            return true;
          }
        }
      }
      return false;
    }
  }

  private static List<String> idsNamed(Store store, String name) {
    return store
        .search()
        .search(new SearchQuery(name, Optional.empty(), 20), Viewer.system())
        .hits()
        .stream()
        .filter(h -> h.caption().equalsIgnoreCase(name) || h.snippets().toString().contains(name))
        .map(h -> h.entityId())
        .toList();
  }

  @Test
  void pathFromZindashtiToMoisShowsTheEvidenceSentences() throws Exception {
    assertThat(extractionLinksZindashtisNetworkToMois())
        .as("the extraction states the network-MOIS link in the sample reports")
        .isTrue();
    CliRunner.Run run =
        vigil(
            "graph",
            "path",
            "--data",
            data.toString(),
            "--format",
            "json",
            "Naji Ibrahim Sharifi-Zindashti",
            "MOIS");

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode answer = new ObjectMapper().readTree(run.out());
    assertThat(answer.path("paths")).as(run.out()).isNotEmpty();
    JsonNode path = answer.path("paths").get(0);
    assertThat(answer.path("nodes").toString()).contains("Naji Ibrahim Sharifi-Zindashti");
    assertThat(answer.path("nodes").toString()).contains("Ministry of Intelligence and Security");
    assertThat(path.path("edges")).hasSize(path.path("length").asInt());
    for (JsonNode edge : answer.path("edges")) {
      assertThat(edge.path("evidence")).as(edge.toString()).isNotEmpty();
      for (JsonNode evidence : edge.path("evidence")) {
        assertThat(evidence.path("text").asText()).as(edge.toString()).isNotBlank();
        assertThat(evidence.path("documentId").asText()).startsWith("doc-");
      }
    }

    CliRunner.Run table =
        vigil("graph", "path", "--data", data.toString(), "Naji Ibrahim Sharifi-Zindashti", "MOIS");
    assertThat(table.out()).contains("Path 1").contains("evidence: \"");
  }

  @Test
  void neighboursOfZindashtiQuoteTheSentenceTheyWereReadFrom() {
    CliRunner.Run run =
        vigil("graph", "neighbours", "--data", data.toString(), "Naji Ibrahim Sharifi-Zindashti");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Naji Ibrahim Sharifi-Zindashti")
        .contains("spearheaded by notorious narcotics trafficker");
  }

  @Test
  void timelineOfMoisListsKhatibsAppointment() {
    CliRunner.Run run =
        vigil("graph", "timeline", "--data", data.toString(), "--format", "json", "MOIS");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("2021-08").containsIgnoringCase("Khatib").contains("employs");
  }

  @Test
  void anAmbiguousNameListsTheCandidatesAndFails() {
    CliRunner.Run run = vigil("graph", "neighbours", "--data", data.toString(), "Khatib");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("'Khatib' is ambiguous").contains("ofac-sdn-");
  }

  @Test
  void anotherOrganisationSeesOnlyTheListEntryNotTheAmberReporting() {
    CliRunner.Run run =
        vigil(
            "graph",
            "neighbours",
            "--data",
            data.toString(),
            "--as",
            "outsider",
            "--format",
            "json",
            "Naji Ibrahim Sharifi-Zindashti");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("ofac-sdn-")
        .doesNotContain("spearheaded")
        .doesNotContain("\"AMBER\"");
  }
}
