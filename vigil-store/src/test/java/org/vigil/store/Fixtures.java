/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.vigil.access.Role;
import org.vigil.access.Viewer;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;

/** Sources, statements and viewers the store tests share. */
final class Fixtures {
  /** Microsecond precision: what both databases keep. */
  static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");

  static final Instant T1 = Instant.parse("2026-04-02T08:00:00.654321Z");

  private Fixtures() {}

  static Source source(String id, Marking marking) {
    return new Source(
        id,
        SourceKind.DOCUMENT,
        "Report " + id,
        Reliability.B,
        marking,
        Optional.of("https://example.org/reports/" + id),
        Optional.of("sha256:0f1e2d"),
        T0);
  }

  static Source green(String id) {
    return source(id, Marking.of(Tlp.GREEN, "org-a"));
  }

  static Statement person(String entityId, String name, Source source) {
    return Statement.about(entityId, Schema.PERSON).set("name", name).from(source).seen(T0).build();
  }

  static Statement fact(String entityId, String property, String value, Source source) {
    return Statement.about(entityId, Schema.PERSON)
        .set(property, value)
        .from(source)
        .seen(T0)
        .build();
  }

  static Viewer viewer(String userId, String orgId, String... partners) {
    return Viewer.of(userId, userId, orgId, Set.of(partners), Role.ANALYST);
  }
}
