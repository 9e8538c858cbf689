/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.resolve.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Schema;
import org.vigil.resolve.RecordKind;
import org.vigil.resolve.RecordPair;
import org.vigil.resolve.ResolutionRecord;
import org.vigil.resolve.ResolutionResult;
import org.vigil.resolve.Resolver;

/**
 * Resolution on MISP's threat-actor galaxy ({@code clusters/threat-actor.json}): each actor becomes
 * two records, as two catalogues would list it: one with its name and the synonyms at even places,
 * one with its name and the synonyms at odd places, each with the actor's country when MISP gives
 * one. The gold pairs the two records of each actor. Names that MISP gives to more than one actor
 * are the trap: a merge on such a name alone joins two different actors.
 *
 * <p>The same records are also clustered by a baseline that merges any two records sharing a name
 * (after case folding), so the figures say what the resolver's rules are worth.
 */
public final class GalaxyEvaluation {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The figures of one run. */
  public record Result(
      int actors,
      int records,
      int sharedNames,
      int sharedNamesInWrongMerges,
      PairwiseScore resolver,
      PairwiseScore baseline,
      int queued,
      long millis,
      List<String> wrongMerges) {
    public Result {
      wrongMerges = List.copyOf(wrongMerges);
    }
  }

  private GalaxyEvaluation() {}

  /** Reads the galaxy's cluster file and evaluates. */
  public static Result run(Path threatActorJson) throws IOException {
    JsonNode root;
    try (InputStream in = Files.newInputStream(threatActorJson)) {
      root = JSON.readTree(in);
    }
    JsonNode values = root.path("values");
    if (!values.isArray() || values.isEmpty()) {
      throw new InvalidValueException(threatActorJson + " has no threat actors under \"values\"");
    }
    List<ResolutionRecord> records = new ArrayList<>();
    List<List<String>> gold = new ArrayList<>();
    Map<String, Set<String>> actorsByName = new HashMap<>();
    Map<String, String> actorOf = new HashMap<>();
    int actors = 0;
    for (JsonNode actor : values) {
      String value = actor.path("value").asText("").strip();
      String uuid = actor.path("uuid").asText("actor-" + actors);
      if (value.isEmpty()) {
        continue;
      }
      actors++;
      List<String> synonyms = new ArrayList<>();
      for (JsonNode s : actor.path("meta").path("synonyms")) {
        String name = s.asText("").strip();
        if (!name.isEmpty() && !name.equalsIgnoreCase(value)) {
          synonyms.add(name);
        }
      }
      Set<String> all = new LinkedHashSet<>();
      all.add(value);
      all.addAll(synonyms);
      for (String name : all) {
        actorsByName.computeIfAbsent(fold(name), k -> new HashSet<>()).add(uuid);
      }
      List<String> countries =
          Optional.ofNullable(actor.path("meta").get("country"))
              .filter(JsonNode::isTextual)
              .map(c -> List.of(c.asText().toLowerCase(Locale.ROOT)))
              .orElse(List.of());
      String a = "a-" + uuid;
      String b = "b-" + uuid;
      records.add(record(a, "catalogue-a", value, synonyms, 0, countries));
      records.add(record(b, "catalogue-b", value, synonyms, 1, countries));
      actorOf.put(a, value);
      actorOf.put(b, value);
      gold.add(List.of(a, b));
    }
    Set<String> shared = new HashSet<>();
    actorsByName.forEach(
        (name, owners) -> {
          if (owners.size() > 1) {
            shared.add(name);
          }
        });
    long started = System.nanoTime();
    ResolutionResult result = new Resolver().resolve(records);
    long millis = (System.nanoTime() - started) / 1_000_000;
    PairwiseScore score = PairwiseScore.of(result.clusters(), gold);
    Set<RecordPair> goldPairs = PairwiseScore.pairs(gold);
    Map<String, ResolutionRecord> byId = new HashMap<>();
    records.forEach(r -> byId.put(r.id(), r));
    List<String> wrong = new ArrayList<>();
    Set<String> sharedInWrong = new HashSet<>();
    for (RecordPair pair : PairwiseScore.pairs(result.clusters())) {
      if (!goldPairs.contains(pair)) {
        wrong.add(actorOf.get(pair.left()) + " + " + actorOf.get(pair.right()));
        for (String n : byId.get(pair.left()).names()) {
          for (String m : byId.get(pair.right()).names()) {
            if (fold(n).equals(fold(m)) && shared.contains(fold(n))) {
              sharedInWrong.add(fold(n));
            }
          }
        }
      }
    }
    return new Result(
        actors,
        records.size(),
        shared.size(),
        sharedInWrong.size(),
        score,
        PairwiseScore.of(baseline(records), gold),
        result.review().size(),
        millis,
        wrong.stream().sorted().toList());
  }

  private static ResolutionRecord record(
      String id,
      String catalogue,
      String value,
      List<String> synonyms,
      int parity,
      List<String> countries) {
    List<String> names = new ArrayList<>();
    names.add(value);
    for (int i = parity; i < synonyms.size(); i += 2) {
      names.add(synonyms.get(i));
    }
    return new ResolutionRecord(
        id,
        Schema.ORGANIZATION,
        names,
        RecordKind.LIST,
        Optional.of(catalogue),
        Set.of(),
        Set.of(),
        List.of(),
        countries,
        names.size(),
        0,
        0.0);
  }

  /** Merges any two records that share a name after case folding (union-find). */
  static List<List<String>> baseline(List<ResolutionRecord> records) {
    Map<String, String> parent = new HashMap<>();
    Map<String, String> firstWithName = new HashMap<>();
    for (ResolutionRecord r : records) {
      parent.put(r.id(), r.id());
      for (String name : r.names()) {
        String other = firstWithName.putIfAbsent(fold(name), r.id());
        if (other != null) {
          String x = find(parent, other);
          String y = find(parent, r.id());
          if (!x.equals(y)) {
            parent.put(x, y);
          }
        }
      }
    }
    Map<String, List<String>> clusters = new TreeMap<>();
    for (ResolutionRecord r : records) {
      clusters.computeIfAbsent(find(parent, r.id()), k -> new ArrayList<>()).add(r.id());
    }
    return clusters.values().stream().filter(c -> c.size() > 1).toList();
  }

  private static String find(Map<String, String> parent, String id) {
    String root = id;
    while (!parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    return root;
  }

  private static String fold(String name) {
    return name.toLowerCase(Locale.ROOT).strip();
  }
}
