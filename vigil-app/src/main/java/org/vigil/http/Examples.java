/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.model.InvalidValueException;
import org.vigil.model.PartialDate;
import org.vigil.model.Schema;
import org.vigil.watchlists.ExampleMatching;

/**
 * An entity described by FtM property values (as yente's {@code /match} and the reconciliation
 * API's queries describe it) read as an {@link ExampleMatching.Example}: names from name, alias,
 * firstName/lastName and the like, the first birth date, the first country of nationality,
 * citizenship, country or jurisdiction. Other properties are kept in the echo but do not score.
 */
final class Examples {
  private static final List<String> NAME_PROPERTIES =
      List.of("name", "alias", "previousName", "weakAlias");
  private static final List<String> COUNTRY_PROPERTIES =
      List.of("nationality", "citizenship", "country", "jurisdiction");

  private Examples() {}

  /**
   * The example an FtM description gives.
   *
   * @throws InvalidValueException naming the schema, date or name that cannot be read
   */
  static ExampleMatching.Example read(Optional<String> schema, Map<String, List<String>> values) {
    Optional<Schema> type = Optional.empty();
    if (schema.isPresent() && !schema.get().equals("Thing")) {
      type =
          Optional.of(
              Schema.find(schema.get())
                  .orElseThrow(
                      () -> new InvalidValueException("unknown schema " + quoted(schema.get()))));
    }
    List<String> names = new ArrayList<>();
    for (String property : NAME_PROPERTIES) {
      values.getOrDefault(property, List.of()).stream()
          .filter(v -> !v.isBlank())
          .forEach(names::add);
    }
    String whole =
        String.join(
                " ",
                first(values, "firstName").orElse(""),
                first(values, "middleName").orElse(""),
                first(values, "lastName").orElse(""))
            .replaceAll("\\s+", " ")
            .strip();
    if (!whole.isEmpty()) {
      names.add(whole);
    }
    List<String> distinct = names.stream().distinct().toList();
    if (distinct.isEmpty()) {
      throw new InvalidValueException("the query has no name (name, alias, firstName, lastName)");
    }
    Optional<PartialDate> born = first(values, "birthDate").map(PartialDate::parse);
    Optional<String> country = Optional.empty();
    for (String property : COUNTRY_PROPERTIES) {
      country = country.or(() -> first(values, property));
    }
    return new ExampleMatching.Example(type, distinct, born, country);
  }

  /** Property values from a JSON object of strings or arrays of strings (other values skipped). */
  static Map<String, List<String>> values(com.fasterxml.jackson.databind.JsonNode properties) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (properties == null || !properties.isObject()) {
      return out;
    }
    for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> p : properties.properties()) {
      List<String> texts = new ArrayList<>();
      com.fasterxml.jackson.databind.JsonNode v = p.getValue();
      if (v.isArray()) {
        v.forEach(
            item -> {
              if (item.isValueNode() && !item.isNull()) {
                texts.add(item.asText());
              }
            });
      } else if (v.isValueNode() && !v.isNull()) {
        texts.add(v.asText());
      }
      if (!texts.isEmpty()) {
        out.put(p.getKey(), texts);
      }
    }
    return out;
  }

  private static Optional<String> first(Map<String, List<String>> values, String property) {
    return values.getOrDefault(property, List.of()).stream().filter(v -> !v.isBlank()).findFirst();
  }

  private static String quoted(String text) {
    String cut = text.length() > 40 ? text.substring(0, 40) + "…" : text;
    return "'" + cut.replaceAll("\\p{Cntrl}", " ") + "'";
  }
}
