/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.resolve;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.vigil.model.InvalidValueException;
import org.vigil.model.PartialDate;
import org.vigil.model.Schema;

/**
 * What resolution knows of one record (an entity as one source wrote it): its names, what it may
 * not disagree on, the context it was read in, and how much it matters.
 *
 * @param id the record's entity id
 * @param schema its FtM schema
 * @param names its primary name first, then its aliases; at least one
 * @param kind reporting or a list entry
 * @param dataset the list it is an entry of; empty for reporting
 * @param documents the sources it was read from (two records read from one text share context)
 * @param context what it was seen with: ids of linked and co-mentioned entities, and keys such as
 *     "date:2021-08" or "place:baghdad"
 * @param birthDates birth dates, for people
 * @param countries nationality or country codes (lower-case ISO), compared only with each other
 * @param statements how many statements it has
 * @param degree how many entities it is linked to
 * @param sanctionsProximity 1 when it is designated, 0.5 when something it is linked to is, else 0
 */
public record ResolutionRecord(
    String id,
    Schema schema,
    List<String> names,
    RecordKind kind,
    Optional<String> dataset,
    Set<String> documents,
    Set<String> context,
    List<PartialDate> birthDates,
    List<String> countries,
    int statements,
    int degree,
    double sanctionsProximity) {

  public ResolutionRecord {
    requireNonNull(id, "id");
    requireNonNull(schema, "schema");
    names = List.copyOf(names);
    requireNonNull(kind, "kind");
    requireNonNull(dataset, "dataset");
    documents = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(documents));
    context = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(context));
    birthDates = List.copyOf(birthDates);
    countries = List.copyOf(countries);
    if (names.isEmpty() || names.stream().allMatch(String::isBlank)) {
      throw new InvalidValueException("record " + id + " has no name to resolve it by");
    }
    if (!(sanctionsProximity >= 0.0 && sanctionsProximity <= 1.0)) {
      throw new InvalidValueException(
          "sanctions proximity " + sanctionsProximity + " of " + id + " is outside [0, 1]");
    }
  }

  /** A record with names alone, for tests and evaluations; everything else empty. */
  public static ResolutionRecord named(String id, Schema schema, String... names) {
    return new ResolutionRecord(
        id,
        schema,
        List.of(names),
        RecordKind.REPORTING,
        Optional.empty(),
        Set.of(),
        Set.of(),
        List.of(),
        List.of(),
        0,
        0,
        0.0);
  }

  public String caption() {
    return names.get(0);
  }

  public ResolutionRecord withDocuments(Set<String> value) {
    return new ResolutionRecord(
        id,
        schema,
        names,
        kind,
        dataset,
        value,
        context,
        birthDates,
        countries,
        statements,
        degree,
        sanctionsProximity);
  }

  public ResolutionRecord withContext(Set<String> value) {
    return new ResolutionRecord(
        id,
        schema,
        names,
        kind,
        dataset,
        documents,
        value,
        birthDates,
        countries,
        statements,
        degree,
        sanctionsProximity);
  }

  public ResolutionRecord withBirthDates(List<PartialDate> value) {
    return new ResolutionRecord(
        id,
        schema,
        names,
        kind,
        dataset,
        documents,
        context,
        value,
        countries,
        statements,
        degree,
        sanctionsProximity);
  }

  public ResolutionRecord withCountries(List<String> value) {
    return new ResolutionRecord(
        id,
        schema,
        names,
        kind,
        dataset,
        documents,
        context,
        birthDates,
        value,
        statements,
        degree,
        sanctionsProximity);
  }

  /** The record as an entry of {@code list}. */
  public ResolutionRecord listedIn(String list) {
    return new ResolutionRecord(
        id,
        schema,
        names,
        RecordKind.LIST,
        Optional.of(list),
        documents,
        context,
        birthDates,
        countries,
        statements,
        degree,
        sanctionsProximity);
  }

  public ResolutionRecord withWeight(int statementCount, int linkCount, double proximity) {
    return new ResolutionRecord(
        id,
        schema,
        names,
        kind,
        dataset,
        documents,
        context,
        birthDates,
        countries,
        statementCount,
        linkCount,
        proximity);
  }
}
