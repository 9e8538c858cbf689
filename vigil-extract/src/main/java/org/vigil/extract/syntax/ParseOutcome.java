/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.syntax;

import static java.util.Objects.requireNonNull;

/** What became of one sentence given to the parser: its parse, or why it was not parsed. */
public sealed interface ParseOutcome {
  /** The sentence, parsed. */
  record Parsed(ParsedSentence sentence) implements ParseOutcome {
    public Parsed {
      requireNonNull(sentence, "sentence");
    }
  }

  /**
   * The sentence [start, end) in the document, not parsed, and why ("too long: 2,000 tokens, the
   * limit is 120"); the rest of the document is read all the same.
   */
  record Skipped(int start, int end, String reason) implements ParseOutcome {
    public Skipped {
      requireNonNull(reason, "reason");
      if (start < 0 || end < start) {
        throw new IllegalArgumentException("[" + start + ", " + end + ") is not a span");
      }
    }
  }
}
