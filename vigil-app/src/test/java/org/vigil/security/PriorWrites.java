/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.security;

/** What the attacker wrote before it starts reading: the matrix's write-assisted dimension. */
enum PriorWrites {
  /** Only its own unrelated person, so that it has ids of its own to query with. */
  NONE("nothing aimed at the victim"),
  /**
   * A document naming the victim's people and organisations with near spellings, and the listed
   * people the victim reports on by their listed names.
   */
  NEAR_SPELLINGS("a document with near spellings of the victim's names"),
  /** Statements under the victim's source and document ids, and on the victim's entity ids. */
  DECLARED_IDS("statements declaring the victim's ids"),
  /** An exact copy of each of the victim's documents, uploaded as its own. */
  EXACT_COPY("an exact copy of the victim's documents"),
  /** A copy of each of the victim's documents with one word changed. */
  NEAR_COPY("a near copy of the victim's documents");

  private final String label;

  PriorWrites(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }
}
