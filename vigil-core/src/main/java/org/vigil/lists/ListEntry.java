/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.lists;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.vigil.model.InvalidValueException;
import org.vigil.model.PartialDate;
import org.vigil.model.Schema;

/**
 * One designated person, organisation, vessel or aircraft as a list publishes it.
 *
 * @param id the list's own id for the entry (OFAC uid, UN reference number, OFSI group id)
 * @param schema Person, Organization, LegalEntity, Vessel or Airplane
 * @param name the primary name
 * @param aliases other names, in the list's order
 * @param birthDates dates of birth, at the precision given
 * @param countries ISO 3166-1 alpha-2 codes (lower case) of nationality, citizenship or address
 * @param programs sanctions programmes or regimes
 * @param listingDate when the entry was designated, if published
 * @param authority the designating authority, such as "OFAC" or "UN Security Council"
 * @param remarks free text the list attaches
 * @param birthPlaces places of birth as the list writes them ("Qom, Iran (Islamic Republic of)")
 */
public record ListEntry(
    String id,
    Schema schema,
    String name,
    List<Alias> aliases,
    List<PartialDate> birthDates,
    List<String> countries,
    List<String> programs,
    Optional<PartialDate> listingDate,
    String authority,
    List<String> remarks,
    List<String> birthPlaces) {

  public ListEntry {
    requireNonNull(id, "id");
    requireNonNull(schema, "schema");
    requireNonNull(name, "name");
    if (id.isBlank() || name.isBlank()) {
      throw new InvalidValueException("a list entry needs an id and a name");
    }
    aliases = List.copyOf(aliases);
    birthDates = List.copyOf(birthDates);
    countries = List.copyOf(countries);
    programs = List.copyOf(programs);
    requireNonNull(listingDate, "listingDate");
    requireNonNull(authority, "authority");
    remarks = List.copyOf(remarks);
    birthPlaces = List.copyOf(birthPlaces);
  }

  /** An entry whose list gives no place of birth. */
  public ListEntry(
      String id,
      Schema schema,
      String name,
      List<Alias> aliases,
      List<PartialDate> birthDates,
      List<String> countries,
      List<String> programs,
      Optional<PartialDate> listingDate,
      String authority,
      List<String> remarks) {
    this(
        id,
        schema,
        name,
        aliases,
        birthDates,
        countries,
        programs,
        listingDate,
        authority,
        remarks,
        List.of());
  }

  /** The primary name followed by the aliases' names. */
  public List<String> allNames() {
    return java.util.stream.Stream.concat(
            java.util.stream.Stream.of(name), aliases.stream().map(Alias::name))
        .toList();
  }
}
