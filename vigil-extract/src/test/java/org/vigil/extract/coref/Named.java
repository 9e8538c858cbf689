/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.coref;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;
import org.vigil.model.Schema;

/** Mentions placed by hand on a test's text, as the recognisers would have found them. */
final class Named {
  private final String text;
  private final List<Mention> mentions = new ArrayList<>();

  Named(String text) {
    this.text = text;
  }

  Named person(String name) {
    return add(name, MentionType.PERSON, Optional.of(Schema.PERSON), "corenlp:ner", 0);
  }

  Named organisation(String name) {
    return add(name, MentionType.ORGANIZATION, Optional.of(Schema.ORGANIZATION), "gazetteer", 0);
  }

  /** The {@code nth} (from 0) occurrence of {@code name}, as a recogniser's mention of it. */
  Named add(String name, MentionType type, Optional<Schema> schema, String extractor, int nth) {
    int at = -1;
    for (int i = 0; i <= nth; i++) {
      at = text.indexOf(name, at + 1);
    }
    if (at < 0) {
      throw new IllegalArgumentException(name + " is not in the text");
    }
    String id = "x-" + name.toLowerCase(Locale.ROOT).replace(' ', '-');
    mentions.add(
        new Mention(
            name, type, at, at + name.length(), id, schema, Optional.empty(), extractor, 0.9));
    return this;
  }

  /** Every occurrence of {@code name} as a person mention of its own. */
  Named everyPerson(String name) {
    int count = text.split(java.util.regex.Pattern.quote(name), -1).length - 1;
    for (int i = 0; i < count; i++) {
      add(name, MentionType.PERSON, Optional.of(Schema.PERSON), "corenlp:ner", i);
    }
    return this;
  }

  Chains chains() {
    return Coreference.resolve(text, mentions);
  }

  String text() {
    return text;
  }

  List<Mention> mentions() {
    return mentions.stream().sorted((a, b) -> Integer.compare(a.start(), b.start())).toList();
  }

  /** The mention the chains give for the words at {@code phrase}'s first occurrence. */
  Optional<Mention> at(Chains chains, String phrase) {
    int s = text.indexOf(phrase);
    return chains.forReading().stream()
        .filter(m -> m.start() == s && m.end() == s + phrase.length())
        .findFirst();
  }
}
