/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who did what to whom with what, in sentences that report an attack: the perpetrators (people and
 * organisations), the targets (things and places hit), the victims and the weapons. Reads phrases
 * around the attack's verb and nouns with patterns that work in any case, as wire text is often all
 * in one case; no capital letters are needed.
 *
 * <p>Stateless and safe for concurrent use.
 */
public final class AttackRoles {
  /** The roles of a MUC-style attack template. */
  public enum Role {
    PERPETRATOR_INDIVIDUAL,
    PERPETRATOR_ORGANIZATION,
    TARGET,
    VICTIM,
    WEAPON
  }

  /**
   * One filler of one role.
   *
   * @param role its role
   * @param text the phrase as written
   * @param start its first char in the text
   * @param end its end, exclusive
   */
  public record Filler(Role role, String text, int start, int end) {
    public Filler {
      requireNonNull(role, "role");
      requireNonNull(text, "text");
    }
  }

  private static final String WORD = "[\\p{L}\\p{N}][\\p{L}\\p{N}'’.-]*";
  private static final Pattern TRIGGER =
      Pattern.compile(
          "\\b(attack\\w*|bomb\\w*|explo\\w+|dynamit\\w+|kill\\w*|murder\\w*|assassinat\\w+"
              + "|kidnap\\w*|abduct\\w*|shot|shoot\\w*|wound\\w*|massacre\\w*|ambush\\w*"
              + "|burn\\w*|set fire|sabotag\\w+|destroy\\w*|damag\\w+|blew up|blown up)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern WEAPON =
      Pattern.compile(
          "\\b(?:(?:\\d+(?:-mm)?|one|two|three|four|five|several|powerful|explosive|incendiary"
              + "|car|truck|hand|high-powered|automatic|[\\p{L}\\d]+-\\d+)\\s+){0,2}"
              + "(bombs?|dynamite|explosives?|explosive devices?|grenades?|rifles?|machineguns?"
              + "|machine guns?|mortars?|rockets?|rocket launchers?|missiles?|firearms?|guns?"
              + "|pistols?|revolvers?|submachineguns?|mines?|artillery|molotov cocktails?"
              + "|charges? of dynamite|ak-47s?|m-16s?|m-79s?|rpg-\\d+s?)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern PERPETRATOR =
      Pattern.compile(
          "\\b(?:(?:heavily|well|unidentified|unknown|several|two|three|four|five|six|armed"
              + "|hooded|masked|urban|alleged|suspected|presumed)\\s+){0,3}"
              + "(gunmen|guerrillas?|terrorists?|rebels?|assailants?|attackers?|armed men"
              + "|hitmen|hit men|kidnappers?|militants?|insurgents?|commandos?|individuals"
              + "|subversives?|assassins?|death squads?|men)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern MEMBERS_OF =
      Pattern.compile(
          "\\bmembers? of (?:the )?(" + WORD + "(?:\\s+" + WORD + "){0,5})",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern CLAIMED =
      Pattern.compile(
          "\\b(?:the )?("
              + WORD
              + "(?:\\s+"
              + WORD
              + "){0,4})\\s+(?:has |have )?claimed"
              + " (?:responsibility|credit)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern VICTIM_AFTER =
      Pattern.compile(
          "\\b(?:killed|murdered|assassinated|kidnapped|abducted|shot|wounded|massacred"
              + "|(?:murder|assassination|killing|kidnapping|abduction|death) of)\\s+",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern VICTIM_BEFORE =
      Pattern.compile(
          "\\s+(?:was|were|has been|have been|had been)\\s+(?:\\w+\\s+)?(?:killed|murdered"
              + "|assassinated|kidnapped|abducted|shot|wounded)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern TARGET_AFTER =
      Pattern.compile(
          "\\b(?:attacks?|attacked|bombed|dynamited|destroyed|damaged|burned|set fire to"
              + "|blew up|(?:attack|bombing|raid|assault) (?:on|against)|exploded (?:at|in front"
              + " of|near|outside|inside)|(?:placed|planted) (?:at|in|near|outside))\\s+",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern TARGET_BEFORE =
      Pattern.compile(
          "\\s+(?:was|were|has been|have been|had been)\\s+(?:\\w+\\s+)?(?:destroyed|damaged"
              + "|bombed|dynamited|attacked|burned|blown up)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Set<String> PHRASE_STOPS =
      Set.of(
          "by",
          "in",
          "on",
          "at",
          "with",
          "from",
          "for",
          "and",
          "or",
          "who",
          "which",
          "that",
          "when",
          "while",
          "after",
          "before",
          "during",
          "as",
          "to",
          "was",
          "were",
          "is",
          "are",
          "has",
          "have",
          "had",
          "will",
          "would",
          "yesterday",
          "today",
          "tonight",
          "last",
          "this",
          "but",
          "because",
          "where",
          "said",
          "reported",
          "near",
          "into",
          "since",
          "according",
          "did",
          "been",
          "be",
          "not");
  private static final Set<String> DETERMINERS =
      Set.of("the", "a", "an", "his", "her", "their", "its", "our", "two", "three");
  private static final Set<String> NOT_VICTIMS =
      Set.of("him", "her", "them", "it", "he", "she", "they", "people", "persons", "himself");
  private static final int MAX_PHRASE_WORDS = 6;

  private AttackRoles() {}

  /** The role fillers of every attack sentence in {@code text}, each phrase once per role. */
  public static List<Filler> find(String text) {
    requireNonNull(text, "text");
    Map<String, Filler> found = new LinkedHashMap<>();
    for (Sentences.Sentence s : Sentences.split(text)) {
      if (!TRIGGER.matcher(s.text()).find()) {
        continue;
      }
      List<Filler> in = new ArrayList<>();
      add(in, Role.WEAPON, WEAPON, s);
      add(in, Role.PERPETRATOR_INDIVIDUAL, PERPETRATOR, s);
      grouped(in, Role.PERPETRATOR_ORGANIZATION, MEMBERS_OF, s);
      grouped(in, Role.PERPETRATOR_ORGANIZATION, CLAIMED, s);
      after(in, Role.VICTIM, VICTIM_AFTER, s);
      before(in, Role.VICTIM, VICTIM_BEFORE, s);
      after(in, Role.TARGET, TARGET_AFTER, s);
      before(in, Role.TARGET, TARGET_BEFORE, s);
      for (Filler f : in) {
        found.putIfAbsent(f.role() + "|" + f.text().toLowerCase(Locale.ROOT), f);
      }
    }
    return List.copyOf(found.values());
  }

  private static void add(List<Filler> out, Role role, Pattern p, Sentences.Sentence s) {
    Matcher m = p.matcher(s.text());
    while (m.find()) {
      out.add(new Filler(role, m.group(), s.start() + m.start(), s.start() + m.end()));
    }
  }

  private static void grouped(List<Filler> out, Role role, Pattern p, Sentences.Sentence s) {
    Matcher m = p.matcher(s.text());
    while (m.find()) {
      phrase(s, s.start() + m.start(1), role).ifPresent(out::add);
    }
  }

  private static void after(List<Filler> out, Role role, Pattern p, Sentences.Sentence s) {
    Matcher m = p.matcher(s.text());
    while (m.find()) {
      phrase(s, s.start() + m.end(), role)
          .filter(f -> !NOT_VICTIMS.contains(f.text().toLowerCase(Locale.ROOT)))
          .ifPresent(out::add);
    }
  }

  /** The phrase that ends right before a passive verb: "the bank office was destroyed". */
  private static void before(List<Filler> out, Role role, Pattern p, Sentences.Sentence s) {
    Matcher m = p.matcher(s.text());
    while (m.find()) {
      String left = s.text().substring(0, m.start());
      String[] words = left.split("\\s+");
      int take = 0;
      for (int i = words.length - 1; i >= 0 && take < MAX_PHRASE_WORDS; i--) {
        String w = clean(words[i]);
        if (w.isEmpty()
            || PHRASE_STOPS.contains(w.toLowerCase(Locale.ROOT))
            || !words[i].equals(w)) {
          break;
        }
        take++;
      }
      while (take > 0
          && DETERMINERS.contains(words[words.length - take].toLowerCase(Locale.ROOT))) {
        take--;
      }
      if (take > 0) {
        int start = s.start() + left.lastIndexOf(words[words.length - take]);
        int end = s.start() + m.start();
        String phrase = s.text().substring(start - s.start(), m.start());
        if (!NOT_VICTIMS.contains(phrase.toLowerCase(Locale.ROOT))) {
          out.add(new Filler(role, phrase, start, end));
        }
      }
    }
  }

  /** The noun phrase from {@code from}: up to a few words, to a function word or punctuation. */
  private static java.util.Optional<Filler> phrase(Sentences.Sentence s, int from, Role role) {
    String rest = s.text().substring(from - s.start());
    Matcher w = Pattern.compile("\\s*(" + WORD + ")").matcher(rest);
    int pos = 0;
    int start = -1;
    int end = -1;
    int words = 0;
    while (words < MAX_PHRASE_WORDS && w.find(pos) && w.start() == pos) {
      String word = w.group(1);
      String lower = word.toLowerCase(Locale.ROOT).replaceAll("[.]$", "");
      // A stop word, or a past-tense verb after the phrase has begun ("shining path bombed").
      if (PHRASE_STOPS.contains(lower)
          || (words > 0 && lower.length() > 4 && lower.endsWith("ed"))) {
        break;
      }
      pos = w.end();
      if (start < 0 && DETERMINERS.contains(lower)) {
        continue;
      }
      if (start < 0) {
        start = w.start(1);
      }
      end = w.end(1);
      words++;
      if (word.endsWith(".") || word.endsWith("’s") || word.endsWith("'s")) {
        break;
      }
    }
    if (start < 0) {
      return java.util.Optional.empty();
    }
    String text = rest.substring(start, end).replaceAll("[.]$", "");
    if (text.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new Filler(role, text, from + start, from + start + text.length()));
  }

  private static String clean(String word) {
    return word.replaceAll("^[\"“(]+|[\"”),;:]+$", "");
  }
}
