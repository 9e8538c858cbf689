/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vigil.access.Role;
import org.vigil.access.Viewer;
import org.vigil.auth.PasswordHasher;
import org.vigil.cases.Cases;
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
import org.vigil.store.StoredCase;

/**
 * The benchmarks' synthetic case: 500 entities and 2,000 statements on a store of their own, owned
 * by {@code bench-analyst} of {@code ctic} (made here), for {@code vigil bench report} and {@code
 * vigil bench cases}.
 */
public final class SyntheticCase {
  /** Ten Iranian cities, each of which the gazetteer places in Iran (the people's nationality). */
  public static final List<String> CITIES =
      List.of(
          "Tehran",
          "Mashhad",
          "Isfahan",
          "Tabriz",
          "Rasht",
          "Qom",
          "Ahvaz",
          "Karaj",
          "Kermanshah",
          "Zahedan");

  /** The owner of the case. */
  public static final String OWNER = "bench-analyst";

  /** The owner's password, for benchmarks that sign in to a served instance. */
  public static final String OWNER_PASSWORD = "bench-analyst-password";

  private SyntheticCase() {}

  /**
   * Writes the case and answers its id: 500 people, four statements each read from sentences of 100
   * documents (a third of them AMBER), 400 links; with {@code placed}, each person's fourth
   * statement is a birth place (one of ten cities of the gazetteer) instead of a position, so the
   * case's map has 500 places.
   */
  public static String create(Store store, Clock clock, boolean placed) {
    String org = "ctic";
    if (store.accounts().organization(org).isEmpty()) {
      store.accounts().createOrganization(org, "Benchmark organisation");
    }
    var user =
        store
            .accounts()
            .createUser(
                "bench-analyst",
                org,
                Role.ANALYST,
                new PasswordHasher(new PasswordHasher.Cost(1024, 1, 1), new SecureRandom())
                    .hash(OWNER_PASSWORD));
    Viewer viewer = store.accounts().viewer(user);
    Instant now = clock.instant();
    List<String> people = new ArrayList<>();
    for (int doc = 0; doc < 100; doc++) {
      String sourceId = "bench-report-doc-" + doc;
      Source source =
          new Source(
              sourceId,
              SourceKind.DOCUMENT,
              "Synthetic report " + doc,
              Reliability.values()[doc % 4],
              Marking.of(doc % 3 == 0 ? Tlp.AMBER : Tlp.GREEN, org),
              Optional.empty(),
              Optional.empty(),
              now);
      StringBuilder text = new StringBuilder();
      List<Statement> statements = new ArrayList<>();
      for (int k = 0; k < 5; k++) {
        int n = doc * 5 + k;
        String id = "bench-person-" + n;
        people.add(id);
        fact(statements, text, source, id, Schema.PERSON, "name", "Person Number " + n, now);
        fact(statements, text, source, id, Schema.PERSON, "nationality", "ir", now);
        fact(
            statements,
            text,
            source,
            id,
            Schema.PERSON,
            "birthDate",
            String.format(Locale.ROOT, "19%02d-%02d-%02d", 50 + n % 40, 1 + n % 12, 1 + n % 28),
            now);
        if (placed) {
          fact(
              statements,
              text,
              source,
              id,
              Schema.PERSON,
              "birthPlace",
              CITIES.get(n % CITIES.size()),
              now);
        } else {
          fact(statements, text, source, id, Schema.PERSON, "position", "courier " + n, now);
        }
        if (n >= 100) {
          // 400 links: each person from the 100th on knows one of the first 100
          String link = "bench-link-" + n;
          fact(statements, text, source, link, Schema.ASSOCIATE, "person", id, now);
          fact(
              statements,
              text,
              source,
              link,
              Schema.ASSOCIATE,
              "associate",
              "bench-person-" + n % 100,
              now);
        }
      }
      String body = text.toString();
      store
          .documents()
          .write(
              new Document(
                  sourceId,
                  sourceId + ".txt",
                  "text/plain",
                  Optional.of("en"),
                  ContentFingerprint.of(body).exactHash(),
                  body,
                  "read",
                  "written for the benchmark",
                  Optional.empty(),
                  0.0,
                  now),
              source,
              statements);
    }
    Cases cases = new Cases(store, clock);
    Cases.Actor actor = new Cases.Actor("bench", viewer, "bench");
    Cases.Outcome<StoredCase> made = cases.create("Benchmark case", "AMBER", actor);
    String caseId = ((Cases.Done<StoredCase>) made).value().id();
    for (String id : people) {
      cases.addItem(caseId, "entity", id, actor);
    }
    return caseId;
  }

  private static void fact(
      List<Statement> statements,
      StringBuilder text,
      Source source,
      String entityId,
      Schema schema,
      String property,
      String value,
      Instant now) {
    String sentence = "The record of " + entityId + " gives " + property + " as ";
    int start = text.length() + sentence.length();
    text.append(sentence).append(value).append(". ");
    statements.add(
        Statement.about(entityId, schema)
            .set(property, value)
            .from(source)
            .span(start, start + value.length())
            .seen(now)
            .build());
  }
}
