/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.vigil.extract.Extractor;
import org.vigil.extract.Mention;

/**
 * A recogniser under evaluation: a name for the report and what it finds in a text.
 *
 * @param name as printed, such as "vigil" or "corenlp-default"
 * @param recogniser the typed spans it finds in a text
 */
public record NerSystem(String name, Function<String, List<TypedSpan>> recogniser) {
  public NerSystem {
    requireNonNull(name, "name");
    requireNonNull(recogniser, "recogniser");
  }

  /** Vigil's extractor: its person, organisation and place mentions. */
  public static NerSystem of(String name, Extractor extractor) {
    return new NerSystem(name, text -> spans(extractor.extract(text).mentions()));
  }

  /** CoreNLP's default pipeline, the baseline. */
  public static NerSystem of(String name, CoreNlpDefaultPipeline pipeline) {
    return new NerSystem(name, pipeline::find);
  }

  /**
   * The baseline as CoreNLP gives it, and the same output without the pronouns ("he", "his") that
   * CoreNLP's entity mentions include as people for coreference; the second reuses the first's
   * answers, so it must run after it on the same texts (its time means nothing).
   */
  public static List<NerSystem> baselines(CoreNlpDefaultPipeline pipeline) {
    java.util.Map<String, List<TypedSpan>> answers = new java.util.concurrent.ConcurrentHashMap<>();
    NerSystem asIs =
        new NerSystem(
            "corenlp-default",
            text -> {
              List<TypedSpan> found = pipeline.find(text);
              answers.put(text, found);
              return found;
            });
    NerSystem names =
        new NerSystem(
            "corenlp-no-pron",
            text ->
                answers.computeIfAbsent(text, pipeline::find).stream()
                    .filter(s -> !PRONOUN.matcher(text.substring(s.start(), s.end())).matches())
                    .toList());
    return List.of(asIs, names);
  }

  private static final java.util.regex.Pattern PRONOUN =
      java.util.regex.Pattern.compile(
          "(?i)he|him|his|himself|she|her|hers|herself|they|them|their|theirs|it|its|we|us|our"
              + "|i|me|my|you|your");

  static List<TypedSpan> spans(List<Mention> mentions) {
    return mentions.stream()
        .flatMap(m -> type(m).map(t -> new TypedSpan(t, m.start(), m.end())).stream())
        .toList();
  }

  private static Optional<EntityType> type(Mention m) {
    return switch (m.type()) {
      case PERSON -> Optional.of(EntityType.PERSON);
      case ORGANIZATION -> Optional.of(EntityType.ORGANISATION);
      case LOCATION -> Optional.of(EntityType.LOCATION);
      case MISC -> Optional.empty();
    };
  }
}
