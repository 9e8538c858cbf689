/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.lists;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One published edition of a sanctions list.
 *
 * @param dataset the list's name, such as "OFAC SDN" or "UN Security Council Consolidated"
 * @param published the publication date, when the files say
 * @param sha256 hex SHA-256 over the file or files read, in the order they were read
 * @param entries the entries, in the file's order
 */
public record ListRelease(
    String dataset, Optional<LocalDate> published, String sha256, List<ListEntry> entries) {
  public ListRelease {
    requireNonNull(dataset, "dataset");
    requireNonNull(published, "published");
    requireNonNull(sha256, "sha256");
    entries = List.copyOf(entries);
  }

  /** The same release without the entries {@code keep} rejects, for evaluations and tests. */
  public ListRelease filter(java.util.function.Predicate<ListEntry> keep) {
    return new ListRelease(dataset, published, sha256, entries.stream().filter(keep).toList());
  }

  /** The same release with each entry replaced, for evaluations and tests. */
  public ListRelease map(java.util.function.UnaryOperator<ListEntry> change) {
    return new ListRelease(dataset, published, sha256, entries.stream().map(change).toList());
  }
}
