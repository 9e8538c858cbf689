/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vigil.extract.Attribution;
import org.vigil.extract.Claim;
import org.vigil.extract.EventRole;
import org.vigil.extract.ExtractedEvent;
import org.vigil.extract.ExtractedProperty;
import org.vigil.extract.Mention;
import org.vigil.extract.PersonPosition;
import org.vigil.extract.Relation;
import org.vigil.extract.Stance;
import org.vigil.extract.relations.learned.ReadLearnedRelations;
import org.vigil.extract.syntax.ParseOutcome;

/**
 * The rows {@code vigil extract} prints: one writer per kind of finding, each row's keys in output
 * order. A claim's row holds the same fields of its relation or event as that finding's own row.
 */
final class FindingRows {
  private FindingRows() {}

  static Map<String, Object> mention(Mention m) {
    Map<String, Object> row = kind("mention");
    row.put("text", m.text());
    row.put("type", m.type().name());
    row.put("start", m.start());
    row.put("end", m.end());
    return row;
  }

  static Map<String, Object> relation(Relation r) {
    Map<String, Object> row = kind("relation");
    link(row, r);
    row.put("confidence", r.confidence());
    row.put("by", by(r.extractor()));
    attribution(row, r.attribution(), r.disputed());
    return row;
  }

  static Map<String, Object> event(ExtractedEvent e) {
    Map<String, Object> row = kind("event");
    row.put("schema", e.schema().ftmName());
    row.put("event", e.kind());
    row.put("date", e.date().map(Object::toString).orElse(null));
    row.put("place", e.place().orElse(null));
    row.put("participants", participants(e));
    e.authority().ifPresent(a -> row.put("authority", a));
    e.program().ifPresent(p -> row.put("program", p));
    span(row, e.evidence(), e.start(), e.end());
    row.put("confidence", e.confidence());
    row.put("by", by(e.extractor()));
    attribution(row, e.attribution(), e.disputed());
    return row;
  }

  static Map<String, Object> property(ExtractedProperty p) {
    return property(Optional.empty(), p);
  }

  /** A KBP position, as a property row that names the person's schema. */
  static Map<String, Object> property(PersonPosition p) {
    return property(
        Optional.of("Person"),
        new ExtractedProperty(
            p.person(),
            "position",
            p.position(),
            p.evidence(),
            p.start(),
            p.end(),
            p.extractor(),
            p.confidence()));
  }

  private static Map<String, Object> property(Optional<String> schema, ExtractedProperty p) {
    Map<String, Object> row = kind("property");
    schema.ifPresent(s -> row.put("schema", s));
    row.put("entity", p.entity().name());
    row.put("property", p.property());
    row.put("value", p.value());
    span(row, p.evidence(), p.start(), p.end());
    row.put("confidence", p.confidence());
    row.put("by", by(p.extractor()));
    row.put("extractor", p.extractor());
    return row;
  }

  static Map<String, Object> claim(Claim c) {
    Map<String, Object> row = kind("claim");
    row.put("claimant", c.claimant().name());
    row.put("stance", stance(c.stance()));
    if (c.claimed() instanceof Relation r) {
      row.put("claimed", "relation");
      link(row, r);
    } else if (c.claimed() instanceof ExtractedEvent e) {
      row.put("claimed", "event");
      row.put("event", e.kind());
      row.put("participants", participants(e));
      span(row, e.evidence(), e.start(), e.end());
    }
    return row;
  }

  static Map<String, Object> skipped(ParseOutcome.Skipped s) {
    Map<String, Object> row = kind("skipped");
    row.put("start", s.start());
    row.put("end", s.end());
    row.put("reason", s.reason());
    return row;
  }

  private static Map<String, Object> kind(String kind) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("kind", kind);
    return row;
  }

  /** What a relation links, and where it was read. */
  private static void link(Map<String, Object> row, Relation r) {
    row.put("schema", r.schema().ftmName());
    row.put("source", r.source().name());
    row.put("target", r.target().name());
    r.role().ifPresent(role -> row.put("role", role));
    span(row, r.evidence(), r.start(), r.end());
  }

  private static void span(Map<String, Object> row, String evidence, int start, int end) {
    row.put("evidence", evidence);
    row.put("start", start);
    row.put("end", end);
  }

  /** Who asserts it (the document's source unless a party is quoted), how, and if disputed. */
  private static void attribution(Map<String, Object> row, Attribution a, boolean disputed) {
    row.put("claimant", a.claimant().map(Mention::name).orElse("source"));
    row.put("stance", stance(a.stance()));
    if (disputed) {
      row.put("disputed", true);
    }
  }

  private static String stance(Stance s) {
    return s.name().toLowerCase(Locale.ROOT);
  }

  /** The participants as {name, role} where the reading knows the roles, else their names. */
  private static List<Object> participants(ExtractedEvent e) {
    if (e.roles().isEmpty()) {
      return new ArrayList<>(e.participants().stream().map(Mention::name).toList());
    }
    List<Object> out = new ArrayList<>();
    for (EventRole r : e.roles()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("name", r.mention().name());
      p.put("role", r.role());
      out.add(p);
    }
    return out;
  }

  /** Which reader found it: the learned relation model or the rules. */
  private static String by(String extractor) {
    return extractor.equals(ReadLearnedRelations.EXTRACTOR) ? "model" : "rule";
  }
}
