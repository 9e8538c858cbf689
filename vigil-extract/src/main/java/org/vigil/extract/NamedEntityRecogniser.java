/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import java.util.List;

/** A statistical recogniser of people, organisations, places and other names in text. */
public interface NamedEntityRecogniser {
  /** The names in {@code text}, in text order, with their spans in it. */
  List<Mention> recognise(String text);

  /** A short name for provenance, such as "corenlp:ner". */
  String name();
}
