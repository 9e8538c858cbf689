/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.search;

import java.util.Locale;
import java.util.Optional;

/**
 * What search results can be counted and narrowed by. Each value comes from statements the viewer
 * may see: a hidden statement's country or source is neither counted nor matched.
 */
public enum FacetDimension {
  /** The record's FtM schema, such as Person or Document. */
  SCHEMA,
  /** Values of country-typed properties (nationality, country, jurisdiction). */
  COUNTRY,
  /** Sanctions programmes ("program" values), as list releases give them. */
  PROGRAMME,
  /** The ids of the sources the statements cite: list releases, documents, reports. */
  SOURCE,
  /** The TLP label of the statements' marking. */
  MARKING,
  /** Years named by date-typed values; for a document, the year it was stored. */
  YEAR;

  /** The name used in URLs and in the index, such as "country". */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The dimension whose {@link #key()} is {@code key}. */
  public static Optional<FacetDimension> ofKey(String key) {
    for (FacetDimension d : values()) {
      if (d.key().equals(key)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
