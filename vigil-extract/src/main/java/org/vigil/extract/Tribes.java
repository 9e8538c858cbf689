/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A name followed by "tribe", "clan" or "confederation" names a body, whatever the recogniser made
 * of the name alone: "the Al Bu Nimr tribe" (read as a miscellaneous name), "the Al-Karabla clan"
 * (read as a place). The name and the word become one organisation.
 */
final class Tribes {
  private static final Pattern HEAD = Pattern.compile("\\s+(?:tribe|clan|confederation)\\b");

  private Tribes() {}

  /** Widens each name followed by one of the words in {@code all} into an organisation. */
  static void apply(String text, List<Mention> all) {
    for (int i = 0; i < all.size(); i++) {
      Mention m = all.get(i);
      if (m.type() == MentionType.PERSON && m.extractor().equals("pattern:title")) {
        continue;
      }
      Matcher head = HEAD.matcher(text).region(m.end(), text.length());
      if (!head.lookingAt()) {
        continue;
      }
      int end = head.end();
      boolean clash = all.stream().anyMatch(o -> o != m && o.start() < end && m.end() < o.end());
      if (!clash) {
        all.set(
            i,
            Retyping.as(
                m, MentionType.ORGANIZATION, m.start(), end, text.substring(m.start(), end)));
      }
    }
  }
}
