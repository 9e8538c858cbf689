/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.watchlists;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What Vigil recorded about a loaded release, kept as {@code manifest.json} beside its files.
 *
 * @param dataset the list's name, such as "OFAC SDN"
 * @param datasetKey the dataset's folder name under {@code DATA/lists}, such as "ofac-sdn"
 * @param releaseId the release's folder name: publication date (or "undated") and checksum prefix
 * @param format the short name of the format it was read as (see {@link ListFormats})
 * @param published the publication date the files give, if any
 * @param sha256 the checksum over the files read, as the list reader computed it
 * @param entries how many entries were read
 * @param loadedAt when it was loaded
 * @param path the file or folder to read, relative to the release folder
 */
public record ReleaseManifest(
    String dataset,
    String datasetKey,
    String releaseId,
    String format,
    Optional<LocalDate> published,
    String sha256,
    int entries,
    Instant loadedAt,
    String path) {

  public ReleaseManifest {
    requireNonNull(dataset, "dataset");
    requireNonNull(datasetKey, "datasetKey");
    requireNonNull(releaseId, "releaseId");
    requireNonNull(format, "format");
    requireNonNull(published, "published");
    requireNonNull(sha256, "sha256");
    requireNonNull(loadedAt, "loadedAt");
    requireNonNull(path, "path");
  }

  /** "ofac-sdn/2026-08-20-1a2b3c4d5e6f": how commands name a release. */
  public String reference() {
    return datasetKey + "/" + releaseId;
  }

  ObjectNode toJson(ObjectMapper mapper) {
    ObjectNode node = mapper.createObjectNode();
    node.put("dataset", dataset);
    node.put("datasetKey", datasetKey);
    node.put("releaseId", releaseId);
    node.put("format", format);
    published.ifPresentOrElse(
        p -> node.put("published", p.toString()), () -> node.putNull("published"));
    node.put("sha256", sha256);
    node.put("entries", entries);
    node.put("loadedAt", loadedAt.toString());
    node.put("path", path);
    return node;
  }

  /**
   * @throws IllegalArgumentException naming the field when the manifest is incomplete
   */
  static ReleaseManifest fromJson(JsonNode node) {
    try {
      String published = node.path("published").asText("");
      return new ReleaseManifest(
          required(node, "dataset"),
          required(node, "datasetKey"),
          required(node, "releaseId"),
          required(node, "format"),
          published.isEmpty() || node.path("published").isNull()
              ? Optional.empty()
              : Optional.of(LocalDate.parse(published)),
          required(node, "sha256"),
          node.path("entries").asInt(),
          Instant.parse(required(node, "loadedAt")),
          required(node, "path"));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("a date in the manifest is malformed: " + e.getMessage());
    }
  }

  private static String required(JsonNode node, String field) {
    String value = node.path(field).asText("");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("the manifest has no " + field);
    }
    return value;
  }
}
