/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import java.util.HashMap;
import java.util.Map;

/**
 * How much agreement on a name part counts: rare parts count fully, very common ones ("Mohammad",
 * "Abu", "Bank") little, initials least, patronymics ("Viktorovich") little. The defaults come from
 * a curated table; a screener can derive weights from the frequencies of parts in the lists it
 * loaded.
 */
public final class TokenWeights {

  private static final double INITIAL = 0.3;
  private static final double TWO_LETTERS = 0.6;
  private static final double FLOOR = 0.15;
  private static final double PATRONYMIC = 0.35;
  private static final java.util.List<String> PATRONYMIC_ENDINGS =
      java.util.List.of("ovich", "evich", "ovych", "evych", "ovna", "evna", "ivna");
  private static final TokenWeights DEFAULTS = new TokenWeights(loadDefaults());

  private final Map<String, Double> weights;

  private TokenWeights(Map<String, Double> weights) {
    this.weights = weights;
  }

  public static TokenWeights defaults() {
    return DEFAULTS;
  }

  /**
   * Weights from how many of {@code names} names contain each part (its document frequency), never
   * above the curated defaults: a part in one name in e^6 (about 400) or rarer counts fully.
   */
  public static TokenWeights fromFrequencies(Map<String, Integer> documentFrequency, int names) {
    Map<String, Double> weights = new HashMap<>(DEFAULTS.weights);
    for (Map.Entry<String, Integer> e : documentFrequency.entrySet()) {
      double idf = Math.log((double) names / Math.max(1, e.getValue()));
      double weight = Math.max(FLOOR, Math.min(1.0, idf / 6.0));
      if (weight < 1.0) {
        weights.merge(e.getKey(), weight, Math::min);
      }
    }
    return new TokenWeights(Map.copyOf(weights));
  }

  /** The weight of a part by its folded form, in (0, 1]. */
  public double weight(String form) {
    Double listed = weights.get(form);
    boolean latin = !form.isEmpty() && form.charAt(0) < 0x80;
    double byLength =
        !latin ? 1.0 : form.length() == 1 ? INITIAL : form.length() == 2 ? TWO_LETTERS : 1.0;
    double weight = listed == null ? byLength : Math.min(listed, byLength);
    return isPatronymic(form) ? Math.min(weight, PATRONYMIC) : weight;
  }

  // A Russian or Ukrainian patronymic ("Viktorovich") is often left out, like a middle name.
  private static boolean isPatronymic(String form) {
    if (form.length() < 7) {
      return false;
    }
    char last = form.charAt(form.length() - 1);
    if (last != 'h' && last != 'a') {
      // every ending below ends in one of these; most parts end otherwise
      return false;
    }
    for (String ending : PATRONYMIC_ENDINGS) {
      if (form.endsWith(ending)) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Double> loadDefaults() {
    Map<String, Double> map = new HashMap<>();
    for (String line : NameTables.lines("common-name-parts.txt")) {
      String[] fields = line.split("\\s+");
      if (fields.length != 2) {
        throw new IllegalStateException("common-name-parts.txt: bad line '" + line + "'");
      }
      map.put(fields[0], Double.parseDouble(fields[1]));
    }
    return Map.copyOf(map);
  }
}
