/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.model.AnalystNote;
import org.vigil.model.Entity;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;
import org.vigil.store.Document;

class ReportedReaderTest {
  static final String TEXT =
      "Tehran denied that Farhad Rostami had defected to Austria. Rostami is the deputy director.";
  static final Instant NOW = Instant.parse("2026-12-06T00:00:00Z");
  static final Source SOURCE =
      new Source(
          "doc-1",
          SourceKind.DOCUMENT,
          "A report",
          Reliability.B,
          Marking.of(Tlp.GREEN, "org-a"),
          Optional.empty(),
          Optional.empty(),
          NOW);
  static final Document DOCUMENT =
      new Document(
          "doc-1",
          "report.txt",
          "text/plain",
          Optional.of("en"),
          "sha256:00",
          TEXT,
          "read",
          "test",
          Optional.empty(),
          0.0,
          NOW);

  @Test
  void eventKeepsEachPartTheClaimantAndTheStanceAndBecomesAClaim() {
    String sentence = "Tehran denied that Farhad Rostami had defected to Austria.";
    Entity event =
        entity(
            "x-event-1",
            Schema.EVENT,
            List.of(
                statement("x-event-1", Schema.EVENT, "name", "defection", sentence, "rule:x"),
                statement(
                    "x-event-1",
                    Schema.EVENT,
                    "participant",
                    "defector: x-rostami",
                    sentence,
                    "rule:x"),
                statement("x-event-1", Schema.EVENT, "location", "Austria", sentence, "rule:x"),
                statement("x-event-1", Schema.EVENT, "claimant", "Tehran", sentence, "rule:x"),
                statement("x-event-1", Schema.EVENT, "stance", "denies", sentence, "rule:x"),
                statement("x-event-1", Schema.EVENT, "description", sentence, sentence, "rule:x")));
    Entity rostami = person();

    Reported reported = ReportedReader.of(DOCUMENT, SOURCE, cited(event, rostami));

    Reported.Event read = reported.events().get(0);
    assertThat(read.kind()).isEqualTo("defection");
    assertThat(read.place()).contains("Austria");
    assertThat(read.participants())
        .containsExactly(
            new Reported.Participant(
                "defector", new Reported.Party(Optional.of("/entities/x-rostami"), "Rostami")));
    assertThat(read.attribution())
        .isEqualTo(new Reported.Attribution(Optional.of("Tehran"), "denies"));
    assertThat(read.evidence().sentence()).contains(sentence);
    assertThat(read.evidence().document().orElseThrow().href()).isEqualTo("/documents/doc-1");
    assertThat(read.evidence().givenBy()).isEqualTo("read by rule:x");
    assertThat(reported.claims()).hasSize(1);
    assertThat(reported.claims().get(0).claimed()).isEqualTo("defection: Rostami");
  }

  @Test
  void propertyShowsItsSentenceAndAnAnalystsNoteSaysWhoWroteIt() {
    Reported reported = ReportedReader.of(DOCUMENT, SOURCE, cited(person()));

    assertThat(reported.properties())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.property()).isEqualTo("position");
              assertThat(p.value()).isEqualTo("deputy director");
              assertThat(p.evidence().sentence()).contains("Rostami is the deputy director.");
              assertThat(p.evidence().givenBy()).isEqualTo("note by analyst alice");
            });
    assertThat(reported.claims()).isEmpty();
  }

  private static Entity person() {
    return entity(
        "x-rostami",
        Schema.PERSON,
        List.of(
            statement("x-rostami", Schema.PERSON, "name", "Rostami", "Rostami", "rule:x"),
            statement(
                "x-rostami",
                Schema.PERSON,
                "position",
                "deputy director",
                "deputy director",
                AnalystNote.by("alice"))));
  }

  private static Map<String, Entity> cited(Entity... entities) {
    Map<String, Entity> out = new LinkedHashMap<>();
    for (Entity e : entities) {
      out.put(e.id(), e);
    }
    return out;
  }

  private static Entity entity(String id, Schema schema, List<Statement> statements) {
    return new Entity(id, schema, List.of(id), statements);
  }

  private static Statement statement(
      String entity, Schema schema, String property, String value, String quote, String by) {
    int at = TEXT.indexOf(quote);
    return Statement.about(entity, schema)
        .set(property, value)
        .from(SOURCE)
        .span(at, at + quote.length())
        .extractor(by, 0.8)
        .seen(NOW)
        .build();
  }
}
