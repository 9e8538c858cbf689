/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.security;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.vigil.model.Marking;
import org.vigil.model.Tlp;

/**
 * The markings the victim organisation writes under, each with its own canary words: invented words
 * that appear nowhere else, so that finding one in an answer says which item leaked.
 */
enum VictimMarking {
  CLEAR("clear", Tlp.CLEAR, "Ardel", false),
  GREEN("green", Tlp.GREEN, "Brenu", false),
  AMBER("amber", Tlp.AMBER, "Corvi", false),
  AMBER_STRICT("strict", Tlp.AMBER_STRICT, "Dumar", false),
  RED("red", Tlp.RED, "Eskul", false),
  GREEN_ONLY_VICTIM("onlya", Tlp.GREEN, "Fennor", true);

  private final String tag;
  private final Tlp tlp;
  private final String stem;
  private final boolean onlyVictim;

  VictimMarking(String tag, Tlp tlp, String stem, boolean onlyVictim) {
    this.tag = tag;
    this.tlp = tlp;
    this.stem = stem;
    this.onlyVictim = onlyVictim;
  }

  String tag() {
    return tag;
  }

  /** How the matrix names it in test names and the report. */
  String label() {
    return onlyVictim ? "GREEN only " + MatrixWorld.VICTIM_ORG : tlp.label();
  }

  /** The model's marking of the victim's items, with the analyst named for RED. */
  Marking marking(String victimUserId) {
    Marking base =
        tlp == Tlp.RED
            ? Marking.red(MatrixWorld.VICTIM_ORG, Set.of(victimUserId))
            : Marking.of(tlp, MatrixWorld.VICTIM_ORG);
    return onlyVictim ? base.restrictedTo(Set.of(MatrixWorld.VICTIM_ORG)) : base;
  }

  /** The marking as {@code POST /statements} takes it. */
  String markingJson(String victimUserId) {
    StringBuilder out = new StringBuilder("{\"tlp\":\"").append(tlp.code()).append('"');
    if (tlp == Tlp.RED) {
      out.append(",\"namedUsers\":[\"").append(victimUserId).append("\"]");
    }
    if (onlyVictim) {
      out.append(",\"restrictedTo\":[\"").append(MatrixWorld.VICTIM_ORG).append("\"]");
    }
    return out.append('}').toString();
  }

  /** Whether a document of this marking can be uploaded over HTTP (which takes a level only). */
  boolean uploadable() {
    return tlp != Tlp.RED && !onlyVictim;
  }

  Tlp tlp() {
    return tlp;
  }

  /** The start every canary word of this marking shares. */
  String stem() {
    return stem;
  }

  // The canary words. Each is unique across markings and no near spelling the attacker writes
  // contains one (near spellings double a letter inside the word).

  String surname() {
    return stem + "vanko";
  }

  String orgWord() {
    return stem + "tek";
  }

  String passport() {
    return stem.toUpperCase(Locale.ROOT) + "P4471";
  }

  String titleWord() {
    return stem + "ward";
  }

  String noteWord() {
    return stem + "quist";
  }

  String positionWord() {
    return stem + "mire";
  }

  /** The two surnames only the victim's document names. */
  String docSurname() {
    return stem + "dorff";
  }

  String docSurname2() {
    return stem + "selin";
  }

  /** A word of the document that its near copy replaces, so only the original holds it. */
  String secretWord() {
    return stem + "zyne";
  }

  /** The ids the victim's statements use. */
  String id(String role) {
    return "a-" + tag + "-" + role;
  }

  static final List<String> ID_ROLES = List.of("person", "alias", "org", "link", "listed", "assoc");

  String sourceId() {
    return id("src");
  }

  /** Every canary word of the statements (names, values, title, note), none of the document. */
  List<String> statementWords() {
    return List.of(surname(), orgWord(), passport(), titleWord(), noteWord(), positionWord());
  }

  /** The canary words of the document that a copy of it carries. */
  List<String> documentWords() {
    return List.of(docSurname(), docSurname2());
  }
}
