/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The English word for a romanised Russian, Belarusian or Ukrainian word of an organisation's name
 * ("zavod" is "plant", "institut" "institute", "gosudarstvennogo" "state"), so that a list entry
 * that translates a name matches it word by word. It works on the romanised words, so a list entry
 * that transliterates ("ZAVOD SOKOL") and a query in Cyrillic ("завод Сокол") meet on the same
 * English word. Case endings are stripped before the lookup because these languages decline the
 * words of a name ("завода", "заводом"). Table: {@code cyrillic-organisation-words.txt}.
 */
public final class TranslateCyrillicOrganisationWords {

  /** A stem shorter than this is never looked up: too many short words would collide. */
  static final int MIN_STEM = 4;

  /** Romanised case endings of nouns and adjectives, longest first. */
  private static final List<String> ENDINGS =
      List.of(
          "iyami", "iyakh", "yyami", "iyem", "iyey", "yami", "akh", "yakh", "ykh", "ikh", "ami",
          "ogo", "ego", "omu", "emu", "iye", "iya", "iyu", "iyi", "yye", "oye", "aya", "yaya",
          "uyu", "yuyu", "aye", "aga", "ii", "iy", "yy", "ye", "om", "em", "ov", "ev", "ey", "oy",
          "ym", "im", "am", "yam", "ya", "yu", "a", "u", "y", "i", "e", "o");

  private static final Map<String, String> WORDS = load("cyrillic-organisation-words.txt");

  /** The English word for {@code word}, a lower-case romanised word; empty when not listed. */
  public Optional<String> translate(String word) {
    return Optional.ofNullable(WORDS.get(stem(word)));
  }

  /** The parts of an organisation's name with the listed words translated (and marked so). */
  public List<NamePart> apply(List<NamePart> parts) {
    List<NamePart> out = new ArrayList<>(parts.size());
    for (NamePart part : parts) {
      Optional<String> english = translate(part.surface());
      if (english.isPresent()) {
        String form = FoldNamePartVariants.fold(english.get());
        String skeleton = PhoneticKey.skeleton(form);
        out.add(
            new NamePart(part.surface(), form, skeleton, List.of(skeleton), part.written(), true));
      } else {
        out.add(part);
      }
    }
    return out;
  }

  /** {@code word} without its case ending, when what is left is long enough. */
  static String stem(String word) {
    for (String ending : ENDINGS) {
      if (word.endsWith(ending) && word.length() - ending.length() >= MIN_STEM) {
        return word.substring(0, word.length() - ending.length());
      }
    }
    return word;
  }

  private static Map<String, String> load(String resource) {
    Map<String, String> map = new HashMap<>();
    for (String line : NameTables.lines(resource)) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new IllegalStateException(resource + ": no ':' in line '" + line + "'");
      }
      String english = line.substring(0, colon).strip();
      for (String word : line.substring(colon + 1).strip().split("\\s+")) {
        String previous = map.put(stem(word), english);
        if (previous != null && !previous.equals(english)) {
          throw new IllegalStateException(
              resource + ": '" + word + "' is under both " + previous + " and " + english);
        }
      }
    }
    return Map.copyOf(map);
  }
}
