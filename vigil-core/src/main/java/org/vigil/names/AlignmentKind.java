/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

/** How a part of one name was found to stand for a part of the other. */
public enum AlignmentKind {
  /** The same part, spelled the same. */
  EXACT,
  /** Spellings of one name part by the variant table ("Mohammed" and "Muhammad"). */
  VARIANT,
  /** The same consonant skeleton ("Qasem" and "Ghasem", or a transliteration). */
  PHONETIC,
  /** A few letters apart ("Scholze" and "Scholz"); the distance is reported. */
  FUZZY,
  /** A familiar form of a given name and the name ("Ted" and "Theodore", "Bibi" and "Benjamin"). */
  NICKNAME,
  /** An initial and a part it may abbreviate ("A." and "Anna"). */
  INITIAL,
  /** One part written as two on the other side ("Abdulhai" and "Abdul Hai"). */
  JOINED,
  /** An acronym and the words it abbreviates ("PLA" and "People's Liberation Army"). */
  ACRONYM,
  /** A word of an organisation's name and its translation ("سازمان" and "Organisation"). */
  TRANSLATION
}
