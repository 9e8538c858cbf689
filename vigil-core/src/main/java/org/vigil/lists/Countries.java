/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.lists;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads the country names lists print ("Iran", "Russian Federation") as ISO codes. */
public final class Countries {

  private static final Map<String, String> BY_NAME = load();

  private Countries() {}

  /** The lower-case ISO 3166-1 alpha-2 code of a country name or code, if known. */
  public static Optional<String> code(String text) {
    String key = key(text);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(BY_NAME.get(key));
  }

  private static String key(String text) {
    String folded = text.strip().toLowerCase(Locale.ROOT);
    folded = folded.replaceAll("\\(.*?\\)", " ").replaceAll("[^a-z ]", " ");
    if (folded.startsWith("the ")) {
      folded = folded.substring(4);
    }
    return folded.replaceAll("\\s+", " ").strip();
  }

  private static Map<String, String> load() {
    Map<String, String> map = new HashMap<>();
    for (String code : Locale.getISOCountries()) {
      String lower = code.toLowerCase(Locale.ROOT);
      map.put(lower, lower);
      map.put(key(new Locale("", code).getDisplayCountry(Locale.ENGLISH)), lower);
    }
    String[][] extra = {
      {"iran islamic republic of", "ir"},
      {"iran", "ir"},
      {"iranian", "ir"},
      {"russia", "ru"},
      {"russian federation", "ru"},
      {"russian", "ru"},
      {"syria", "sy"},
      {"syrian arab republic", "sy"},
      {"syrian", "sy"},
      {"north korea", "kp"},
      {"democratic people s republic of korea", "kp"},
      {"korea north", "kp"},
      {"south korea", "kr"},
      {"republic of korea", "kr"},
      {"korea south", "kr"},
      {"democratic republic of the congo", "cd"},
      {"congo democratic republic of the", "cd"},
      {"republic of the congo", "cg"},
      {"united kingdom", "gb"},
      {"uk", "gb"},
      {"united states", "us"},
      {"united states of america", "us"},
      {"usa", "us"},
      {"venezuela", "ve"},
      {"bolivia", "bo"},
      {"tanzania", "tz"},
      {"united republic of tanzania", "tz"},
      {"vietnam", "vn"},
      {"viet nam", "vn"},
      {"laos", "la"},
      {"lao people s democratic republic", "la"},
      {"moldova", "md"},
      {"republic of moldova", "md"},
      {"palestinian", "ps"},
      {"palestine", "ps"},
      {"state of palestine", "ps"},
      {"turkey", "tr"},
      {"turkiye", "tr"},
      {"kosovo", "xk"},
      {"burma", "mm"},
      {"cote d ivoire", "ci"},
      {"ivory coast", "ci"},
      {"afghan", "af"},
      {"iraqi", "iq"},
      {"yemeni", "ye"},
      {"saudi arabian", "sa"},
      {"pakistani", "pk"},
      {"egyptian", "eg"},
      {"libyan", "ly"},
      {"lebanese", "lb"},
      {"somali", "so"},
      {"sudanese", "sd"},
      {"chinese", "cn"},
      {"belarusian", "by"},
      {"ukrainian", "ua"},
      {"british", "gb"},
      {"american", "us"},
      {"german", "de"},
      {"french", "fr"},
      {"indonesian", "id"},
      {"kuwaiti", "kw"},
      {"jordanian", "jo"},
      {"tunisian", "tn"},
      {"moroccan", "ma"},
      {"algerian", "dz"},
      {"venezuelan", "ve"},
      {"cuban", "cu"},
      {"mexican", "mx"},
      {"colombian", "co"},
    };
    for (String[] pair : extra) {
      map.put(pair[0], pair[1]);
    }
    return Map.copyOf(map);
  }
}
