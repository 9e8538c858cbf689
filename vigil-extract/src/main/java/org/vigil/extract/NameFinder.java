/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.model.Schema;

/**
 * Finds names by their capitals when no statistical recogniser has run: runs of capitalised words
 * ("Naji Ibrahim Sharifi-Zindashti", "Noori al-Maliki"), typed as an organisation when a word says
 * so ("Ministry", "Forces"), as a place from a short list, else as a person. A single word is taken
 * only as a known place or as the surname of a person named in full elsewhere in the text.
 */
final class NameFinder {
  private static final Pattern RUN =
      Pattern.compile(
          "\\p{Lu}[\\p{L}\\p{M}'’.-]*(?:[ \\t]+(?:(?:al|el|bin|ibn|bint|abu|de|van|von|of|the|for)"
              + "[ \\t-])*\\p{Lu}[\\p{L}\\p{M}'’.-]*)*");
  private static final Set<String> ORGANIZATION_WORDS =
      Set.of(
          "ministry",
          "department",
          "office",
          "agency",
          "council",
          "army",
          "brigade",
          "brigades",
          "party",
          "network",
          "group",
          "corps",
          "committee",
          "bank",
          "company",
          "university",
          "government",
          "guard",
          "guards",
          "organization",
          "organisation",
          "service",
          "services",
          "forces",
          "force",
          "militia",
          "movement",
          "front",
          "bureau",
          "commission",
          "center",
          "centre",
          "institute",
          "foundation",
          "association",
          "police",
          "court",
          "senate",
          "congress",
          "parliament",
          "administration",
          "times",
          "news",
          "press",
          "post",
          "society",
          "union",
          "federation",
          "alliance",
          "league",
          "authority",
          "command");
  private static final Set<String> PLACES =
      Set.of(
          "iran",
          "iraq",
          "syria",
          "lebanon",
          "israel",
          "united states",
          "us",
          "u.s.",
          "usa",
          "america",
          "uk",
          "united kingdom",
          "britain",
          "europe",
          "mosul",
          "tehran",
          "baghdad",
          "beirut",
          "damascus",
          "kuwait",
          "afghanistan",
          "yemen",
          "bahrain",
          "dubai",
          "new york city",
          "new york",
          "washington",
          "london",
          "paris",
          "barcelona",
          "najaf",
          "basra",
          "diyala",
          "middle east",
          "saudi arabia",
          "gaza",
          "kabul",
          "china",
          "russia",
          "turkey",
          "qatar",
          "jordan",
          "egypt",
          "germany",
          "france",
          "canada",
          "western hemisphere",
          "green zone",
          "salah al-din",
          "shikhan",
          "mediterranean",
          "tigris",
          "euphrates",
          "dc");
  private static final Set<String> ABBREVIATED = Set.of("Mr", "Mrs", "Ms", "Dr", "Gen", "St");
  private static final Set<String> PLACE_WORDS =
      Set.of("barracks", "embassy", "airport", "prison", "towers", "province", "square", "street");
  private static final Set<String> NOT_NAMES =
      Set.of(
          "the",
          "this",
          "that",
          "these",
          "those",
          "on",
          "in",
          "at",
          "a",
          "an",
          "from",
          "with",
          "but",
          "and",
          "since",
          "after",
          "before",
          "both",
          "while",
          "when",
          "its",
          "his",
          "her",
          "their",
          "our",
          "we",
          "it",
          "he",
          "she",
          "they",
          "some",
          "many",
          "moreover",
          "however",
          "although",
          "if",
          "as",
          "by",
          "for",
          "of",
          "to",
          "through",
          "during",
          "back",
          "last",
          "first",
          "second",
          "third",
          "president",
          "pm",
          "chief",
          "director",
          "official",
          "officials",
          "secretary",
          "source:",
          "mr.",
          "mrs.",
          "ms.",
          "dr.",
          "prime",
          "minister",
          "general",
          "brigadier-general",
          "gen.",
          "defense",
          "former",
          "source",
          "sources",
          "unidentified",
          "whether",
          "without",
          "working",
          "all",
          "each",
          "every",
          "between",
          "among",
          "according",
          "iran’s",
          "iran's",
          "there",
          "what",
          "who",
          "which",
          "said",
          "not",
          "no",
          "one",
          "two",
          "three",
          "also",
          "even");

  private NameFinder() {}

  /** Names in {@code text} that do not overlap {@code taken} (found by something surer). */
  static List<Mention> find(String text, List<Mention> taken, List<TextAttribute> groupWords) {
    List<Mention> found = new ArrayList<>();
    Matcher run = RUN.matcher(text);
    while (run.find()) {
      List<int[]> segment = new ArrayList<>();
      Matcher w = Pattern.compile("\\S+").matcher(run.group());
      while (w.find()) {
        int s = run.start() + w.start();
        int e = run.start() + w.end();
        boolean possessive =
            e - s > 2 && (text.startsWith("’s", e - 2) || text.startsWith("'s", e - 2));
        if (possessive) {
          e -= 2;
        }
        boolean fullStop = text.charAt(e - 1) == '.' && !isInitials(text, s, e);
        while (e > s + 1 && ".’'".indexOf(text.charAt(e - 1)) >= 0 && !isInitials(text, s, e)) {
          e--;
        }
        String word = text.substring(s, e);
        // A title or function word inside a run ("Iraq Prime Minister Noori al-Maliki") splits it.
        if (isNotName(word) && !isConnector(word)) {
          addSegment(text, segment, taken, groupWords, found);
          continue;
        }
        segment.add(new int[] {s, e});
        // A possessive ("Voice of America’s Jeff Seldin") or a sentence's full stop ends a name.
        if (possessive || (fullStop && !ABBREVIATED.contains(word))) {
          addSegment(text, segment, taken, groupWords, found);
        }
      }
      addSegment(text, segment, taken, groupWords, found);
    }
    return withSurnames(text, found, taken, groupWords);
  }

  private static void addSegment(
      String text,
      List<int[]> words,
      List<Mention> taken,
      List<TextAttribute> groupWords,
      List<Mention> found) {
    int first = 0;
    while (first < words.size() && isConnector(word(text, words.get(first)))) {
      first++;
    }
    int last = words.size() - 1;
    while (last >= first && isConnector(word(text, words.get(last)))) {
      last--;
    }
    if (last >= first) {
      int start = words.get(first)[0];
      int end = words.get(last)[1];
      if (!overlapsAny(taken, start, end) && !overlapsAttribute(groupWords, start, end)) {
        String name = text.substring(start, end);
        classify(name, last - first + 1)
            .ifPresent(type -> found.add(mention(name, type, start, name)));
      }
    }
    words.clear();
  }

  private static boolean isInitials(String text, int s, int e) {
    return text.substring(s, e).matches("(?:\\p{Lu}\\.)+");
  }

  private static String word(String text, int[] span) {
    return text.substring(span[0], span[1]);
  }

  private static Optional<MentionType> classify(String name, int words) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (PLACES.contains(lower)) {
      return Optional.of(MentionType.LOCATION);
    }
    if (words < 2) {
      return Optional.empty();
    }
    for (String w : lower.split("[\\s-]+")) {
      if (ORGANIZATION_WORDS.contains(w)) {
        return Optional.of(MentionType.ORGANIZATION);
      }
    }
    for (String w : lower.split("[\\s-]+")) {
      if (PLACE_WORDS.contains(w) || PLACES.contains(w)) {
        return Optional.of(MentionType.LOCATION);
      }
    }
    return Optional.of(MentionType.PERSON);
  }

  private static Mention mention(String name, MentionType type, int start, String text) {
    Optional<Schema> schema =
        switch (type) {
          case PERSON -> Optional.of(Schema.PERSON);
          case ORGANIZATION -> Optional.of(Schema.ORGANIZATION);
          case LOCATION, MISC -> Optional.empty();
        };
    return new Mention(
        text,
        type,
        start,
        start + text.length(),
        EntityIds.forName(type, name),
        schema,
        Optional.empty(),
        "pattern:name",
        type == MentionType.LOCATION ? 0.7 : 0.5);
  }

  /** A lone word that is the last word of a person named in full is that person. */
  private static List<Mention> withSurnames(
      String text, List<Mention> found, List<Mention> taken, List<TextAttribute> groupWords) {
    Map<String, Mention> bySurname = new HashMap<>();
    for (Mention m : found) {
      if (m.type() == MentionType.PERSON) {
        String[] parts = m.text().split("[\\s]+");
        String surname = parts[parts.length - 1];
        bySurname.putIfAbsent(surname, m);
        if (surname.startsWith("al-") || surname.startsWith("Al-")) {
          bySurname.putIfAbsent(surname.substring(3), m);
        }
      }
    }
    List<Mention> all = new ArrayList<>(found);
    for (Map.Entry<String, Mention> e : bySurname.entrySet()) {
      Matcher m = Pattern.compile("\\b" + Pattern.quote(e.getKey()) + "\\b").matcher(text);
      while (m.find()) {
        int s = m.start();
        int t = m.end();
        if (overlapsAny(all, s, t)
            || overlapsAny(taken, s, t)
            || overlapsAttribute(groupWords, s, t)) {
          continue;
        }
        Mention full = e.getValue();
        all.add(
            new Mention(
                m.group(),
                MentionType.PERSON,
                s,
                t,
                full.entityId(),
                full.schema(),
                Optional.of(full.text()),
                "pattern:surname",
                0.4));
      }
    }
    all.sort(java.util.Comparator.comparingInt(Mention::start));
    return all;
  }

  /** Whether the last word of {@code name} is one that names organisations ("Society"). */
  static boolean endsWithOrganizationWord(String name) {
    String[] words = name.toLowerCase(Locale.ROOT).split("[\\s-]+");
    return words.length > 1 && ORGANIZATION_WORDS.contains(words[words.length - 1]);
  }

  private static boolean isNotName(String word) {
    return NOT_NAMES.contains(word.toLowerCase(Locale.ROOT))
        || CalendarWords.isCalendarWord(word)
        || GroupWords.isGroupWord(word);
  }

  private static boolean isConnector(String word) {
    return Set.of("of", "the", "and", "for", "al", "el", "bin", "ibn", "de").contains(word);
  }

  static boolean overlapsAny(List<Mention> mentions, int start, int end) {
    return mentions.stream().anyMatch(x -> x.overlaps(start, end));
  }

  private static boolean overlapsAttribute(List<TextAttribute> attributes, int start, int end) {
    return attributes.stream().anyMatch(a -> a.start() == start && a.end() == end);
  }
}
