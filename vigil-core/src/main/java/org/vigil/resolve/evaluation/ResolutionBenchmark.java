/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.resolve.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.vigil.model.Schema;
import org.vigil.resolve.RecordKind;
import org.vigil.resolve.ResolutionRecord;
import org.vigil.resolve.ResolutionResult;
import org.vigil.resolve.Resolver;

/**
 * A seeded synthetic bench: mentions of people and organisations as reports write them (the full
 * name, a misspelt one, a transliteration variant, an initial for the first name, an organisation's
 * acronym), spread over documents and linked to a few other entities, resolved several times. The
 * truth is known, so the bench reports pairwise quality as well as time.
 */
public final class ResolutionBenchmark {
  private static final String[] ONSETS = {
    "b", "d", "f", "g", "h", "j", "k", "kh", "l", "m", "n", "r", "s", "sh", "t", "v", "z", "gh", "q"
  };
  private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ou", "ee", "ai"};
  private static final String[] ORG_KINDS = {
    "Brigade", "Company", "Network", "Foundation", "Battalion", "Group", "Ministry", "Council"
  };
  private static final int MENTIONS_PER_DOCUMENT = 25;

  /** The figures of one bench. */
  public record Result(
      int mentions,
      int entities,
      int runs,
      long medianMillis,
      long[] millis,
      long medianCpuMillis,
      int pairsScored,
      int merges,
      int queued,
      PairwiseScore quality) {
    public Result {
      millis = millis.clone();
    }

    public String describe() {
      return String.format(
          Locale.ROOT,
          "%d mentions of %d entities: median %d ms over %d runs %s (thread CPU time: median %d"
              + " ms); %d pairs scored, %d merges, %d queued; pairwise precision %.3f, recall"
              + " %.3f, F1 %.3f",
          mentions,
          entities,
          medianMillis,
          runs,
          Arrays.toString(millis),
          medianCpuMillis,
          pairsScored,
          merges,
          queued,
          quality.precision(),
          quality.recall(),
          quality.f1());
    }
  }

  private ResolutionBenchmark() {}

  /** Generates {@code mentions} mentions (seeded) and resolves them {@code runs} times. */
  public static Result run(int mentions, int runs, long seed) {
    if (mentions < 2 || runs < 1) {
      throw new IllegalArgumentException("a bench needs 2 or more mentions and 1 or more runs");
    }
    Random random = new Random(seed);
    int entities = Math.max(1, mentions / 3);
    List<String> names = new ArrayList<>();
    List<Schema> schemata = new ArrayList<>();
    Set<String> used = new LinkedHashSet<>();
    String[] firstNames = pool(random, 300, 2);
    String[] surnames = pool(random, 3_000, 3);
    while (names.size() < entities) {
      boolean person = random.nextDouble() < 0.7;
      String name =
          person
              ? firstNames[random.nextInt(firstNames.length)]
                  + " "
                  + surnames[random.nextInt(surnames.length)]
              : surnames[random.nextInt(surnames.length)]
                  + " "
                  + surnames[random.nextInt(surnames.length)]
                  + " "
                  + ORG_KINDS[random.nextInt(ORG_KINDS.length)];
      if (used.add(name)) {
        names.add(name);
        schemata.add(person ? Schema.PERSON : Schema.ORGANIZATION);
      }
    }
    List<ResolutionRecord> records = new ArrayList<>(mentions);
    Map<Integer, List<String>> truth = new HashMap<>();
    for (int m = 0; m < mentions; m++) {
      int e = m < entities ? m : random.nextInt(entities);
      String id = String.format(Locale.ROOT, "m-%06d", m);
      String doc = "doc-" + random.nextInt(Math.max(1, mentions / MENTIONS_PER_DOCUMENT));
      Set<String> context = new LinkedHashSet<>();
      if (random.nextBoolean()) {
        context.add("e-" + ((e * 7 + 1) % entities));
      }
      records.add(
          new ResolutionRecord(
              id,
              schemata.get(e),
              List.of(variant(random, names.get(e), schemata.get(e))),
              RecordKind.REPORTING,
              Optional.empty(),
              Set.of(doc),
              context,
              List.of(),
              List.of(),
              1 + random.nextInt(10),
              random.nextInt(5),
              random.nextDouble() < 0.02 ? 1.0 : 0.0));
      truth.computeIfAbsent(e, k -> new ArrayList<>()).add(id);
    }
    long[] millis = new long[runs];
    long[] cpu = new long[runs];
    ResolutionResult result = null;
    Resolver resolver = new Resolver();
    // CPU time says what the work costs when other processes share the cores; wall time is what a
    // user waits.
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    for (int r = 0; r < runs; r++) {
      long started = System.nanoTime();
      long cpuStarted = threads.getCurrentThreadCpuTime();
      result = resolver.resolve(records);
      millis[r] = (System.nanoTime() - started) / 1_000_000;
      cpu[r] = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1_000_000;
    }
    long[] sorted = millis.clone();
    Arrays.sort(sorted);
    Arrays.sort(cpu);
    return new Result(
        mentions,
        entities,
        runs,
        sorted[runs / 2],
        millis,
        cpu[runs / 2],
        result.pairsScored(),
        result.merges().size(),
        result.review().size(),
        PairwiseScore.of(result.clusters(), truth.values()));
  }

  private static String[] pool(Random random, int size, int syllables) {
    Set<String> out = new LinkedHashSet<>();
    while (out.size() < size) {
      StringBuilder word = new StringBuilder();
      int count = syllables + random.nextInt(2);
      for (int s = 0; s < count; s++) {
        word.append(ONSETS[random.nextInt(ONSETS.length)]);
        word.append(VOWELS[random.nextInt(VOWELS.length)]);
      }
      word.setCharAt(0, Character.toUpperCase(word.charAt(0)));
      out.add(word.toString());
    }
    return out.toArray(String[]::new);
  }

  /** How a report might write the name: mostly as it is, sometimes otherwise. */
  private static String variant(Random random, String name, Schema schema) {
    double roll = random.nextDouble();
    if (roll < 0.55) {
      return name;
    }
    String[] parts = name.split(" ");
    if (roll < 0.7) {
      int p = random.nextInt(parts.length);
      String part = parts[p];
      if (part.length() > 4) {
        int i = 1 + random.nextInt(part.length() - 2);
        parts[p] = part.substring(0, i) + part.substring(i + 1);
      }
      return String.join(" ", parts);
    }
    if (roll < 0.85) {
      return name.replace("ou", "u").replace("ee", "i").replace("kh", "h");
    }
    if (schema == Schema.PERSON) {
      return parts[0].charAt(0) + ". " + parts[parts.length - 1];
    }
    StringBuilder acronym = new StringBuilder();
    for (String part : parts) {
      acronym.append(Character.toUpperCase(part.charAt(0)));
    }
    return acronym.toString();
  }
}
