/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.screening;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.vigil.model.InvalidValueException;
import org.vigil.model.PartialDate;
import org.vigil.model.Schema;

/**
 * What to screen: a name and, when known, the schema, birth date and country of whom it names.
 *
 * @param name the name to look for; 1 to {@value #MAX_NAME_LENGTH} chars, no control characters
 * @param schema Person, Organization, ... when known; absent matches any schema
 * @param birthDate the birth date when known, at any precision
 * @param country a lower-case ISO 3166-1 alpha-2 code when known (agreement only, never a risk)
 * @param limit how many matches at most, 1 to {@value #MAX_LIMIT}
 * @param threshold the lowest score a match may have, in [0, 1]
 */
public record ScreeningQuery(
    String name,
    Optional<Schema> schema,
    Optional<PartialDate> birthDate,
    Optional<String> country,
    int limit,
    double threshold) {

  public static final int MAX_NAME_LENGTH = 512;
  public static final int MAX_LIMIT = 100;
  public static final int DEFAULT_LIMIT = 10;

  public ScreeningQuery {
    requireNonNull(name, "name");
    requireNonNull(schema, "schema");
    requireNonNull(birthDate, "birthDate");
    requireNonNull(country, "country");
    if (name.isBlank()) {
      throw new InvalidValueException("a screening query needs a name");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      throw new InvalidValueException(
          "a screening name is " + name.length() + " chars long; the limit is " + MAX_NAME_LENGTH);
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
        throw new InvalidValueException(
            "a screening name contains the control character U+"
                + String.format(java.util.Locale.ROOT, "%04X", (int) c));
      }
    }
    name = name.strip();
    country = country.map(c -> c.strip().toLowerCase(java.util.Locale.ROOT));
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidValueException("limit " + limit + " is outside 1-" + MAX_LIMIT);
    }
    if (!(threshold >= 0.0 && threshold <= 1.0)) {
      throw new InvalidValueException("threshold " + threshold + " is outside [0, 1]");
    }
  }

  /** A query for {@code name} alone, with the default limit and threshold. */
  public static ScreeningQuery of(String name) {
    return new ScreeningQuery(
        name,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        DEFAULT_LIMIT,
        Screener.DEFAULT_THRESHOLD);
  }

  public ScreeningQuery withSchema(Schema value) {
    return new ScreeningQuery(name, Optional.of(value), birthDate, country, limit, threshold);
  }

  public ScreeningQuery withBirthDate(PartialDate value) {
    return new ScreeningQuery(name, schema, Optional.of(value), country, limit, threshold);
  }

  public ScreeningQuery withCountry(String value) {
    return new ScreeningQuery(name, schema, birthDate, Optional.of(value), limit, threshold);
  }

  public ScreeningQuery withLimit(int value) {
    return new ScreeningQuery(name, schema, birthDate, country, value, threshold);
  }

  public ScreeningQuery withThreshold(double value) {
    return new ScreeningQuery(name, schema, birthDate, country, limit, value);
  }
}
