/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Names of countries and continents as one word, in the folded form name parts compare by
 * ("mexico", "schweiz", "europe"): in an organisation's name such a word only one side has names a
 * branch or a national subsidiary of the same group ("Deutsche Bank (Schweiz)"), not another
 * business.
 */
final class PlaceWords {

  private static final Set<String> WORDS = load();

  private PlaceWords() {}

  static boolean isPlace(String form) {
    return WORDS.contains(form);
  }

  private static Set<String> load() {
    Set<String> words = new HashSet<>();
    Locale[] languages = {
      Locale.ENGLISH,
      Locale.GERMAN,
      Locale.FRENCH,
      Locale.ITALIAN,
      Locale.forLanguageTag("es"),
      Locale.forLanguageTag("pt"),
      Locale.forLanguageTag("nl"),
      Locale.forLanguageTag("sv"),
      Locale.forLanguageTag("da"),
      Locale.forLanguageTag("pl"),
      Locale.forLanguageTag("tr")
    };
    for (String code : Locale.getISOCountries()) {
      for (Locale language : languages) {
        String name = new Locale("", code).getDisplayCountry(language);
        String folded = fold(name);
        if (!folded.isEmpty() && folded.indexOf(' ') < 0) {
          words.add(folded);
        }
      }
    }
    for (String line : NameTables.lines("place-words.txt")) {
      words.add(line.strip());
    }
    return Set.copyOf(words);
  }

  private static String fold(String name) {
    String stripped = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    return stripped.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", "").strip();
  }
}
