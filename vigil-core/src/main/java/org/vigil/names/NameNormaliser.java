/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vigil.model.Schema;

/**
 * Runs the normalisation chain on a name: Arabic letter variants, transliteration to Latin ASCII
 * (which strips diacritics), splitting into parts, number words, single letters and legal forms
 * (for anything but a person) and name-part variants. Thread-safe.
 */
public final class NameNormaliser {

  /** Names longer than this many parts are cut; no real name comes near it. */
  public static final int MAX_PARTS = 24;

  private final FoldArabicLetterVariants arabic = new FoldArabicLetterVariants();
  private final TransliterateToLatin transliterate = new TransliterateToLatin();
  private final Tokenize tokenize = new Tokenize();
  private final DropLegalForm legalForms = new DropLegalForm();
  private final FoldNamePartVariants variants = new FoldNamePartVariants();
  private final JoinSingleLetters joinSingleLetters =
      new JoinSingleLetters(DropLegalForm::isLegalForm);
  private final FoldNumberWords numberWords = new FoldNumberWords();
  private final FoldDigitLookalikes digitLookalikes = new FoldDigitLookalikes();
  private final StripMarks stripMarks = new StripMarks();

  public NormalisedName normalise(String name, Schema schema) {
    String text = Normalizer.normalize(name, Normalizer.Form.NFKC);
    Script script = Script.detect(text);
    if (script == Script.ARABIC) {
      text = arabic.apply(text);
    }
    List<String> tokens = tokenize.apply(transliterate.apply(text));
    if (tokens.size() > MAX_PARTS) {
      tokens = tokens.subList(0, MAX_PARTS);
    }
    List<String> dropped = List.of();
    if (schema == Schema.PERSON) {
      tokens = tokens.stream().map(digitLookalikes::apply).toList();
    } else {
      DropLegalForm.Split split =
          legalForms.apply(joinSingleLetters.apply(numberWords.apply(tokens)));
      tokens = split.kept();
      dropped = split.dropped();
    }
    List<NamePart> nativeParts = List.of();
    if (script != Script.LATIN && script != Script.NONE) {
      nativeParts = nativeParts(text, script);
    }
    return new NormalisedName(name, script, variants.apply(tokens), nativeParts, dropped);
  }

  private List<NamePart> nativeParts(String text, Script script) {
    boolean perCharacter = script == Script.HAN || script == Script.HANGUL || script == Script.KANA;
    List<NamePart> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    String folded = stripMarks.apply(text).toLowerCase(Locale.ROOT);
    for (int i = 0; i < folded.length() && parts.size() < MAX_PARTS; ) {
      int cp = folded.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        current.appendCodePoint(cp);
        if (perCharacter && Script.of(cp) != Script.LATIN) {
          addNative(current, parts);
        }
      } else if (!isJoiner(cp)) {
        addNative(current, parts);
      }
    }
    addNative(current, parts);
    return parts;
  }

  private static boolean isJoiner(int cp) {
    int type = Character.getType(cp);
    return type == Character.COMBINING_SPACING_MARK
        || type == Character.NON_SPACING_MARK
        || cp == '\''
        || cp == '\u2019'
        || cp == '\u00B7'
        || cp == '\u200C'
        || cp == '\u200D';
  }

  private static void addNative(StringBuilder current, List<NamePart> parts) {
    if (current.length() > 0) {
      String part = current.toString();
      parts.add(new NamePart(part, part, ""));
      current.setLength(0);
    }
  }
}
