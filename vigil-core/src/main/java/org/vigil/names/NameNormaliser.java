/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vigil.model.Schema;

/**
 * Runs the normalisation chain on a name. Every name: Unicode compatibility forms, then the
 * invisible characters out. A name in Arabic script then takes its own path: its language told from
 * its letters (Arabic, Persian, Pashto, Urdu), letter variants folded, compounds written apart, and
 * each word romanised by that language's conventions with every consonant skeleton it may have; an
 * organisation's Persian and Arabic words are translated to English and its legal forms dropped. An
 * organisation's romanised Russian, Belarusian and Ukrainian words are translated too, in any case.
 * Any other name is transliterated to Latin ASCII (which strips diacritics) and split into parts,
 * then number words, single letters and legal forms (for anything but a person) are handled. Both
 * end with name-part variants folded. Thread-safe.
 */
public final class NameNormaliser {

  /** Names longer than this many parts are cut; no real name comes near it. */
  public static final int MAX_PARTS = 24;

  /** The text steps every name goes through first, in order. */
  private static final List<NameStep> FIRST_STEPS = List.of(new RemoveInvisibleCharacters());

  /** The text steps of an Arabic-script name before its words are romanised, in order. */
  private static final List<NameStep> ARABIC_SCRIPT_STEPS =
      List.of(new FoldArabicLetterVariants(), new SplitArabicScriptCompounds());

  private static final String ARTICLE = "\u0627\u0644";

  private final TransliterateToLatin transliterate = new TransliterateToLatin();
  private final Tokenize tokenize = new Tokenize();
  private final DropLegalForm legalForms = new DropLegalForm();
  private final FoldNamePartVariants variants = new FoldNamePartVariants();
  private final JoinSingleLetters joinSingleLetters =
      new JoinSingleLetters(DropLegalForm::isLegalForm);
  private final FoldNumberWords numberWords = new FoldNumberWords();
  private final FoldDigitLookalikes digitLookalikes = new FoldDigitLookalikes();
  private final TranslateOrganisationWords organisationWords = new TranslateOrganisationWords();
  private final TranslateCyrillicOrganisationWords cyrillicWords =
      new TranslateCyrillicOrganisationWords();
  private final AddRussianSpellingSkeletons russianSpellings = new AddRussianSpellingSkeletons();
  private final StripMarks stripMarks = new StripMarks();
  private final FindFamilyName familyName = new FindFamilyName();

  public NormalisedName normalise(String name, Schema schema) {
    String text = Normalizer.normalize(name, Normalizer.Form.NFKC);
    for (NameStep step : FIRST_STEPS) {
      text = step.apply(text);
    }
    Script script = Script.detect(text);
    if (script == Script.ARABIC || (script == Script.LATIN && hasArabicLetter(text))) {
      // a mixed name ("Muhammad عمر ZADRAN") takes the Arabic-script path word by word too
      return arabicScript(name, text, schema, script);
    }
    List<String> tokens = tokenize.apply(transliterate.apply(text));
    Latin latin = latin(tokens, schema);
    List<NamePart> nativeParts = List.of();
    if (script != Script.LATIN && script != Script.NONE) {
      nativeParts = nativeParts(text, script);
    }
    List<NamePart> parts = variants.apply(latin.tokens());
    if (schema != Schema.PERSON) {
      // romanised Russian words mean the same whether the name was written in Cyrillic or Latin
      parts = cyrillicWords.apply(parts);
    }
    if (script == Script.CYRILLIC) {
      parts = russianSpellings.apply(parts);
    }
    List<Integer> family =
        schema == Schema.PERSON
            ? familyName.find(text, parts, piece -> normalise(piece, Schema.PERSON).parts())
            : List.of();
    return new NormalisedName(name, script, parts, nativeParts, latin.dropped(), family);
  }

  private record Latin(List<String> tokens, List<String> dropped) {}

  private Latin latin(List<String> tokens, Schema schema) {
    if (tokens.size() > MAX_PARTS) {
      tokens = tokens.subList(0, MAX_PARTS);
    }
    if (schema == Schema.PERSON) {
      return new Latin(tokens.stream().map(digitLookalikes::apply).toList(), List.of());
    }
    DropLegalForm.Split split =
        legalForms.apply(joinSingleLetters.apply(numberWords.apply(tokens)));
    return new Latin(split.kept(), split.dropped());
  }

  private static boolean hasArabicLetter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '\u0600' && c <= '\u06FF' && Character.isLetter(c)) {
        return true;
      }
    }
    return false;
  }

  private NormalisedName arabicScript(String name, String text, Schema schema, Script script) {
    ArabicScriptLanguage language = ArabicScriptLanguage.detect(text);
    String folded = text;
    for (NameStep step : ARABIC_SCRIPT_STEPS) {
      folded = step.apply(folded);
    }
    RomaniseArabicScript romanise = new RomaniseArabicScript(language);
    boolean person = schema == Schema.PERSON;
    List<NamePart> parts = new ArrayList<>();
    List<NamePart> legal = new ArrayList<>();
    List<String> latinWords = new ArrayList<>();
    List<String> words = words(folded);
    for (String word : words) {
      if (parts.size() >= MAX_PARTS) {
        break;
      }
      if (Script.detect(word) != Script.ARABIC) {
        latinWords.add(word);
        continue;
      }
      flushLatin(latinWords, schema, parts);
      if (word.equals(ARTICLE) && words.size() > 1) {
        continue;
      }
      String surface = romanise.apply(word);
      List<String> skeletons = ArabicScriptSkeleton.of(word, language);
      Optional<String> legalForm = person ? Optional.empty() : organisationWords.legalForm(word);
      Optional<String> english = person ? Optional.empty() : organisationWords.translate(word);
      if (legalForm.isPresent()) {
        legal.add(new NamePart(surface, legalForm.get(), skeletons.get(0), skeletons, word, true));
      } else if (english.isPresent()) {
        String form = FoldNamePartVariants.fold(english.get());
        parts.add(new NamePart(surface, form, skeletons.get(0), skeletons, word, true));
      } else {
        String form = FoldNamePartVariants.fold(surface);
        parts.add(new NamePart(surface, form, skeletons.get(0), skeletons, word, false));
      }
    }
    flushLatin(latinWords, schema, parts);
    List<String> dropped = new ArrayList<>();
    java.util.Set<String> droppedWords = new java.util.HashSet<>();
    if (parts.isEmpty()) {
      // a name that is nothing but legal forms keeps them, as DropLegalForm keeps "Company"
      parts.addAll(legal);
    } else {
      for (NamePart form : legal) {
        dropped.add(form.written() + " (" + form.form() + ")");
        droppedWords.add(form.written());
      }
    }
    List<NamePart> nativeParts = List.of();
    if (script == Script.ARABIC) {
      // compared in their own script, the names leave out the same legal forms
      nativeParts =
          nativeParts(ARABIC_SCRIPT_STEPS.get(0).apply(text), Script.ARABIC).stream()
              .filter(part -> !droppedWords.contains(part.form()))
              .toList();
    }
    return new NormalisedName(name, script, parts, nativeParts, dropped);
  }

  // Words in another script inside an Arabic-script name ("شركة ABC") take the Latin path.
  private void flushLatin(List<String> latinWords, Schema schema, List<NamePart> parts) {
    if (latinWords.isEmpty()) {
      return;
    }
    List<String> tokens = tokenize.apply(transliterate.apply(String.join(" ", latinWords)));
    latinWords.clear();
    for (NamePart part : variants.apply(latin(tokens, schema).tokens())) {
      if (parts.size() < MAX_PARTS) {
        parts.add(part);
      }
    }
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '\'' || c == '\u2019') {
        current.append(c);
      } else if (current.length() > 0) {
        words.add(current.toString());
        current.setLength(0);
      }
    }
    if (current.length() > 0) {
      words.add(current.toString());
    }
    return words;
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
