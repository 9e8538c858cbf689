/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.lists;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vigil.model.InvalidValueException;
import org.vigil.model.PartialDate;
import org.vigil.model.Schema;

/**
 * FollowTheMoney entities as JSON lines ({"id", "schema", "properties": {"name": [...], ...}}), as
 * OpenSanctions and Aleph export them. Entities of the schemata that can be designated are read;
 * others (sanctions, addresses, links) are skipped.
 */
public final class FtmJsonLinesReader implements SanctionsListReader {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<Schema> DESIGNATABLE =
      Set.of(
          Schema.PERSON,
          Schema.ORGANIZATION,
          Schema.COMPANY,
          Schema.PUBLIC_BODY,
          Schema.LEGAL_ENTITY,
          Schema.VESSEL,
          Schema.AIRPLANE);

  @Override
  public String format() {
    return "FtM JSON lines";
  }

  @Override
  public boolean accepts(Path path) throws IOException {
    if (!Files.isRegularFile(path)) {
      return false;
    }
    String head = OfacSdnJsonReader.head(path).stripLeading();
    return head.startsWith("{") && head.contains("\"schema\"") && head.contains("\"properties\"");
  }

  @Override
  public ListRelease read(Path path) throws IOException {
    String file = path.toString();
    ListFiles.Checksum checksum = new ListFiles.Checksum();
    String[] lines = checksum.text(path).split("\n");
    List<ListEntry> entries = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String where = "line " + (i + 1);
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        throw new ListFormatException(file, where, "malformed JSON: " + e.getOriginalMessage());
      }
      Optional<Schema> schema = Schema.find(node.path("schema").asText(""));
      if (schema.isEmpty()) {
        throw new ListFormatException(
            file, where, "unknown schema '" + node.path("schema").asText("") + "'");
      }
      if (!DESIGNATABLE.contains(schema.get())) {
        continue;
      }
      JsonNode props = node.path("properties");
      List<String> names = values(props, "name");
      String id = node.path("id").asText("");
      if (id.isBlank() || names.isEmpty()) {
        throw new ListFormatException(file, where, "an entity needs an id and a name");
      }
      List<Alias> aliases = new ArrayList<>();
      for (String other : names.subList(1, names.size())) {
        aliases.add(Alias.of(other, false));
      }
      for (String alias : values(props, "alias")) {
        aliases.add(Alias.of(alias, false));
      }
      for (String alias : values(props, "previousName")) {
        aliases.add(Alias.of(alias, false));
      }
      for (String alias : values(props, "weakAlias")) {
        aliases.add(Alias.of(alias, true));
      }
      List<PartialDate> births = new ArrayList<>();
      LinkedHashSet<String> countries = new LinkedHashSet<>();
      try {
        for (String date : values(props, "birthDate")) {
          births.add(PartialDate.parse(date));
        }
      } catch (InvalidValueException e) {
        throw new ListFormatException(file, where + " birthDate", e.getMessage());
      }
      for (String property : List.of("nationality", "citizenship", "country", "jurisdiction")) {
        for (String country : values(props, property)) {
          Countries.code(country).ifPresent(countries::add);
        }
      }
      List<String> programs = values(props, "program");
      entries.add(
          new ListEntry(
              id,
              schema.get(),
              names.get(0),
              aliases,
              births,
              List.copyOf(countries),
              programs,
              Optional.empty(),
              "FtM",
              values(props, "notes")));
    }
    String dataset = path.getFileName().toString().replaceFirst("\\.(jsonl|ftm\\.json|json)$", "");
    return new ListRelease(dataset, Optional.empty(), checksum.hex(), entries);
  }

  private static List<String> values(JsonNode props, String property) {
    List<String> out = new ArrayList<>();
    for (JsonNode value : props.path(property)) {
      if (!value.asText().isBlank()) {
        out.add(value.asText().strip());
      }
    }
    return out;
  }
}
