/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;

/**
 * Seeded synthetic reporting for benchmarks: documents about people and organisations, each with
 * names, aliases, dates, countries and memberships, every statement with a span and an extractor,
 * and a mix of markings. The shape (about ten statements an entity, a fifth of them edges) follows
 * what extraction produces from news reporting.
 */
final class SyntheticReporting {
  private static final String[] GIVEN = {
    "Naji", "Esmaeil", "Qasem", "Mohammad", "Hossein", "Ali", "Reza", "Mahmoud", "Abbas", "Hassan",
    "Yusuf", "Karim", "Omar", "Farid", "Javad", "Majid", "Saeed", "Hamid", "Nasser", "Kamal"
  };
  private static final String[] FAMILY = {
    "Sharifi",
    "Khatib",
    "Soleimani",
    "Hosseini",
    "Rahimi",
    "Karimi",
    "Moradi",
    "Jafari",
    "Tehrani",
    "Ahmadi",
    "Rezaei",
    "Mousavi",
    "Hashemi",
    "Sadeghi",
    "Ghorbani",
    "Kazemi",
    "Zindashti",
    "Alavi",
    "Bagheri",
    "Najafi"
  };
  private static final String[] ORG_WORDS = {
    "Trading",
    "Logistics",
    "Foundation",
    "Brigade",
    "Network",
    "Group",
    "Shipping",
    "Exchange",
    "Cultural Centre",
    "Construction"
  };
  private static final String[] COUNTRIES = {"ir", "iq", "lb", "sy", "tr", "ae", "gb", "us", "de"};
  private static final Tlp[] MARKINGS = {
    Tlp.GREEN, Tlp.GREEN, Tlp.GREEN, Tlp.AMBER, Tlp.AMBER_STRICT
  };

  private final SplittableRandom random;
  private final String ownerOrg;
  private int documents;

  SyntheticReporting(long seed, String ownerOrg) {
    this.random = new SplittableRandom(seed);
    this.ownerOrg = ownerOrg;
  }

  /** The id of the n-th person the generator writes about. */
  static String personId(int n) {
    return "bench-p-" + n;
  }

  /**
   * A document source with statements about {@code people} people starting at person {@code first}.
   */
  Batch document(int first, int people) {
    int n = ++documents;
    Marking marking = Marking.of(MARKINGS[random.nextInt(MARKINGS.length)], ownerOrg);
    Source source =
        new Source(
            "bench-doc-" + n,
            SourceKind.DOCUMENT,
            "Synthetic report " + n,
            Reliability.values()[random.nextInt(6)],
            marking,
            Optional.empty(),
            Optional.empty(),
            Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n));
    List<Statement> statements = new ArrayList<>(people * 11);
    int offset = 0;
    for (int p = first; p < first + people; p++) {
      String id = personId(p);
      String name =
          GIVEN[random.nextInt(GIVEN.length)] + " " + FAMILY[random.nextInt(FAMILY.length)];
      offset = add(statements, source, id, Schema.PERSON, "name", name, offset);
      offset =
          add(
              statements,
              source,
              id,
              Schema.PERSON,
              "alias",
              name + " " + FAMILY[random.nextInt(FAMILY.length)],
              offset);
      offset = add(statements, source, id, Schema.PERSON, "birthDate", birthDate(), offset);
      offset = add(statements, source, id, Schema.PERSON, "nationality", country(), offset);
      offset = add(statements, source, id, Schema.PERSON, "position", "commander", offset);
      String org = "bench-o-" + random.nextInt(Math.max(1, people * 50));
      offset =
          add(
              statements,
              source,
              org,
              Schema.ORGANIZATION,
              "name",
              FAMILY[random.nextInt(FAMILY.length)]
                  + " "
                  + ORG_WORDS[random.nextInt(ORG_WORDS.length)],
              offset);
      offset = add(statements, source, org, Schema.ORGANIZATION, "country", country(), offset);
      String edge = "bench-m-" + n + "-" + p;
      offset = add(statements, source, edge, Schema.MEMBERSHIP, "member", id, offset);
      offset = add(statements, source, edge, Schema.MEMBERSHIP, "organization", org, offset);
      offset = add(statements, source, edge, Schema.MEMBERSHIP, "role", "operative", offset);
      offset =
          add(
              statements,
              source,
              edge,
              Schema.MEMBERSHIP,
              "startDate",
              birthDate().substring(0, 7),
              offset);
    }
    return new Batch(source, statements);
  }

  private String birthDate() {
    return String.format(
        java.util.Locale.ROOT,
        "%04d-%02d-%02d",
        1950 + random.nextInt(50),
        1 + random.nextInt(12),
        1 + random.nextInt(28));
  }

  private String country() {
    return COUNTRIES[random.nextInt(COUNTRIES.length)];
  }

  private int add(
      List<Statement> out,
      Source source,
      String entity,
      Schema schema,
      String property,
      String value,
      int offset) {
    int end = offset + value.length();
    out.add(
        Statement.about(entity, schema)
            .set(property, value)
            .from(source)
            .span(offset, end)
            .extractor("bench", 0.5 + random.nextDouble() / 2)
            .seen(source.retrievedAt())
            .build());
    return end + 1 + random.nextInt(80);
  }

  /** A source and the statements read from it. */
  record Batch(Source source, List<Statement> statements) {}
}
