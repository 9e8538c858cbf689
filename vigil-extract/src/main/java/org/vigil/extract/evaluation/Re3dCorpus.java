/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.evaluation;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads Dstl's re3d corpus: one folder per source, each with documents.json, entities.json and
 * relations.json in mongoexport's JSON lines.
 */
public final class Re3dCorpus {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, EntityType> TYPES =
      Map.of(
          "Person", EntityType.PERSON,
          "Organisation", EntityType.ORGANISATION,
          "Location", EntityType.LOCATION);

  private Re3dCorpus() {}

  /** The source folders under {@code root} (nlp/re3d), in name order; empty when there is none. */
  public static List<Path> sources(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(root)) {
      return list.filter(p -> Files.isRegularFile(p.resolve("documents.json"))).sorted().toList();
    }
  }

  /** The documents of one source folder, in the file's order. */
  public static List<Re3dDocument> read(Path sourceDir) throws IOException {
    String source = sourceDir.getFileName().toString();
    Map<String, String> texts = new LinkedHashMap<>();
    for (JsonNode d : lines(sourceDir.resolve("documents.json"))) {
      texts.put(d.path("_id").asText(), d.path("text").asText());
    }
    Map<String, Set<TypedSpan>> gold = new HashMap<>();
    Map<String, Map<Long, String>> typeAt = new HashMap<>();
    for (JsonNode e : lines(sourceDir.resolve("entities.json"))) {
      String doc = e.path("documentId").asText();
      int begin = e.path("begin").asInt();
      int end = e.path("end").asInt();
      String type = e.path("type").asText();
      typeAt.computeIfAbsent(doc, k -> new HashMap<>()).putIfAbsent(key(begin, end), type);
      EntityType t = TYPES.get(type);
      if (t != null && end > begin) {
        gold.computeIfAbsent(doc, k -> new LinkedHashSet<>()).add(new TypedSpan(t, begin, end));
      }
    }
    Map<String, List<Re3dRelation>> relations = new HashMap<>();
    for (JsonNode r : lines(sourceDir.resolve("relations.json"))) {
      String doc = r.path("documentId").asText();
      Map<Long, String> types = typeAt.getOrDefault(doc, Map.of());
      Re3dRelation.End from = end(r, "source", types);
      Re3dRelation.End to = end(r, "target", types);
      relations
          .computeIfAbsent(doc, k -> new ArrayList<>())
          .add(new Re3dRelation(r.path("type").asText(), from, to));
    }
    List<Re3dDocument> out = new ArrayList<>();
    for (Map.Entry<String, String> d : texts.entrySet()) {
      List<TypedSpan> spans = new ArrayList<>(gold.getOrDefault(d.getKey(), Set.of()));
      out.add(
          new Re3dDocument(
              source,
              new AnnotatedDocument(d.getKey(), d.getValue(), spans),
              relations.getOrDefault(d.getKey(), List.of())));
    }
    return out;
  }

  private static Re3dRelation.End end(JsonNode r, String which, Map<Long, String> types) {
    int begin = r.path(which + "Begin").asInt();
    int end = r.path(which + "End").asInt();
    return new Re3dRelation.End(
        begin, end, Optional.ofNullable(types.get(key(begin, end))).orElse("unknown"));
  }

  private static long key(int begin, int end) {
    return ((long) begin << 32) | end;
  }

  private static List<JsonNode> lines(Path file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      return out;
    }
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        String trimmed = line.strip();
        if (trimmed.startsWith("\uFEFF")) {
          trimmed = trimmed.substring(1);
        }
        if (trimmed.isEmpty()) {
          continue;
        }
        try {
          out.add(JSON.readTree(trimmed));
        } catch (IOException e) {
          throw new IOException(file + " line " + number + ": not JSON: " + e.getMessage(), e);
        }
      }
    }
    return out;
  }
}
