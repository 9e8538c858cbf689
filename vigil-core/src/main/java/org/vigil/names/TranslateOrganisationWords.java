/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.names;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The English word for a Persian or Arabic word of an organisation's name ("سازمان" is
 * "organisation", "قرارگاه" "headquarters", "صنایع" "industry"), so that a list entry that
 * translates a name matches it word by word; and the Persian and Arabic legal forms (شرکت, شركة,
 * سهامی خاص), which are dropped like "Ltd". Words are looked up with their letter variants folded
 * and without the article "ال". Tables: {@code organisation-words.txt} and {@code
 * arabic-script-legal-forms.txt}.
 */
public final class TranslateOrganisationWords {

  private static final FoldArabicLetterVariants FOLD = new FoldArabicLetterVariants();
  private static final Map<String, String> WORDS = load("organisation-words.txt");
  private static final Map<String, String> LEGAL_FORMS = load("arabic-script-legal-forms.txt");

  /** The English word for {@code word}, a folded Arabic-script word; empty when not listed. */
  public Optional<String> translate(String word) {
    return Optional.ofNullable(WORDS.get(word));
  }

  /** The English legal form {@code word} writes, when it is one ("شرکت" is "company"). */
  public Optional<String> legalForm(String word) {
    return Optional.ofNullable(LEGAL_FORMS.get(word));
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
        for (String folded : FOLD.apply(word.replace("\u200C", "")).split(" ")) {
          if (folded.equals("\u0627\u0644")) {
            continue;
          }
          String previous = map.put(folded, english);
          if (previous != null && !previous.equals(english)) {
            throw new IllegalStateException(
                resource + ": '" + word + "' is under both " + previous + " and " + english);
          }
        }
      }
    }
    return Map.copyOf(map);
  }
}
