/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.access;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/** An agency or unit whose users share what it owns; partners see its AMBER information. */
public record Organization(String id, String name, SortedSet<String> partners) {
  public Organization {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    partners = Collections.unmodifiableSortedSet(new TreeSet<>(partners));
  }
}
