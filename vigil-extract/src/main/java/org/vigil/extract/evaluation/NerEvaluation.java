/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.evaluation;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Named-entity quality on re3d (all four sources, and its development and test halves) and on
 * wikigold: precision, recall and F1 per type (Person, Organisation, Location), with exact and
 * overlapping spans, for each system run side by side on the same texts.
 */
public final class NerEvaluation {
  private final Path shared;

  /** An evaluation over the corpora under {@code shared} (nlp/re3d, nlp/wikigold). */
  public NerEvaluation(Path shared) {
    this.shared = requireNonNull(shared, "shared");
  }

  private Path re3d() {
    return shared.resolve("nlp").resolve("re3d");
  }

  private Path wikigold() {
    return shared.resolve("nlp").resolve("wikigold").resolve("wikigold.conll.txt");
  }

  /** Whether any corpus is there. */
  public boolean available() throws IOException {
    return !Re3dCorpus.sources(re3d()).isEmpty() || Files.isRegularFile(wikigold());
  }

  /** The scores of one system on one corpus part. */
  public record Result(
      String corpus,
      String system,
      int documents,
      long tokens,
      double seconds,
      Map<MatchMode, Map<EntityType, Counts>> counts) {
    public Result {
      Map<MatchMode, Map<EntityType, Counts>> copy = new EnumMap<>(MatchMode.class);
      counts.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
      counts = Map.copyOf(copy);
    }

    /** The counts of the three types together. */
    public Counts all(MatchMode mode) {
      return counts.get(mode).values().stream().reduce(Counts.ZERO, Counts::plus);
    }

    /** The mean of the three types' F1. */
    public double macroF1(MatchMode mode) {
      return counts.get(mode).values().stream().mapToDouble(Counts::f1).average().orElse(0);
    }
  }

  /** Every system's results, corpus by corpus. */
  public record Report(List<Result> results) {
    public Report {
      results = List.copyOf(results);
    }

    /** The result of {@code system} on {@code corpus}. */
    public Result result(String corpus, String system) {
      return results.stream()
          .filter(r -> r.corpus().equals(corpus) && r.system().equals(system))
          .findFirst()
          .orElseThrow(
              () -> new IllegalArgumentException("no result of " + system + " on " + corpus));
    }

    /** A plain-text table: per corpus, system, match mode and type. */
    public String render() {
      StringBuilder out = new StringBuilder();
      String corpus = "";
      for (Result r : results) {
        if (!r.corpus().equals(corpus)) {
          corpus = r.corpus();
          out.append(
              String.format(
                  Locale.ROOT,
                  "%n%s (%d documents, %,d tokens)%n  %-16s %-7s %-12s %6s %6s %6s %6s %6s %6s%n",
                  corpus,
                  r.documents(),
                  r.tokens(),
                  "system",
                  "match",
                  "type",
                  "gold",
                  "pred",
                  "found",
                  "P",
                  "R",
                  "F1"));
        }
        for (MatchMode mode : MatchMode.values()) {
          Map<String, Counts> rows = new LinkedHashMap<>();
          for (EntityType t : EntityType.values()) {
            rows.put(t.label(), r.counts().get(mode).get(t));
          }
          rows.put("all three", r.all(mode));
          for (Map.Entry<String, Counts> row : rows.entrySet()) {
            Counts c = row.getValue();
            out.append(
                String.format(
                    Locale.ROOT,
                    "  %-16s %-7s %-12s %6d %6d %6d %6.3f %6.3f %6.3f%n",
                    r.system(),
                    mode.name().toLowerCase(Locale.ROOT),
                    row.getKey(),
                    c.gold(),
                    c.predicted(),
                    c.matched(),
                    c.precision(),
                    c.recall(),
                    c.f1()));
          }
          out.append(
              String.format(
                  Locale.ROOT,
                  "  %-16s %-7s %-12s %41.3f%n",
                  r.system(),
                  mode.name().toLowerCase(Locale.ROOT),
                  "macro F1",
                  r.macroF1(mode)));
        }
        out.append(
            String.format(
                Locale.ROOT,
                "  %-16s %.1f s, %,.0f tokens/s%n",
                r.system(),
                r.seconds(),
                r.seconds() > 0 ? r.tokens() / r.seconds() : 0));
      }
      return out.toString();
    }
  }

  /**
   * Runs each system over every document of every corpus there. {@code progress} hears a line as
   * each corpus starts.
   */
  public Report run(List<NerSystem> systems, Consumer<String> progress) throws IOException {
    List<Result> results = new ArrayList<>();
    List<Re3dDocument> re3d = new ArrayList<>();
    for (Path source : Re3dCorpus.sources(re3d())) {
      re3d.addAll(Re3dCorpus.read(source));
    }
    if (!re3d.isEmpty()) {
      progress.accept("re3d: " + re3d.size() + " documents");
      for (NerSystem system : systems) {
        List<Scored> scored = new ArrayList<>();
        for (Re3dDocument d : re3d) {
          scored.add(score(system, d.document(), d.development()));
        }
        results.add(result("re3d", system, scored, s -> true));
        results.add(result("re3d development half", system, scored, Scored::development));
        results.add(result("re3d test half", system, scored, s -> !s.development()));
      }
    }
    if (Files.isRegularFile(wikigold())) {
      List<AnnotatedDocument> docs = WikigoldCorpus.read(wikigold());
      progress.accept("wikigold: " + docs.size() + " documents");
      for (NerSystem system : systems) {
        List<Scored> scored = new ArrayList<>();
        for (AnnotatedDocument d : docs) {
          scored.add(score(system, d, false));
        }
        results.add(result("wikigold", system, scored, s -> true));
      }
    }
    results.sort(java.util.Comparator.comparingInt(r -> corpusOrder(r.corpus())));
    return new Report(results);
  }

  private static int corpusOrder(String corpus) {
    return switch (corpus) {
      case "re3d" -> 0;
      case "re3d development half" -> 1;
      case "re3d test half" -> 2;
      default -> 3;
    };
  }

  private record Scored(
      boolean development,
      long tokens,
      long nanos,
      Map<MatchMode, Map<EntityType, Counts>> counts) {}

  private static Scored score(NerSystem system, AnnotatedDocument d, boolean development) {
    long start = System.nanoTime();
    List<TypedSpan> predicted = system.recogniser().apply(d.text());
    long nanos = System.nanoTime() - start;
    Map<MatchMode, Map<EntityType, Counts>> counts = new EnumMap<>(MatchMode.class);
    for (MatchMode mode : MatchMode.values()) {
      counts.put(mode, SpanScorer.score(d.entities(), predicted, mode));
    }
    return new Scored(development, tokens(d.text()), nanos, counts);
  }

  static long tokens(String text) {
    String stripped = text.strip();
    return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
  }

  private static Result result(
      String corpus,
      NerSystem system,
      List<Scored> scored,
      java.util.function.Predicate<Scored> which) {
    Map<MatchMode, Map<EntityType, Counts>> counts = new EnumMap<>(MatchMode.class);
    int documents = 0;
    long tokens = 0;
    long nanos = 0;
    for (MatchMode mode : MatchMode.values()) {
      Map<EntityType, Counts> byType = new EnumMap<>(EntityType.class);
      for (EntityType t : EntityType.values()) {
        byType.put(t, Counts.ZERO);
      }
      counts.put(mode, byType);
    }
    for (Scored s : scored) {
      if (!which.test(s)) {
        continue;
      }
      documents++;
      tokens += s.tokens();
      nanos += s.nanos();
      for (MatchMode mode : MatchMode.values()) {
        Map<EntityType, Counts> byType = counts.get(mode);
        s.counts().get(mode).forEach((t, c) -> byType.merge(t, c, Counts::plus));
      }
    }
    return new Result(corpus, system.name(), documents, tokens, nanos / 1e9, counts);
  }
}
