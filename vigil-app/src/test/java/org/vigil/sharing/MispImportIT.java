/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.access.User;
import org.vigil.access.Viewer;
import org.vigil.audit.AuditAction;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/**
 * MISP import against an embedded store: PyMISP's own test events (../shared/data/misp/testevents,
 * from PyMISP's tests/mispevent_testfiles) import where they are events with a uuid and are refused
 * with a reason otherwise; a feed written by our own {@code vigil export misp} comes back with the
 * same entity names and markings; importing it again writes nothing new.
 */
class MispImportIT {
  @TempDir Path dir;

  @Test
  void pymispsTestEventsImportAndTheOthersAreSkippedWithAReason() {
    try (Store store = Store.open(StoreConfig.embedded(dir.resolve("data")))) {
      store.accounts().createOrganization("agency", "The Agency");
      MispImport.Outcome outcome =
          new MispImport(store, Clock.systemUTC())
              .importPath(shared("data/misp/testevents"), "agency", Optional.empty(), "test");
      // existing_event.json and existing_event_edited.json are the same event (one uuid).
      assertThat(outcome.events())
          .extracting(MispImport.Imported::sourceId)
          .containsExactly(
              "misp-5a3c2fcd-8328-42bb-a95e-4f4402de0b81",
              "misp-5a3c2fcd-8328-42bb-a95e-4f4402de0b81",
              "misp-5a4cb19a-f550-437f-bd29-48ed950d210f");
      assertThat(outcome.skipped())
          .anySatisfy(
              s ->
                  assertThat(s.what() + ": " + s.reason())
                      .isEqualTo(
                          "attribute.json: event 'This is a test' in attribute.json has no uuid"))
          .anySatisfy(s -> assertThat(s.reason()).contains("galaxy.json is not a MISP event"));
      Map<String, List<Statement>> bySchema = statements(store, "misp-5a3c2fcd");
      assertThat(names(bySchema.get("Organization"), "name")).contains("Sofacy");
      assertThat(names(bySchema.get("Organization"), "alias")).contains("APT28", "Fancy Bear");
      assertThat(names(bySchema.get("Document"), "keywords"))
          .contains("misp-galaxy:tool=\"X-Agent\"", "workflow:state=\"incomplete\"");
      assertThat(names(bySchema.get("Document"), "notes")).anyMatch(n -> n.startsWith("domain="));
      assertThat(bySchema.get("Document"))
          .allSatisfy(s -> assertThat(s.marking().tlp()).isEqualTo(Tlp.CLEAR));
      MispImport.Imported existing = outcome.events().get(0);
      assertThat(existing.attributes()).isGreaterThan(50);
      assertThat(
              existing.imported()
                  + outcome.skipped().stream()
                      .filter(
                          s -> s.what().startsWith("attribute") || s.what().startsWith("object"))
                      .count())
          .isGreaterThanOrEqualTo(existing.attributes());
      assertThat(store.audit().recent(10))
          .anySatisfy(
              r -> {
                assertThat(r.event().action()).isEqualTo(AuditAction.WRITE);
                assertThat(r.event().detail())
                    .startsWith("imported MISP event existing_event.json");
              });
    }
  }

  @Test
  void ourOwnFeedComesBackWithTheSameNamesAndMarkingsAndAgainWritesNothingNew() throws Exception {
    Path feed = dir.resolve("feed");
    Set<String> exportedNames = new TreeSet<>();
    Map<String, Tlp> exportedLevels = new TreeMap<>();
    try (Store source = Store.open(StoreConfig.embedded(dir.resolve("source")))) {
      source.accounts().createOrganization(SampleNetwork.OWNER, "The Agency");
      source.accounts().createOrganization("partner", "The Partner");
      source.accounts().addPartners(SampleNetwork.OWNER, "partner");
      User red = source.accounts().createUser("red-reader", SampleNetwork.OWNER, Role.ANALYST, "x");
      SampleNetwork.write(source, red.id());
      MispFeed.Outcome outcome =
          new MispFeed(source, Clock.systemUTC()).feedFor("partner", "test", "test");
      MispFeed.write(outcome, feed);
      for (MispFeed.FeedEvent e : outcome.events()) {
        String tag = e.document().path("Event").path("Tag").get(0).path("name").asText();
        exportedLevels.put("misp-" + e.uuid(), Tlp.parse(tag));
        e.document()
            .path("Event")
            .path("Attribute")
            .forEach(
                a -> {
                  String comment = a.path("comment").asText();
                  if (comment.matches("(Person|Organization)\\.name of .*")) {
                    exportedNames.add(a.path("value").asText());
                  }
                });
      }
    }
    assertThat(exportedNames).hasSizeGreaterThanOrEqualTo(3);
    try (Store store = Store.open(StoreConfig.embedded(dir.resolve("data")))) {
      store.accounts().createOrganization("partner", "The Partner");
      MispImport importer = new MispImport(store, Clock.systemUTC());
      MispImport.Outcome first = importer.importPath(feed, "partner", Optional.empty(), "test");
      assertThat(first.skipped()).isEmpty();
      assertThat(first.imported()).isEqualTo(first.attributes());
      Map<String, List<Statement>> bySchema = statements(store, "misp-");
      Set<String> importedNames = new TreeSet<>(names(bySchema.get("Person"), "name"));
      importedNames.addAll(names(bySchema.get("Organization"), "name"));
      assertThat(importedNames).isEqualTo(exportedNames);
      for (Map.Entry<String, Tlp> level : exportedLevels.entrySet()) {
        assertThat(store.statements().source(level.getKey(), Viewer.system()))
            .hasValueSatisfying(
                s -> {
                  assertThat(s.marking().tlp()).isEqualTo(level.getValue());
                  assertThat(s.marking().ownerOrg()).isEqualTo("partner");
                });
      }
      int statements = bySchema.values().stream().mapToInt(List::size).sum();
      Set<String> ids = new TreeSet<>();
      bySchema.values().forEach(l -> l.forEach(s -> ids.add(s.id())));

      MispImport.Outcome again = importer.importPath(feed, "partner", Optional.empty(), "test");
      assertThat(again.events()).hasSameSizeAs(first.events());
      Map<String, List<Statement>> afterwards = statements(store, "misp-");
      Set<String> idsAfterwards = new TreeSet<>();
      afterwards.values().forEach(l -> l.forEach(s -> idsAfterwards.add(s.id())));
      assertThat(idsAfterwards).isEqualTo(ids).hasSize(statements);
    }
  }

  private static Map<String, List<Statement>> statements(Store store, String sourcePrefix) {
    Map<String, List<Statement>> bySchema = new TreeMap<>();
    store
        .statements()
        .scanEntities(
            e -> {
              for (Statement s : e.statements()) {
                if (s.sourceId().startsWith(sourcePrefix)) {
                  bySchema.computeIfAbsent(s.schema().ftmName(), k -> new ArrayList<>()).add(s);
                }
              }
            });
    return bySchema;
  }

  private static List<String> names(List<Statement> statements, String property) {
    return statements == null
        ? List.of()
        : statements.stream()
            .filter(s -> s.property().equals(property))
            .map(Statement::value)
            .toList();
  }

  /** A path under ../shared, found from the module's folder upwards. */
  private static Path shared(String path) {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared").resolve(path);
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("shared/" + path + " is not above here");
  }
}
