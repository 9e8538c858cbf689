/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words for nationalities, religions and ethnic groups. They are recorded as attributes of the
 * text, and kept out of names and relations, so that no one is linked to anything by such a word.
 */
final class GroupWords {
  private static final Map<TextAttribute.Kind, String> WORDS =
      Map.of(
          TextAttribute.Kind.NATIONALITY,
          "Iranian|Iraqi|American|British|Israeli|Lebanese|Syrian|Afghan|Saudi|Yemeni|Palestinian"
              + "|Russian|Chinese|French|German|Turkish|Pakistani|Emirati|Qatari|Bahraini|Kuwaiti"
              + "|Jordanian|Egyptian|Canadian|Australian|European|Western|Iranians|Iraqis|Israelis"
              + "|Americans|Afghans|Syrians|Lebanese",
          TextAttribute.Kind.RELIGION,
          "Shia|Shiite|Shiites|Shi'ite|Sunni|Sunnis|Muslim|Muslims|Christian|Christians|Jewish|Jews"
              + "|Baha'i|Yazidi|Yazidis|Zoroastrian|Alawite|Druze",
          TextAttribute.Kind.ETHNIC_GROUP,
          "Kurdish|Kurds|Kurd|Arab|Arabs|Persian|Persians|Baloch|Balochi|Azeri|Azeris|Pashtun"
              + "|Pashtuns|Turkmen|Hazara|Assyrian");

  private static final Map<TextAttribute.Kind, Pattern> PATTERNS = compile();

  private GroupWords() {}

  private static Map<TextAttribute.Kind, Pattern> compile() {
    Map<TextAttribute.Kind, Pattern> out = new java.util.EnumMap<>(TextAttribute.Kind.class);
    WORDS.forEach((k, v) -> out.put(k, Pattern.compile("\\b(?:" + v + ")\\b")));
    return out;
  }

  static List<TextAttribute> find(String text) {
    List<TextAttribute> found = new ArrayList<>();
    for (TextAttribute.Kind kind : TextAttribute.Kind.values()) {
      Matcher m = PATTERNS.get(kind).matcher(text);
      while (m.find()) {
        found.add(new TextAttribute(kind, m.group(), m.start(), m.end()));
      }
    }
    found.sort(java.util.Comparator.comparingInt(TextAttribute::start));
    return found;
  }

  static boolean isGroupWord(String word) {
    for (Pattern p : PATTERNS.values()) {
      if (p.matcher(word).matches()) {
        return true;
      }
    }
    return false;
  }
}
