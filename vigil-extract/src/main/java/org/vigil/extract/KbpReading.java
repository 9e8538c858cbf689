/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.Statement;

/**
 * What CoreNLP's KBP extractor found in one text, mapped to Vigil's shapes.
 *
 * @param relations Employment and Membership edges
 * @param positions people's positions
 */
public record KbpReading(List<Relation> relations, List<PersonPosition> positions) {

  public KbpReading {
    relations = List.copyOf(relations);
    positions = List.copyOf(positions);
  }

  /**
   * The reading as statements from {@code source}: the edges as {@link Extraction#toStatements}
   * gives them (with the names of their ends), and for each position the person's name and
   * "position", with the sentence's span.
   */
  public List<Statement> toStatements(Source source) {
    requireNonNull(source, "source");
    Map<String, Statement> out = new LinkedHashMap<>();
    List<Statement> edges =
        new Extraction(List.of(), relations, List.of(), List.of(), List.of()).toStatements(source);
    edges.forEach(s -> out.putIfAbsent(s.id(), s));
    for (PersonPosition p : positions) {
      Mention person = p.person();
      add(
          out,
          Statement.about(person.entityId(), Schema.PERSON)
              .set("name", person.name())
              .from(source)
              .span(person.start(), person.end())
              .extractor(p.extractor(), p.confidence())
              .build());
      add(
          out,
          Statement.about(person.entityId(), Schema.PERSON)
              .set("position", p.position())
              .from(source)
              .span(p.start(), p.end())
              .extractor(p.extractor(), p.confidence())
              .build());
    }
    return List.copyOf(out.values());
  }

  private static void add(Map<String, Statement> out, Statement s) {
    out.putIfAbsent(s.id(), s);
  }
}
