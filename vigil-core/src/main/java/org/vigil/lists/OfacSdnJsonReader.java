/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.lists;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SDN JSON digest (an object with "published" and "entries", each entry with uid, name, type,
 * programs and alternateNames), as republished daily from OFAC's SDN.CSV and ALT.CSV. It holds no
 * remarks, so no birth dates or nationalities.
 */
public final class OfacSdnJsonReader implements SanctionsListReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String format() {
    return "OFAC SDN JSON digest";
  }

  @Override
  public boolean accepts(Path path) throws IOException {
    Path file = file(path);
    if (!Files.isRegularFile(file) || !file.toString().endsWith(".json")) {
      return false;
    }
    String head = head(file);
    return head.contains("\"entries\"") || head.contains("SDN");
  }

  @Override
  public ListRelease read(Path path) throws IOException {
    Path file = file(path);
    ListFiles.Checksum checksum = new ListFiles.Checksum();
    byte[] bytes = checksum.read(file);
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new ListFormatException(
          file.toString(),
          "line " + e.getLocation().getLineNr(),
          "malformed JSON: " + e.getOriginalMessage(),
          e);
    }
    JsonNode entries = root == null ? null : root.get("entries");
    if (entries == null || !entries.isArray()) {
      throw new ListFormatException(file.toString(), "", "no \"entries\" array");
    }
    List<ListEntry> out = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      JsonNode e = entries.get(i);
      String where = "entries[" + i + "]";
      if (!e.hasNonNull("uid") || !e.hasNonNull("name") || e.get("name").asText().isBlank()) {
        throw new ListFormatException(file.toString(), where, "an entry needs a uid and a name");
      }
      List<Alias> aliases = new ArrayList<>();
      for (JsonNode alias : e.path("alternateNames")) {
        if (!alias.asText().isBlank()) {
          aliases.add(Alias.of(alias.asText(), false));
        }
      }
      List<String> programs = new ArrayList<>();
      for (JsonNode program : e.path("programs")) {
        programs.add(program.asText());
      }
      out.add(
          new ListEntry(
              e.get("uid").asText(),
              OfacLegacyCsvReader.schema(e.path("type").asText("")),
              e.get("name").asText().strip(),
              aliases,
              List.of(),
              List.of(),
              programs,
              Optional.empty(),
              "OFAC",
              List.of()));
    }
    return new ListRelease("OFAC SDN", published(root), checksum.hex(), out);
  }

  private static Optional<LocalDate> published(JsonNode root) {
    String text = root.path("published").asText("");
    try {
      return text.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Path file(Path path) {
    return Files.isDirectory(path) ? path.resolve("ofac-sdn.json") : path;
  }

  static String head(Path file) throws IOException {
    byte[] buffer = new byte[4096];
    try (var in = Files.newInputStream(file)) {
      int n = in.readNBytes(buffer, 0, buffer.length);
      return new String(buffer, 0, Math.max(0, n), StandardCharsets.UTF_8);
    }
  }
}
