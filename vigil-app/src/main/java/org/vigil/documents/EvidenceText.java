/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.documents;

import org.vigil.model.Span;

/**
 * The sentence a span of a document was read in, to show a fact beside the words it came from. A
 * sentence ends at a line break, or at ., ! or ? followed by white space; a very long one is cut
 * around the span so that a page never shows a whole document as one "sentence".
 */
public final class EvidenceText {
  /** The most characters shown on either side of a span. */
  static final int MAX_CONTEXT = 280;

  /**
   * A sentence of a text, [start, end), and the span inside it.
   *
   * @param cutBefore whether text before {@code start} belongs to the same sentence
   * @param cutAfter whether text after {@code end} belongs to the same sentence
   */
  public record Sentence(
      String text,
      int start,
      int end,
      int spanStart,
      int spanEnd,
      boolean cutBefore,
      boolean cutAfter) {
    /** The words before the span. */
    public String before() {
      return text.substring(start, spanStart);
    }

    /** The words of the span. */
    public String span() {
      return text.substring(spanStart, spanEnd);
    }

    /** The words after the span. */
    public String after() {
      return text.substring(spanEnd, end);
    }
  }

  private EvidenceText() {}

  /**
   * The sentence around {@code span} in {@code text}; a span that reaches past the text is clipped
   * to it.
   */
  public static Sentence around(String text, Span span) {
    int spanStart = Math.max(0, Math.min(span.start(), text.length()));
    int spanEnd = Math.max(spanStart, Math.min(span.end(), text.length()));
    int start = spanStart;
    int floor = Math.max(0, spanStart - MAX_CONTEXT);
    while (start > floor && !endsSentenceBefore(text, start)) {
      start--;
    }
    boolean cutBefore = start == floor && floor > 0 && !endsSentenceBefore(text, start);
    int end = spanEnd;
    int ceiling = Math.min(text.length(), spanEnd + MAX_CONTEXT);
    while (end < ceiling && !endsSentenceAt(text, end)) {
      end++;
    }
    boolean cutAfter = end == ceiling && ceiling < text.length() && !endsSentenceAt(text, end);
    if (end < text.length() && ".!?".indexOf(text.charAt(end)) >= 0) {
      end++;
    }
    while (start < spanStart && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    return new Sentence(text, start, end, spanStart, spanEnd, cutBefore, cutAfter);
  }

  // Position i starts a sentence when the text before it ends one.
  private static boolean endsSentenceBefore(String text, int i) {
    char previous = text.charAt(i - 1);
    if (previous == '\n') {
      return true;
    }
    return Character.isWhitespace(previous)
        && i >= 2
        && ".!?".indexOf(text.charAt(i - 2)) >= 0
        && !abbreviationBefore(text, i - 2);
  }

  // The sentence ends at i: a line break, or ., ! or ? followed by white space or the end.
  private static boolean endsSentenceAt(String text, int i) {
    char c = text.charAt(i);
    if (c == '\n') {
      return true;
    }
    if (".!?".indexOf(c) < 0 || abbreviationBefore(text, i)) {
      return false;
    }
    return i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1));
  }

  // "U.S.", "J." and "Gen." end with a full stop that ends no sentence: a single letter, or a
  // capitalised word of two or three letters ("SDF." ends one).
  private static boolean abbreviationBefore(String text, int dot) {
    if (text.charAt(dot) != '.') {
      return false;
    }
    int j = dot - 1;
    while (j >= 0 && Character.isLetter(text.charAt(j)) && dot - j <= 4) {
      j--;
    }
    int letters = dot - 1 - j;
    if (letters < 1 || letters > 3 || (j >= 0 && Character.isLetter(text.charAt(j)))) {
      return false;
    }
    if (letters == 1) {
      return true;
    }
    String word = text.substring(j + 1, dot);
    return Character.isUpperCase(word.charAt(0))
        && word.substring(1).chars().allMatch(Character::isLowerCase);
  }
}
