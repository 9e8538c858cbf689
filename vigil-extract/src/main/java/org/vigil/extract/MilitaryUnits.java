/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Military units named by number or by a one-word name and their echelon: "2nd Battalion", "5th
 * Special Forces Group", "321st Field Artillery Regiment", "Abel Battery". Each is an organisation
 * mention (an entity only when it has words of its own, see {@link #unit}); a recogniser's shorter
 * name inside one ("Special Forces Group") gives way to it. The echelon ranks units, so that "2nd
 * Battalion, 5th Special Forces Group" can be read as one inside the other.
 */
public final class MilitaryUnits {
  /** The extractor of a unit's mention. */
  public static final String EXTRACTOR = "pattern:unit";

  private static final Map<String, Integer> ECHELONS =
      Map.ofEntries(
          Map.entry("team", 1),
          Map.entry("platoon", 1),
          Map.entry("detachment", 1),
          Map.entry("troop", 2),
          Map.entry("company", 2),
          Map.entry("battery", 2),
          Map.entry("battalion", 3),
          Map.entry("squadron", 3),
          Map.entry("regiment", 4),
          Map.entry("group", 4),
          Map.entry("wing", 4),
          Map.entry("brigade", 5),
          Map.entry("division", 6),
          Map.entry("corps", 7),
          Map.entry("fleet", 7),
          Map.entry("army", 8));

  private static final String ORDINAL =
      "(?:\\d{1,3}(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth"
          + "|Tenth)";
  private static final String ECHELON =
      "(?:Team|Platoon|Detachment|Troop|Company|Battery|Battalion|Squadron|Regiment|Group|Wing"
          + "|Brigade|Division|Corps|Fleet|Army)";

  /** An ordinal, up to four capitalised words, the echelon: "5th Special Forces Group". */
  private static final Pattern NUMBERED =
      Pattern.compile(
          "\\b" + ORDINAL + "(?:\\s+\\p{Lu}[\\p{L}-]*){0,4}?\\s+" + ECHELON + "(?![\\p{L}-])");

  /** A one-word name and a small unit: "Abel Battery", "Bravo Company". */
  private static final Pattern NAMED =
      Pattern.compile("\\b\\p{Lu}\\p{Ll}+\\s+(?:Battery|Troop)(?![\\p{L}-])");

  private MilitaryUnits() {}

  /** The units named in {@code text}, in text order. */
  static List<Mention> find(String text) {
    List<Mention> out = new ArrayList<>();
    for (Pattern p : List.of(NUMBERED, NAMED)) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        int start = m.start();
        int end = m.end();
        if (out.stream().noneMatch(u -> u.overlaps(start, end))) {
          out.add(unit(text, start, end));
        }
      }
    }
    out.sort(java.util.Comparator.comparingInt(Mention::start));
    return out;
  }

  /**
   * A unit's mention. One named by its number or letter and echelon alone ("2nd Battalion", "Abel
   * Battery") is a description, not an entity: every army has a 2nd Battalion, and two of them in
   * one scope must not become one entity. One with words of its own ("5th Special Forces Group") is
   * an organisation entity.
   */
  private static Mention unit(String text, int start, int end) {
    String name = text.substring(start, end);
    if (name.strip().split("\\s+").length > 2) {
      return Retyping.found(text, MentionType.ORGANIZATION, start, end, EXTRACTOR);
    }
    return Mention.described(name, MentionType.ORGANIZATION, start, end, EXTRACTOR, 0.6);
  }

  /**
   * Adds the units to {@code all}: a mention inside one ("Special Forces Group", a recogniser's
   * "Battalion" read as a person) gives way to it; a unit that would cut across another mention is
   * left out.
   */
  static void add(String text, List<Mention> all) {
    for (Mention unit : find(text)) {
      all.removeIf(m -> m.start() >= unit.start() && m.end() <= unit.end());
      if (!NameFinder.overlapsAny(all, unit.start(), unit.end())) {
        all.add(unit);
      }
    }
  }

  /** Whether {@code name} is a unit's name by this class's shapes ("the 2nd Battalion"). */
  public static boolean isUnit(String name) {
    String n = name.strip().replaceFirst("^(?i:the)\\s+", "");
    return NUMBERED.matcher(n).matches() || NAMED.matcher(n).matches();
  }

  /** The echelon of a unit's name, larger for larger units ("Battalion" below "Brigade"). */
  public static Optional<Integer> echelon(String name) {
    String[] words = name.strip().split("\\s+");
    return Optional.ofNullable(ECHELONS.get(words[words.length - 1].toLowerCase(Locale.ROOT)));
  }
}
