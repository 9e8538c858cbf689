/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import com.ibm.icu.text.Transliterator;
import java.util.EnumMap;
import java.util.Map;

/**
 * Writes a name in Latin ASCII letters with ICU's transliterators, chosen by the name's script:
 * BGN/PCGN romanisation for Cyrillic (it gives the "kh", "zh", "ch" that English-language lists
 * use), the generic "Any-Latin" rules for the rest. Latin text passes through with its diacritics
 * folded.
 *
 * <p>ICU transliterators keep no state between calls, but their instances are not documented as
 * safe for concurrent use; each thread therefore gets its own, created once and cached.
 */
public final class TransliterateToLatin implements NameStep {

  private static final String TO_ASCII = "; Any-Latin; Latin-ASCII";

  private static final ThreadLocal<Map<Script, Transliterator>> CACHE =
      ThreadLocal.withInitial(() -> new EnumMap<>(Script.class));

  private final StripDiacritics stripDiacritics = new StripDiacritics();

  @Override
  public String apply(String text) {
    if (StripDiacritics.isAscii(text)) {
      return text;
    }
    Script script = Script.detect(text);
    if (script == Script.LATIN || script == Script.NONE) {
      return stripDiacritics.apply(text);
    }
    Transliterator transliterator = CACHE.get().computeIfAbsent(script, TransliterateToLatin::make);
    return stripDiacritics.apply(transliterator.transliterate(text));
  }

  private static Transliterator make(Script script) {
    String id =
        switch (script) {
          case CYRILLIC -> "Russian-Latin/BGN" + TO_ASCII;
          case HAN -> "Han-Latin" + TO_ASCII;
          default -> "Any-Latin; Latin-ASCII";
        };
    return Transliterator.getInstance(id);
  }
}
