/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places told by their own words or by the words around them, where the recogniser said person or
 * organisation: a name whose head is a word for a place ("Cameron Parish", "Custer National
 * Forest", "Palace of Fine Arts"), a name followed by its state or country ("Morgan City, La.",
 * "Jackson, Wyo."), and a "person" right after "in", "near" or "outside" ("in Heuchelheim"). "Dan
 * Sai District in Loei Province" is two places. The states' postal abbreviations of the wire
 * services ("N.M.", "Calif.") after a town are places too. A name ending in an organisation word
 * ("Black Sea Fleet" aside) is never re-typed here.
 */
final class PlacesByContext {
  private static final Set<String> HEADS =
      Set.of(
          "District",
          "Province",
          "Parish",
          "County",
          "Prefecture",
          "Township",
          "Municipality",
          "City",
          "Village",
          "Beach",
          "Forest",
          "Range",
          "Island",
          "Islands",
          "Lake",
          "River",
          "Bay",
          "Valley",
          "Mountains",
          "Desert",
          "Peninsula",
          "Heights",
          "Springs",
          "Falls",
          "Square",
          "Street",
          "Avenue",
          "Boulevard",
          "Canyon",
          "Creek",
          "Harbor",
          "Harbour",
          "Coast",
          "Strait",
          "Sea",
          "Ocean",
          "Gulf",
          "Plateau",
          "Palace");

  private static final Set<String> OPENERS =
      Set.of("Lake", "Mount", "Fort", "Port", "Cape", "Gulf", "Isle", "Strait", "Palace");

  /** The states' abbreviations in the style of the US wire services (AP), written with dots. */
  private static final List<String> STATES =
      List.of(
          "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.",
          "Ind.", "Kan.", "Kans.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.",
          "Mont.", "Neb.", "Nebr.", "Nev.", "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.", "Okla.",
          "Ore.", "Pa.", "R.I.", "S.C.", "S.D.", "Tenn.", "Tex.", "Va.", "Vt.", "Wash.", "W.Va.",
          "Wis.", "Wyo.", "D.C.");

  private static final Pattern STATE = Pattern.compile(alternatives());

  /** A town and its state: "Grants, N.M." (the town's words, then the state). */
  private static final Pattern TOWN_AND_STATE =
      Pattern.compile(
          "(\\p{Lu}[\\p{L}'-]*(?: \\p{Lu}[\\p{L}'-]*){0,2}) ?, ?(" + alternatives() + ")");

  private static final Pattern AFTER_NAME =
      Pattern.compile("\\s?,\\s?(\\p{Lu}[\\p{L}.]*(?:\\s\\p{Lu}[\\p{L}.]*)*)");

  private static final Pattern HEAD_AFTER =
      Pattern.compile(" (?:District|Province|County|Parish|Prefecture|Township)(?![\\p{L}])");

  private static final Pattern IN_BEFORE = Pattern.compile("(?:^|\\s)(?:in|near|outside)\\s$");

  private PlacesByContext() {}

  private static String alternatives() {
    StringBuilder out = new StringBuilder("(?:");
    for (String s : STATES) {
      if (out.length() > 3) {
        out.append('|');
      }
      // "Minn ." as well as "Minn.": tokenised text puts a space before the dot.
      out.append(Pattern.quote(s.substring(0, s.length() - 1)).replace(".", "\\E\\s?\\.\\Q"))
          .append("\\s?\\.");
    }
    return out.append(")(?![\\p{L}])").toString();
  }

  static List<Mention> apply(String text, Places places, List<Mention> found) {
    List<Mention> out = new ArrayList<>();
    for (Mention m : found) {
      if (m.type() == MentionType.LOCATION || NameFinder.endsWithOrganizationWord(m.text())) {
        out.add(m);
        continue;
      }
      List<Mention> parts = twoPlaces(text, places, m);
      Matcher head = HEAD_AFTER.matcher(text).region(m.end(), text.length());
      if (!parts.isEmpty()) {
        out.addAll(parts);
      } else if (head.lookingAt()) {
        // "Dan Sai" + " District": the recogniser stopped before the head word.
        out.add(
            Retyping.as(
                m,
                MentionType.LOCATION,
                m.start(),
                head.end(),
                text.substring(m.start(), head.end())));
      } else if (headed(m.text())
          || beforeState(text, places, m)
          || (m.type() == MentionType.PERSON && afterIn(text, m))) {
        out.add(Retyping.as(m, MentionType.LOCATION));
      } else {
        out.add(m);
      }
    }
    addStates(text, out);
    out.sort(Comparator.comparingInt(Mention::start));
    return out;
  }

  static boolean headed(String name) {
    String[] words = name.split(" ");
    return words.length > 1
        && (HEADS.contains(words[words.length - 1])
            || (OPENERS.contains(words[0]) && Character.isUpperCase(words[1].charAt(0)))
            || (OPENERS.contains(words[0]) && words.length > 2 && words[1].equals("of")));
  }

  /** "Dan Sai District in Loei Province": two places, each told by its head or known. */
  private static List<Mention> twoPlaces(String text, Places places, Mention m) {
    int in = m.text().indexOf(" in ");
    if (in < 0) {
      return List.of();
    }
    String left = m.text().substring(0, in);
    String right = m.text().substring(in + 4);
    if (!(headed(left) || places.isPlace(left)) || !(headed(right) || places.isPlace(right))) {
      return List.of();
    }
    return List.of(
        Retyping.as(m, MentionType.LOCATION, m.start(), m.start() + in, left),
        Retyping.as(m, MentionType.LOCATION, m.start() + in + 4, m.end(), right));
  }

  private static boolean beforeState(String text, Places places, Mention m) {
    if (m.text().split(" ").length > 3) {
      return false;
    }
    Matcher after = AFTER_NAME.matcher(text).region(m.end(), text.length());
    if (!after.lookingAt()) {
      return false;
    }
    if (STATE.matcher(after.group(1)).lookingAt()) {
      return true;
    }
    String[] words = after.group(1).split("\\s");
    StringBuilder name = new StringBuilder();
    for (String w : words) {
      name.append(name.length() > 0 ? " " : "").append(w);
      String candidate = name.toString();
      String bare =
          candidate.endsWith(".") ? candidate.substring(0, candidate.length() - 1) : candidate;
      if (places.isPlace(bare) || places.isCountry(bare)) {
        return true;
      }
    }
    return false;
  }

  private static boolean afterIn(String text, Mention m) {
    String before = text.substring(Math.max(0, m.start() - 9), m.start());
    boolean possessive =
        text.startsWith("'s", m.end())
            || text.startsWith(" 's", m.end())
            || text.startsWith("’s", m.end());
    return IN_BEFORE.matcher(before).find() && !possessive;
  }

  /** "Grants, N.M.": the state, and the town before it when nothing was read there. */
  private static void addStates(String text, List<Mention> out) {
    Matcher m = TOWN_AND_STATE.matcher(text);
    while (m.find()) {
      if (!NameFinder.overlapsAny(out, m.start(2), m.end(2))) {
        out.add(Retyping.found(text, MentionType.LOCATION, m.start(2), m.end(2), "context:place"));
      }
      if (!NameFinder.overlapsAny(out, m.start(1), m.end(1))) {
        out.add(Retyping.found(text, MentionType.LOCATION, m.start(1), m.end(1), "context:place"));
      }
    }
  }
}
