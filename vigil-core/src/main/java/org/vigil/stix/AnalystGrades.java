/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.stix;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.vigil.model.Credibility;
import org.vigil.model.Reliability;

/**
 * One organisation's analyst grades in force, for an export made for that organisation only (its
 * grades are its own; no other reader may receive them): information credibility per claim (the id
 * of the link or event entity) and reliability per source.
 */
public record AnalystGrades(Map<String, Credibility> claims, Map<String, Reliability> sources) {
  public AnalystGrades {
    claims = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(claims, "claims")));
    sources = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(sources, "sources")));
  }

  /** No grades: what every export for another organisation carries. */
  public static AnalystGrades none() {
    return new AnalystGrades(Map.of(), Map.of());
  }
}
