/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.evaluation;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.vigil.extract.Attribution;
import org.vigil.extract.Extractor;
import org.vigil.extract.Mention;
import org.vigil.extract.Stance;
import org.vigil.extract.claims.ReadAttribution;
import org.vigil.extract.relations.MentionedSentence;
import org.vigil.extract.syntax.DependencyParser;
import org.vigil.extract.syntax.ParseOutcome;

/**
 * The claims set: sentences labelled with their claimant, stance and hedge, read one at a time the
 * way ingest reads a sentence (mentions, then its parse, then its attribution), and scored on
 * claimant, stance, both and hedge. The set ships with Vigil (a resource beside this class), so the
 * evaluation needs no shared data.
 */
public final class ClaimsEvaluation {
  /** The labelled set, one JSON object per line. */
  static final String RESOURCE = "claims.jsonl";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ClaimsEvaluation() {}

  /** The labelled sentences, in the set's order. */
  public static List<LabelledClaim> labelled() {
    try (InputStream in = ClaimsEvaluation.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path");
      }
      List<LabelledClaim> out = new ArrayList<>();
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!line.isBlank()) {
          out.add(parse(JSON.readTree(line)));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  private static LabelledClaim parse(JsonNode row) {
    List<String> claimants = new ArrayList<>();
    row.path("claimant").forEach(c -> claimants.add(c.asText()));
    return new LabelledClaim(
        row.path("id").asText(),
        row.path("split").asText(),
        row.path("origin").asText(),
        row.path("text").asText(),
        claimants,
        Stance.valueOf(row.path("stance").asText().toUpperCase(Locale.ROOT)),
        row.path("hedge").asText());
  }

  /** One sentence as read: its label, the attribution found, and what of it is right. */
  public record Outcome(
      LabelledClaim gold, Attribution found, boolean claimant, boolean stance, boolean hedge) {
    public Outcome {
      requireNonNull(gold, "gold");
      requireNonNull(found, "found");
    }

    public boolean both() {
      return claimant && stance;
    }

    /** One line for a list of errors: id, label and what was found. */
    public String describe() {
      return String.format(
          Locale.ROOT,
          "%s %-8s gold %s/%s%s, found %s/%s (%s): %s",
          gold.id(),
          gold.split(),
          String.join("|", gold.claimants()),
          name(gold.stance()),
          gold.hedge().isEmpty() ? "" : " [" + gold.hedge() + "]",
          found.claimant().map(Mention::text).orElse(LabelledClaim.SOURCE),
          name(found.stance()),
          found.cue(),
          gold.text());
    }
  }

  /** Reads every labelled sentence with {@code extractor}'s mentions and {@code parser}. */
  public static List<Outcome> run(Extractor extractor, DependencyParser parser) {
    return run(labelled(), sentence -> attribution(extractor, parser, sentence));
  }

  /** Scores {@code reader}'s attribution of each sentence of {@code set}. */
  public static List<Outcome> run(List<LabelledClaim> set, Function<String, Attribution> reader) {
    List<Outcome> out = new ArrayList<>();
    for (LabelledClaim gold : set) {
      Attribution found = reader.apply(gold.text());
      boolean claimant = gold.claimantIs(found.claimant().map(Mention::text));
      boolean stance = gold.stance() == found.stance();
      out.add(new Outcome(gold, found, claimant, stance, hedgeRight(gold, found)));
    }
    return out;
  }

  /** The attribution ingest gives a sentence, read alone; the source's when it does not parse. */
  public static Attribution attribution(
      Extractor extractor, DependencyParser parser, String sentence) {
    List<Mention> mentions = extractor.extract(sentence).mentions();
    ParseOutcome parsed = parser.parse(sentence, 0);
    if (parsed instanceof ParseOutcome.Parsed p) {
      return ReadAttribution.of(new MentionedSentence(p.sentence(), mentions));
    }
    return Attribution.SOURCE;
  }

  /**
   * A hedge is found when a word of the cue's hedge is one of the labelled hedge's words, and
   * rightly absent when no word of it is a hedge. The cue's first part names the verb of saying
   * when there is a claimant ("alleged, reportedly"); it counts for a labelled hedge that is the
   * verb itself ("suspects"), and is no false hedge.
   */
  private static boolean hedgeRight(LabelledClaim gold, Attribution found) {
    List<String> parts = List.of(found.cue().toLowerCase(Locale.ROOT).split(",\\s*"));
    if (found.claimant().isPresent() && gold.hedge().isEmpty()) {
      parts = parts.subList(1, parts.size());
    }
    List<String> cue =
        Arrays.stream(String.join(" ", parts).split("\\s+")).filter(w -> !w.isEmpty()).toList();
    if (gold.hedge().isEmpty()) {
      return cue.stream().noneMatch(ReadAttribution::isHedge);
    }
    List<String> labelled = List.of(gold.hedge().toLowerCase(Locale.ROOT).split("\\s+"));
    return cue.stream().anyMatch(labelled::contains);
  }

  /** Counts over a part of the outcomes. */
  public record Tally(String part, int sentences, int claimant, int stance, int both, int hedge) {
    public static Tally of(String part, List<Outcome> outcomes, Predicate<Outcome> which) {
      List<Outcome> in = outcomes.stream().filter(which).toList();
      return new Tally(
          part,
          in.size(),
          (int) in.stream().filter(Outcome::claimant).count(),
          (int) in.stream().filter(Outcome::stance).count(),
          (int) in.stream().filter(Outcome::both).count(),
          (int) in.stream().filter(Outcome::hedge).count());
    }

    /** Both right, as a share of the sentences; 0 for none. */
    public double bothShare() {
      return sentences == 0 ? 0 : (double) both / sentences;
    }
  }

  /** The tallies of the report: per split, all sentences and the attributed ones. */
  public static List<Tally> tallies(List<Outcome> outcomes) {
    List<Tally> out = new ArrayList<>();
    for (String split : List.of("dev", "held-out")) {
      out.add(Tally.of(split, outcomes, o -> o.gold().split().equals(split)));
      out.add(
          Tally.of(
              split + ", quoted claimant",
              outcomes,
              o -> o.gold().split().equals(split) && !o.gold().bySource()));
      out.add(
          Tally.of(
              split + ", hedged or not asserted",
              outcomes,
              o ->
                  o.gold().split().equals(split)
                      && (!o.gold().hedge().isEmpty() || o.gold().stance() != Stance.ASSERTS)));
    }
    out.add(Tally.of("all", outcomes, o -> true));
    return out;
  }

  /** A plain-text table of {@code tallies}. */
  public static String render(List<Tally> tallies) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "  %-34s %9s %15s %15s %15s %15s%n",
            "part",
            "sentences",
            "claimant right",
            "stance right",
            "both right",
            "hedge right"));
    for (Tally t : tallies) {
      out.append(
          String.format(
              Locale.ROOT,
              "  %-34s %9d %15s %15s %15s %15s%n",
              t.part(),
              t.sentences(),
              share(t.claimant(), t.sentences()),
              share(t.stance(), t.sentences()),
              share(t.both(), t.sentences()),
              share(t.hedge(), t.sentences())));
    }
    return out.toString();
  }

  private static String share(int n, int of) {
    return String.format(Locale.ROOT, "%d (%.1f%%)", n, of == 0 ? 0.0 : 100.0 * n / of);
  }

  private static String name(Stance s) {
    return s.name().toLowerCase(Locale.ROOT);
  }

  /** The origins of the set's sentences and how many each gave, for the report's header. */
  public static String origins(List<LabelledClaim> set) {
    Map<String, Integer> byOrigin = new TreeMap<>();
    set.forEach(c -> byOrigin.merge(c.origin(), 1, Integer::sum));
    return byOrigin.toString();
  }
}
