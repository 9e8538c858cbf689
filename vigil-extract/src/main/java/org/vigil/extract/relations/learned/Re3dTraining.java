/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.extract.MentionType;

/**
 * Training sentences from Dstl's re3d (a source folder's documents.json, entities.json and
 * relations.json, mongoexport JSON lines): its people, organisations and places are the gold
 * mentions, its BelongsTo between a person or organisation and an organisation is MEMBER_OF and its
 * InChargeOf IN_CHARGE_OF, both taught in the sentence that holds both ends.
 *
 * <p>Only the development half is read: the documents whose id (a content hash) starts with a hex
 * digit below 8, the same halves as the evaluation's; {@code vigil eval relations} scores re3d's
 * test half, which the model never sees.
 */
public final class Re3dTraining {
  /** The source folders read, under nlp/re3d. */
  public static final List<String> SOURCES =
      List.of("CENTCOM", "UK_Government", "US_State_Department", "Wikipedia");

  /** The files of a source folder. */
  public static final List<String> FILES =
      List.of("documents.json", "entities.json", "relations.json");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A sentence ends at . ! or ? before white space; re3d's reporting has few abbreviations. */
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

  private static final Map<String, MentionType> TYPES =
      Map.of(
          "Person", MentionType.PERSON,
          "Organisation", MentionType.ORGANIZATION,
          "Location", MentionType.LOCATION);

  private static final Map<String, RelationLabel> LABELS =
      Map.of("BelongsTo", RelationLabel.MEMBER_OF, "InChargeOf", RelationLabel.IN_CHARGE_OF);

  private Re3dTraining() {}

  /** Whether the re3d document {@code id} is in the development half. */
  public static boolean development(String id) {
    return !id.isEmpty() && Character.digit(id.charAt(0), 16) < 8;
  }

  /** The development half's sentences of the source folder {@code dir}. */
  public static List<GoldSentence> read(Path dir) throws IOException {
    Map<String, String> texts = new LinkedHashMap<>();
    for (JsonNode d : lines(dir.resolve("documents.json"))) {
      String id = d.path("_id").asText();
      if (development(id)) {
        texts.put(id, d.path("text").asText());
      }
    }
    Map<String, Map<Long, MentionType>> entities = new HashMap<>();
    for (JsonNode e : lines(dir.resolve("entities.json"))) {
      MentionType type = TYPES.get(e.path("type").asText());
      int begin = e.path("begin").asInt();
      int end = e.path("end").asInt();
      if (type != null && end > begin && texts.containsKey(e.path("documentId").asText())) {
        entities
            .computeIfAbsent(e.path("documentId").asText(), k -> new HashMap<>())
            .putIfAbsent(key(begin, end), type);
      }
    }
    Map<String, List<long[]>> relations = new HashMap<>();
    for (JsonNode r : lines(dir.resolve("relations.json"))) {
      RelationLabel label = LABELS.get(r.path("type").asText());
      if (label != null) {
        relations
            .computeIfAbsent(r.path("documentId").asText(), k -> new ArrayList<>())
            .add(
                new long[] {
                  key(r.path("sourceBegin").asInt(), r.path("sourceEnd").asInt()),
                  key(r.path("targetBegin").asInt(), r.path("targetEnd").asInt()),
                  label.ordinal()
                });
      }
    }
    List<GoldSentence> out = new ArrayList<>();
    for (Map.Entry<String, String> d : texts.entrySet()) {
      out.addAll(
          sentences(
              d.getValue(),
              entities.getOrDefault(d.getKey(), Map.of()),
              relations.getOrDefault(d.getKey(), List.of())));
    }
    return out;
  }

  private static List<GoldSentence> sentences(
      String text, Map<Long, MentionType> entities, List<long[]> relations) {
    List<GoldSentence> out = new ArrayList<>();
    int from = 0;
    Matcher end = SENTENCE_END.matcher(text);
    while (from < text.length()) {
      int to = end.find() ? end.start() : text.length();
      int next = to < text.length() ? end.end() : text.length();
      sentence(text, from, to, entities, relations).ifPresent(out::add);
      from = next;
    }
    return out;
  }

  private static Optional<GoldSentence> sentence(
      String text, int from, int to, Map<Long, MentionType> entities, List<long[]> relations) {
    List<Long> inside =
        entities.keySet().stream()
            .filter(k -> (int) (k >>> 32) >= from && (int) (long) k <= to)
            .sorted()
            .toList();
    List<GoldSentence.Entity> kept = new ArrayList<>();
    Map<Long, Integer> index = new HashMap<>();
    int last = -1;
    for (long k : inside) {
      int begin = (int) (k >>> 32);
      int end = (int) k;
      if (begin >= last) {
        index.put(k, kept.size());
        kept.add(new GoldSentence.Entity(begin - from, end - from, entities.get(k)));
        last = end;
      }
    }
    if (kept.size() < 2) {
      return Optional.empty();
    }
    List<GoldSentence.Link> links = new ArrayList<>();
    for (long[] r : relations) {
      Integer h = index.get(r[0]);
      Integer t = index.get(r[1]);
      RelationLabel label = RelationLabel.values()[(int) r[2]];
      if (h != null && t != null && label.fits(kept.get(h).type(), kept.get(t).type())) {
        links.add(new GoldSentence.Link(h, t, label));
      }
    }
    return Optional.of(new GoldSentence(text.substring(from, to), kept, links, false));
  }

  private static long key(int begin, int end) {
    return ((long) begin << 32) | (end & 0xffffffffL);
  }

  private static List<JsonNode> lines(Path file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        String trimmed = line.strip();
        if (trimmed.startsWith("\uFEFF")) {
          trimmed = trimmed.substring(1);
        }
        if (!trimmed.isEmpty()) {
          out.add(JSON.readTree(trimmed));
        }
      }
    }
    return out;
  }
}
