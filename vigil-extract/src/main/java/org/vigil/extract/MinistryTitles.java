/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Minister of Defence": the office names its ministry by the ministry's field. Where the
 * dictionary knows a "Ministry of Defence" the field's words are a mention of that ministry, so
 * that the rules read the minister's link to it ("X has been Minister of Defence since 2019").
 */
final class MinistryTitles {
  private static final Pattern TITLE =
      Pattern.compile(
          "\\b[Mm]inister\\s+(?:of|for)\\s+(?:the\\s+)?"
              + "(\\p{Lu}[\\p{L}-]+(?:\\s+(?:and|&)\\s+\\p{Lu}[\\p{L}-]+)*)");

  private MinistryTitles() {}

  /** The ministries {@code text} names by their ministers' titles, where no mention stands. */
  static List<Mention> find(String text, Gazetteer gazetteer, List<Mention> mentions) {
    List<Mention> out = new ArrayList<>();
    Matcher m = TITLE.matcher(text);
    while (m.find()) {
      int start = m.start(1);
      int end = m.end(1);
      if (NameFinder.overlapsAny(mentions, start, end)) {
        continue;
      }
      Optional<GazetteerEntry> ministry = gazetteer.lookup("Ministry of " + m.group(1));
      ministry.ifPresent(
          entry ->
              out.add(
                  new Mention(
                      m.group(1),
                      MentionType.ORGANIZATION,
                      start,
                      end,
                      entry.id(),
                      Optional.of(entry.schema()),
                      Optional.of(entry.name()),
                      "gazetteer:ministry",
                      0.8)));
    }
    return out;
  }
}
