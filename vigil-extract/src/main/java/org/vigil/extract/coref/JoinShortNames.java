/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.coref;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;

/**
 * A given or family name alone ("Zindashti", "Rostami", "Naji") after a person's full name in the
 * same document ("Naji Ibrahim Sharifi-Zindashti") is that person: it joins the full name's chain
 * rather than making a new entity, whatever type the recogniser gave it. A family name the
 * recogniser missed is added as a mention of the person. A short form that two full names share
 * ("Ali" of two Alis) is left as it is.
 */
final class JoinShortNames {
  /** Words of a name that are never a short form of it on their own. */
  private static final Set<String> PARTICLES =
      Set.of("al", "el", "bin", "ibn", "bint", "abu", "de", "da", "van", "von", "mr", "mrs", "dr");

  private static final Pattern WORD = Pattern.compile("(?<![\\p{L}-])\\p{Lu}\\p{L}+(?![\\p{L}-])");

  private JoinShortNames() {}

  static List<Mention> apply(String text, List<Mention> mentions) {
    Map<String, Mention> byPart = new HashMap<>();
    Set<String> shared = new HashSet<>();
    Set<String> family = new HashSet<>();
    for (Mention m : mentions) {
      if (!isFullName(m)) {
        continue;
      }
      List<String> words = parts(m.text());
      for (int i = 0; i < words.size(); i++) {
        String part = words.get(i);
        Mention known = byPart.putIfAbsent(part, m);
        if (known != null && !known.entityId().equals(m.entityId())) {
          shared.add(part);
        }
      }
      String last = m.text().substring(m.text().lastIndexOf(' ') + 1);
      family.addAll(parts(last));
    }
    shared.forEach(byPart::remove);
    List<Mention> out = new ArrayList<>();
    for (Mention m : mentions) {
      Mention full = byPart.get(m.text());
      boolean shortForm =
          full != null
              && !m.text().contains(" ")
              && !m.extractor().equals("gazetteer")
              && !m.extractor().equals("acronym")
              && !m.entityId().equals(full.entityId());
      out.add(shortForm ? m.joining(full) : m);
    }
    Matcher word = WORD.matcher(text);
    while (word.find()) {
      Mention full = byPart.get(word.group());
      int s = word.start();
      int e = word.end();
      if (full != null
          && family.contains(word.group())
          && out.stream().noneMatch(m -> m.start() < e && s < m.end())) {
        out.add(
            new Mention(
                    word.group(),
                    MentionType.PERSON,
                    s,
                    e,
                    full.entityId(),
                    full.schema(),
                    full.canonicalName(),
                    "coref:short-name",
                    full.confidence())
                .joining(full));
      }
    }
    out.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return out;
  }

  private static boolean isFullName(Mention m) {
    return m.type() == MentionType.PERSON && m.schema().isPresent() && m.text().contains(" ");
  }

  /** The words of a name that can stand alone: each word, and each half of a hyphenated one. */
  private static List<String> parts(String name) {
    List<String> out = new ArrayList<>();
    for (String w : name.split("\\s+")) {
      if (w.length() < 3 || PARTICLES.contains(w.toLowerCase(Locale.ROOT))) {
        continue;
      }
      out.add(w);
      if (w.indexOf('-') > 0) {
        for (String half : w.split("-")) {
          if (half.length() >= 3 && !PARTICLES.contains(half.toLowerCase(Locale.ROOT))) {
            out.add(half);
          }
        }
      }
    }
    return out;
  }
}
