/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People named by their office alone: "the Foreign Secretary", "the US Secretary of State", "the
 * Prime Minister". A title followed by a name ("President Obama") is left to the name. Such a
 * mention says a person acts in the text; it makes no entity, since the office-holder is not known
 * from the text.
 */
final class Titles {
  private static final Pattern TITLE =
      Pattern.compile(
          "\\b(?:(?:the|The)\\s+)?(?:(?:U\\.S\\.|US|UK|U\\.K\\.|UN|U\\.N\\.|British|American"
              + "|Iraqi|Syrian|Iranian|Turkish|Russian|French|German|Israeli|Saudi)\\s+)?"
              + "(?:Foreign Secretary|Home Secretary|Defence Secretary|Defense Secretary"
              + "|Secretary of State|Secretary of Defense|Secretary-General|Secretary General"
              + "|Deputy Prime Minister|Prime Minister|Foreign Minister|Defence Minister"
              + "|Defense Minister|Interior Minister|Vice President|President|Crown Prince"
              + "|Special Envoy|High Commissioner|Ambassador|Minister for [A-Z][\\p{L}]+"
              + "(?: (?:and|the|of) [A-Z]?[\\p{L}]+| [A-Z][\\p{L}]+){0,3})\\b");

  private static final Pattern ROLE =
      Pattern.compile(
          "\\b(?i:the|a|an|his|her|their|its|our)\\s+(?:(?:\\p{Lu}[\\p{L}.-]*|senior|former|top"
              + "|local|tribal|military|deputy|chief|lead|spiritual|foreign|new)\\s+){0,2}"
              + "(?:commander|soldier|sheikh|spokesman|spokeswoman|spokesperson|minister|leader"
              + "|adviser|advisor|envoy|general|colonel|officer|secretary|prime minister|president"
              + "|hostage|physician|ambassador|emir|cleric)\\b");

  private Titles() {}

  /** The titles in {@code text} that overlap nothing in {@code taken} and precede no name. */
  static List<Mention> find(String text, List<Mention> taken) {
    List<Mention> out = new ArrayList<>();
    for (Pattern pattern : List.of(TITLE, ROLE)) {
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        int start = m.start();
        int end = m.end();
        if (NameFinder.overlapsAny(taken, start, end)) {
          continue;
        }
        int next = end;
        while (next < text.length() && text.charAt(next) == ' ') {
          next++;
        }
        int after = next;
        if (next > end
            && taken.stream().anyMatch(t -> t.start() == after && t.type() == MentionType.PERSON)) {
          continue;
        }
        String phrase = m.group();
        out.add(
            new Mention(
                phrase,
                MentionType.PERSON,
                start,
                end,
                EntityIds.forName(MentionType.PERSON, phrase),
                Optional.empty(),
                Optional.empty(),
                "pattern:title",
                0.5));
      }
    }
    out.sort(java.util.Comparator.comparingInt(Mention::start));
    List<Mention> distinct = new ArrayList<>();
    for (Mention t : out) {
      if (!NameFinder.overlapsAny(distinct, t.start(), t.end())) {
        distinct.add(t);
      }
    }
    return distinct;
  }
}
