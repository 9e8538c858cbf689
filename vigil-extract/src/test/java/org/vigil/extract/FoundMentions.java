/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import java.util.Optional;

/** Mentions as the recogniser would hand them to a later step, for that step's tests. */
final class FoundMentions {
  private FoundMentions() {}

  /**
   * The first occurrence of {@code name} in {@code text}, found by CoreNLP's NER as {@code type}.
   */
  static Mention found(String text, String name, MentionType type) {
    int start = text.indexOf(name);
    return new Mention(
        name,
        type,
        start,
        start + name.length(),
        "x",
        Optional.empty(),
        Optional.empty(),
        "corenlp:ner",
        0.9);
  }
}
