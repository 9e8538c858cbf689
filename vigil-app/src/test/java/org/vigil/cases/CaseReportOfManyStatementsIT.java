/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.access.Viewer;
import org.vigil.auth.PasswordHasher;
import org.vigil.cases.report.CaseReports;
import org.vigil.cases.report.ReportFormat;
import org.vigil.ingest.ContentFingerprint;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;
import org.vigil.store.Document;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.store.StoredCase;

/**
 * The bad input: a case whose report would cite 100,000 statements (100 people with 1,000
 * names each, read from a thousand-line register in Persian, Arabic and Latin script) gets a
 * bounded answer, refused with the reason and the way out, and nothing is released.
 */
class CaseReportOfManyStatementsIT {
  @TempDir Path dir;

  @Test
  void aReportOfAHundredThousandStatementsIsRefusedWithTheReasonAndReleasesNothing() {
    try (Store store = Store.open(StoreConfig.embedded(dir))) {
      store.accounts().createOrganization("ctic", "Counter-terrorism intelligence centre");
      var user =
          store
              .accounts()
              .createUser(
                  "analyst-m",
                  "ctic",
                  Role.ANALYST,
                  new PasswordHasher(new PasswordHasher.Cost(1024, 1, 1), new SecureRandom())
                      .hash("a password of the test"));
      Viewer viewer = store.accounts().viewer(user);
      Clock clock = Clock.systemUTC();
      List<String> people = writeAHundredPeopleWithAThousandNamesEach(store, clock.instant());
      Cases cases = new Cases(store, clock);
      Cases.Actor actor = new Cases.Actor(viewer.userId(), viewer, "test");
      String caseId =
          ((Cases.Done<StoredCase>) cases.create("A register of names", "GREEN", actor))
              .value()
              .id();
      for (String id : people) {
        cases.addItem(caseId, "entity", id, actor);
      }
      int exportsBefore = exports(store, caseId);

      Cases.Outcome<CaseReports.Written> outcome =
          new CaseReports(store, clock)
              .report(
                  caseId,
                  new CaseReports.Request(
                      "ctic", ReportFormat.PDF, Optional.empty(), Tlp.GREEN, List.of()),
                  actor);

      assertThat(outcome).isInstanceOf(Cases.Refused.class);
      Cases.Refused<CaseReports.Written> refused = (Cases.Refused<CaseReports.Written>) outcome;
      assertThat(refused.reason()).isEqualTo(Cases.Refusal.INVALID_VALUE);
      assertThat(refused.message())
          .isEqualTo(
              "a report cites at most 5000 statements and this one would cite 100000: choose"
                  + " some of the case's entities");
      assertThat(exports(store, caseId)).as("nothing released").isEqualTo(exportsBefore);
    }
  }

  private static List<String> writeAHundredPeopleWithAThousandNamesEach(Store store, Instant now) {
    String[] scripts = {"Naji %d", "ناجی %d", "ناجي %d", "Наджи %d"};
    List<String> people = new ArrayList<>();
    for (int p = 0; p < 100; p++) {
      String id = "register-person-" + p;
      people.add(id);
      String sourceId = "register-" + p;
      Source source =
          new Source(
              sourceId,
              SourceKind.DOCUMENT,
              "Register page " + p,
              Reliability.C,
              Marking.of(Tlp.GREEN, "ctic"),
              Optional.empty(),
              Optional.empty(),
              now);
      StringBuilder text = new StringBuilder();
      List<Statement> statements = new ArrayList<>();
      for (int k = 0; k < 1_000; k++) {
        String name = String.format(java.util.Locale.ROOT, scripts[k % scripts.length], k);
        int start = text.length();
        text.append(name).append('\n');
        statements.add(
            Statement.about(id, Schema.PERSON)
                .set(k == 0 ? "name" : "alias", name)
                .from(source)
                .span(start, start + name.length())
                .seen(now)
                .build());
      }
      String body = text.toString();
      store
          .documents()
          .write(
              new Document(
                  sourceId,
                  sourceId + ".txt",
                  "text/plain",
                  Optional.empty(),
                  ContentFingerprint.of(body).exactHash(),
                  body,
                  "read",
                  "written for the test",
                  Optional.empty(),
                  0.0,
                  now),
              source,
              statements);
    }
    return people;
  }

  private static int exports(Store store, String caseId) {
    return (int)
        store.audit().recent(1_000).stream()
            .filter(a -> a.event().action() == org.vigil.audit.AuditAction.EXPORT)
            .filter(a -> a.event().target().equals("case:" + caseId))
            .count();
  }
}
