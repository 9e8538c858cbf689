/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes apart the name parts that Arabic-script names write as one word or two at will, so that
 * both spellings give the same parts: "عبدالرحیم" is "عبد ال رحیم" (Abd al-Rahim), "نورالدین" is
 * "نور ال دین" (Nur al-Din), "امین‌الله" is "امین الله" (Aminullah), "آخوندزاده" is "اخوند زاده"
 * (Akhundzadeh), "حسین‌آبادی" is "حسین ابادی" (Hosseinabadi), "والمسلمين" is "و ال مسلمين"; hyphens
 * separate parts too. Runs on text whose letter variants are folded ({@link
 * FoldArabicLetterVariants}); "عبدالله" stays one word, as Latin spellings keep Abdullah whole.
 */
public final class SplitArabicScriptCompounds implements NameStep {

  private static final String ABD = "\u0639\u0628\u062F";
  private static final String ARTICLE = "\u0627\u0644";
  private static final String CLITICS = "\u0648\u0628\u0641\u0643";
  private static final String ALLAH = "\u0627\u0644\u0644\u0647";
  private static final String ABDULLAH = ABD + ALLAH;
  private static final List<String> SUFFIXES =
      List.of(
          ALLAH,
          "\u0627\u0644\u062F\u064A\u0646", // الدين
          "\u0632\u0627\u062F\u0647", // زاده
          "\u0627\u0628\u0627\u062F\u064A"); // ابادي

  @Override
  public String apply(String text) {
    List<String> out = new ArrayList<>();
    for (String word : text.replace('-', ' ').replace('\u2010', ' ').split(" ")) {
      if (!word.isEmpty()) {
        split(word, out);
      }
    }
    return String.join(" ", out);
  }

  private static void split(String word, List<String> out) {
    // "and the", "with the", "for the", "like the" written onto a word of an organisation's name:
    // "والمسلمين" is "و ال مسلمين"
    if (word.length() >= 6 && CLITICS.indexOf(word.charAt(0)) >= 0 && word.startsWith(ARTICLE, 1)) {
      out.add(word.substring(0, 1));
      out.add(ARTICLE);
      split(word.substring(3), out);
      return;
    }
    if (word.length() >= 5 && word.startsWith("\u0644\u0644")) {
      out.add("\u0644");
      out.add(ARTICLE);
      split(word.substring(2), out);
      return;
    }
    if (word.equals(ABDULLAH)) {
      out.add(word);
      return;
    }
    if (word.startsWith(ABD) && word.length() >= ABD.length() + 3) {
      out.add(ABD);
      String rest = word.substring(ABD.length());
      if (rest.startsWith(ARTICLE)
          && rest.length() >= ARTICLE.length() + 2
          && !rest.equals(ALLAH)) {
        out.add(ARTICLE);
        rest = rest.substring(ARTICLE.length());
      }
      split(rest, out);
      return;
    }
    for (String suffix : SUFFIXES) {
      if (word.endsWith(suffix) && word.length() >= suffix.length() + 2) {
        String stem = word.substring(0, word.length() - suffix.length());
        split(stem, out);
        if (suffix.startsWith(ARTICLE) && !suffix.equals(ALLAH)) {
          out.add(ARTICLE);
          out.add(suffix.substring(ARTICLE.length()));
        } else {
          out.add(suffix);
        }
        return;
      }
    }
    out.add(word);
  }
}
