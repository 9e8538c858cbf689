/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.ingest;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Guesses a text's language from its script and, for Latin script, from its commonest function
 * words. Light by design: it tells apart the languages reporting usually comes in, without a model
 * to load; a text it cannot place gets no language rather than a wrong one.
 */
public final class LanguageGuesser {
  private static final int MIN_LETTERS = 20;
  private static final int SAMPLE_CHARS = 20_000;

  private static final Map<String, Set<String>> FUNCTION_WORDS = new LinkedHashMap<>();

  static {
    FUNCTION_WORDS.put(
        "en",
        Set.of(
            "the", "and", "of", "to", "in", "is", "that", "for", "was", "with", "on", "as", "by",
            "it", "are", "from", "has", "have", "this", "which"));
    FUNCTION_WORDS.put(
        "fr",
        Set.of(
            "le", "la", "les", "et", "des", "du", "un", "une", "est", "dans", "que", "qui", "pour",
            "par", "pas", "sur", "au", "avec", "sont", "ce"));
    FUNCTION_WORDS.put(
        "de",
        Set.of(
            "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "den", "dem", "mit", "von",
            "zu", "auf", "sich", "des", "im", "auch", "wurde", "für"));
    FUNCTION_WORDS.put(
        "es",
        Set.of(
            "el", "la", "los", "las", "y", "de", "que", "en", "un", "una", "por", "con", "para",
            "es", "del", "se", "su", "al", "como", "fue"));
    FUNCTION_WORDS.put(
        "it",
        Set.of(
            "il", "lo", "la", "gli", "le", "di", "che", "è", "per", "una", "un", "non", "con",
            "del", "della", "sono", "nel", "alla", "anche", "ha"));
    FUNCTION_WORDS.put(
        "pt",
        Set.of(
            "o", "os", "as", "e", "de", "que", "não", "em", "um", "uma", "para", "com", "do", "da",
            "dos", "das", "foi", "ao", "se", "pelo"));
    FUNCTION_WORDS.put(
        "nl",
        Set.of(
            "de", "het", "een", "en", "van", "is", "dat", "niet", "op", "te", "zijn", "met", "voor",
            "die", "er", "aan", "ook", "werd", "bij", "naar"));
  }

  private LanguageGuesser() {}

  /** The language of {@code text}; empty when the text is too short or fits none well. */
  public static Optional<DetectedLanguage> guess(String text) {
    String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
    Map<Character.UnicodeScript, Integer> scripts = new LinkedHashMap<>();
    int letters = 0;
    int persianLetters = 0;
    int kana = 0;
    for (int i = 0; i < sample.length(); ) {
      int cp = sample.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) {
        continue;
      }
      letters++;
      scripts.merge(Character.UnicodeScript.of(cp), 1, Integer::sum);
      if (cp == 'پ' || cp == 'چ' || cp == 'ژ' || cp == 'گ' || cp == 'ک' || cp == 'ی') {
        persianLetters++;
      }
      Character.UnicodeScript script = Character.UnicodeScript.of(cp);
      if (script == Character.UnicodeScript.HIRAGANA
          || script == Character.UnicodeScript.KATAKANA) {
        kana++;
      }
    }
    if (letters < MIN_LETTERS) {
      return Optional.empty();
    }
    Character.UnicodeScript main = Character.UnicodeScript.LATIN;
    int mainCount = -1;
    for (Map.Entry<Character.UnicodeScript, Integer> e : scripts.entrySet()) {
      if (e.getValue() > mainCount) {
        main = e.getKey();
        mainCount = e.getValue();
      }
    }
    double share = mainCount / (double) letters;
    return switch (main) {
      case ARABIC ->
          Optional.of(
              new DetectedLanguage(persianLetters * 50 > mainCount ? "fa" : "ar", share * 0.9));
      case CYRILLIC -> Optional.of(new DetectedLanguage("ru", share * 0.8));
      case HEBREW -> Optional.of(new DetectedLanguage("he", share * 0.9));
      case HANGUL -> Optional.of(new DetectedLanguage("ko", share * 0.9));
      case HAN, HIRAGANA, KATAKANA ->
          Optional.of(new DetectedLanguage(kana > 0 ? "ja" : "zh", share * 0.8));
      case GREEK -> Optional.of(new DetectedLanguage("el", share * 0.9));
      case LATIN -> byFunctionWords(sample, share);
      default -> Optional.empty();
    };
  }

  private static Optional<DetectedLanguage> byFunctionWords(String sample, double scriptShare) {
    String[] words = sample.toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
    Map<String, Integer> hits = new LinkedHashMap<>();
    int counted = 0;
    for (String word : words) {
      if (word.isEmpty()) {
        continue;
      }
      counted++;
      for (Map.Entry<String, Set<String>> e : FUNCTION_WORDS.entrySet()) {
        if (e.getValue().contains(word)) {
          hits.merge(e.getKey(), 1, Integer::sum);
        }
      }
    }
    String best = null;
    int bestHits = 0;
    int secondHits = 0;
    for (Map.Entry<String, Integer> e : hits.entrySet()) {
      if (e.getValue() > bestHits) {
        secondHits = bestHits;
        best = e.getKey();
        bestHits = e.getValue();
      } else if (e.getValue() > secondHits) {
        secondHits = e.getValue();
      }
    }
    // Function words make up a fifth or more of running text; far fewer means another language.
    if (best == null || bestHits * 12 < counted) {
      return Optional.empty();
    }
    double margin = (bestHits - secondHits) / (double) bestHits;
    double confidence = Math.min(1.0, scriptShare * (0.5 + 0.5 * margin));
    return Optional.of(new DetectedLanguage(best, confidence));
  }
}
