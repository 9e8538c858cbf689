/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vigil.extract.Stance;

/**
 * One sentence of the claims set, with who asserts what it tells and how.
 *
 * @param id the sentence's id in the set ("c001")
 * @param split "dev" (rules may be tuned on it) or "held-out" (never looked at while tuning)
 * @param origin where the sentence comes from: "re3d-CENTCOM", "re3d-US_State_Department" (public
 *     domain) or "written" (news-report style, written for this set)
 * @param text the sentence
 * @param claimants the claimant as written, in its accepted forms ("US Treasury", "Treasury"); the
 *     single form "source" when the document says it in its own voice
 * @param stance how the claimant holds it
 * @param hedge the words that hedge it ("reportedly", "may have"); empty when none do
 */
public record LabelledClaim(
    String id,
    String split,
    String origin,
    String text,
    List<String> claimants,
    Stance stance,
    String hedge) {
  /** The claimant label of the document's own voice. */
  public static final String SOURCE = "source";

  public LabelledClaim {
    requireNonNull(id, "id");
    requireNonNull(origin, "origin");
    requireNonNull(text, "text");
    requireNonNull(stance, "stance");
    requireNonNull(hedge, "hedge");
    if (!split.equals("dev") && !split.equals("held-out")) {
      throw new IllegalArgumentException(id + ": split '" + split + "' is not dev or held-out");
    }
    if (text.isBlank()) {
      throw new IllegalArgumentException(id + ": empty sentence");
    }
    claimants = List.copyOf(claimants);
    if (claimants.isEmpty() || claimants.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException(id + ": claimant " + claimants + " is empty");
    }
  }

  /** Whether the document's source asserts it in its own voice (no quoted party). */
  public boolean bySource() {
    return claimants.equals(List.of(SOURCE));
  }

  /**
   * Whether {@code predicted} (the claimant mention's text or name, empty for the source) names the
   * labelled claimant: the same words, a mention that holds the label ("the US Treasury" for "US
   * Treasury"), or the label's last words ("Cook" for "Peter Cook"), never a word in front of it
   * ("Iran" is not "Iran's mission").
   */
  public boolean claimantIs(Optional<String> predicted) {
    if (bySource()) {
      return predicted.isEmpty();
    }
    if (predicted.isEmpty()) {
      return false;
    }
    String p = fold(predicted.get());
    for (String c : claimants) {
      String gold = fold(c);
      if (p.equals(gold) || (" " + p + " ").contains(" " + gold + " ") || gold.endsWith(" " + p)) {
        return true;
      }
    }
    return false;
  }

  private static String fold(String s) {
    return s.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("\\s+", " ").strip();
  }
}
