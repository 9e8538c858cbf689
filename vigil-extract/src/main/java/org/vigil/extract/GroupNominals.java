/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Organisations that reporting names by description rather than by name: "Iraqi security forces",
 * "the Asad regime", "coalition troops", "insurgents". They are mentions of an organisation (so
 * that a reader sees who acts in a text) but not entities: nothing is stored about "the regime" as
 * such. A description needs a determiner or a modifier, except a few plural heads that name a group
 * on their own ("insurgents", "rebels").
 */
final class GroupNominals {
  private static final String MODIFIER =
      "(?:\\p{Lu}[\\p{L}\\p{M}.'’-]*|(?:security|military|armed|terrorist|extremist|international"
          + "|global|coalition|opposition|local|tribal|government|pro-government|anti-government"
          + "|moderate|violent|regime|rebel|militant|jihadist|allied|partner|ground|special|enemy"
          + "|foreign|national|federal|naval|air|police|regional|interim|transitional|central"
          + "|provincial|puppet|Iraqi-led|U\\.S\\.-led|US-led))";
  private static final Pattern GROUP =
      Pattern.compile(
          "\\b(?:((?i:the|these|this|those|our|their|its))\\s+)?((?:"
              + MODIFIER
              + "\\s+){0,3})((?i:forces|troops|regime|government|military|army|navy|coalition"
              + "|opposition|community|militias?|insurgents|insurgency|fighters|rebels|militants"
              + "|terrorists|extremists|jihadists|partners|allies|police|authorities|groups?"
              + "|organi[sz]ations?|service members|personnel))\\b");
  private static final Pattern GOVERNMENT_OF =
      Pattern.compile(
          "\\b(?:(?i:the)\\s+)?(?:Government|government|Governments|Ministry|Parliament|Cabinet)"
              + " of (?:the )?\\p{Lu}[\\p{L}\\p{M}.'’-]*(?:\\s+\\p{Lu}[\\p{L}\\p{M}.'’-]*){0,3}");
  private static final Pattern PLACE =
      Pattern.compile(
          "\\b(?i:the|this|that)\\s+(?:(?:northern|southern|eastern|western|central|main|old"
              + "|entire|whole|same|nearby)\\s+)?(?:camp|city|town|village|area|region|country"
              + "|border|airfield|air base|compound|facility|headquarters|province|district"
              + "|neighbou?rhood|territory|island|bridge|hospital|mosque|checkpoint|city center"
              + "|city centre|capital)\\b");
  private static final Set<String> NEED_DETERMINER = Set.of("partners", "allies", "fighters");
  private static final Set<String> POSSESSIVES = Set.of("our", "their", "its", "the", "these");
  private static final Set<String> BARE =
      Set.of("insurgents", "rebels", "militants", "terrorists", "extremists", "jihadists");
  private static final Set<String> NEED_MODIFIER =
      Set.of(
          "community",
          "group",
          "groups",
          "organization",
          "organisation",
          "organizations",
          "organisations",
          "personnel",
          "service members");
  private static final Set<String> DETERMINERS =
      Set.of("the", "these", "this", "those", "our", "their", "its");

  private static final Set<String> FUNCTION_WORDS =
      Set.of(
          "in",
          "on",
          "at",
          "after",
          "before",
          "when",
          "while",
          "as",
          "by",
          "for",
          "with",
          "from",
          "but",
          "and",
          "since",
          "during",
          "if",
          "although",
          "however",
          "meanwhile",
          "today",
          "yesterday",
          "then",
          "also",
          "both",
          "all",
          "some",
          "many",
          "most",
          "other",
          "a",
          "an",
          "that",
          "so",
          "such",
          "of",
          "to",
          "into",
          "against",
          "under",
          "over");
  private static final Pattern LEADING_WORD = Pattern.compile("(\\S+)\\s+");

  private GroupNominals() {}

  /**
   * Places named by description: "the camp", "the city", "the border". Mentions of a place (the
   * scene of an event), not entities; one overlapping anything in {@code taken} is left out.
   */
  static List<Mention> places(String text, List<Mention> taken) {
    List<Mention> out = new ArrayList<>();
    Matcher m = PLACE.matcher(text);
    while (m.find()) {
      if (NameFinder.overlapsAny(taken, m.start(), m.end())) {
        continue;
      }
      out.add(
          new Mention(
              m.group(),
              MentionType.LOCATION,
              m.start(),
              m.end(),
              EntityIds.forName(MentionType.LOCATION, m.group()),
              Optional.empty(),
              Optional.empty(),
              "pattern:place",
              0.4));
    }
    return out;
  }

  /**
   * The descriptions in {@code text}. One that would overlap a person or organisation in {@code
   * taken} is left out; places and other names inside one ("U.S." in "U.S. forces") are for the
   * caller to drop.
   */
  static List<Mention> find(String text, List<Mention> taken) {
    List<Mention> out = new ArrayList<>();
    Matcher m = GROUP.matcher(text);
    while (m.find()) {
      String determiner = m.group(1);
      int start = m.start();
      int modifiersStart = m.start(2);
      int modifiersEnd = m.end(2);
      // "After coalition forces", "The Iraqi forces": a capitalised function word is no modifier.
      Matcher first = LEADING_WORD.matcher(text);
      first.region(modifiersStart, modifiersEnd);
      while (first.lookingAt()) {
        String word = first.group(1).toLowerCase(Locale.ROOT);
        if (DETERMINERS.contains(word) && determiner == null) {
          determiner = word;
        } else if (!FUNCTION_WORDS.contains(word)) {
          break;
        } else {
          start = first.end();
        }
        modifiersStart = first.end();
        first.region(modifiersStart, modifiersEnd);
      }
      String modifiers = text.substring(modifiersStart, modifiersEnd).strip();
      String head = m.group(3).toLowerCase(Locale.ROOT);
      boolean hasModifier = !modifiers.isEmpty();
      boolean lowerHead = Character.isLowerCase(m.group(3).charAt(0));
      if (!hasModifier
          && (NEED_MODIFIER.contains(head)
              || (NEED_DETERMINER.contains(head)
                  && !POSSESSIVES.contains(String.valueOf(determiner)))
              || (determiner == null && !BARE.contains(head)))) {
        continue;
      }
      // "the Coalition": a capitalised head alone names a group only after a determiner.
      if (!lowerHead && !hasModifier && (determiner == null || !head.equals("coalition"))) {
        continue;
      }
      int end = m.end();
      int from = start;
      boolean clash =
          taken.stream()
              .anyMatch(
                  t ->
                      t.overlaps(from, end)
                          && (t.type() == MentionType.PERSON
                              || t.type() == MentionType.ORGANIZATION)
                          && (t.start() < from
                              || t.end() > end
                              || t.end() == end
                              || !t.extractor().startsWith("corenlp")));
      if (clash) {
        continue;
      }
      String phrase = text.substring(start, end);
      out.add(
          new Mention(
              phrase,
              MentionType.ORGANIZATION,
              start,
              end,
              EntityIds.forName(MentionType.ORGANIZATION, phrase),
              Optional.empty(),
              Optional.empty(),
              "pattern:group",
              0.5));
    }
    Matcher government = GOVERNMENT_OF.matcher(text);
    while (government.find()) {
      int start = government.start();
      int end = government.end();
      if (taken.stream()
          .anyMatch(t -> t.overlaps(start, end) && t.type() != MentionType.LOCATION)) {
        continue;
      }
      String phrase = government.group();
      // "the Government of Iraq." at a sentence's end: the full stop is not the name's.
      int last = phrase.length() - 1;
      if (phrase.endsWith(".") && Character.isLowerCase(phrase.charAt(last - 1))) {
        phrase = phrase.substring(0, last);
      }
      int stop = start + phrase.length();
      out.add(
          new Mention(
              phrase,
              MentionType.ORGANIZATION,
              start,
              stop,
              EntityIds.forName(MentionType.ORGANIZATION, phrase),
              Optional.empty(),
              Optional.empty(),
              "pattern:group",
              0.5));
    }
    out.sort(java.util.Comparator.comparingInt(Mention::start));
    return out;
  }
}
