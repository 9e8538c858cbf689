/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.watchlists;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vigil.model.InvalidValueException;

/**
 * Downloads the official files of configured lists and loads them like {@code vigil lists load}: a
 * file that fails to download, has another checksum than configured, or does not parse leaves the
 * release in force alone. The sources are those of {@code DATA/lists/sources.json} when it exists,
 * else {@link #defaults()}.
 */
public final class ListUpdater {
  static final String SOURCES_FILE = "sources.json";
  private static final long MAX_BYTES = 512L * 1024 * 1024;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * A list to download.
   *
   * @param name how the user names the source, such as "ofac-sdn"
   * @param format the short format name (see {@link ListFormats})
   * @param dataset the dataset to load it under; empty for the name the list gives
   * @param files the files to download; several become one folder (OFAC's CSV set)
   */
  public record ListSource(
      String name, String format, Optional<String> dataset, List<SourceFile> files) {
    public ListSource {
      requireNonNull(name, "name");
      requireNonNull(format, "format");
      requireNonNull(dataset, "dataset");
      files = List.copyOf(files);
      if (files.isEmpty()) {
        throw new InvalidValueException("the list source " + name + " names no file");
      }
      ListFormats.reader(format);
    }
  }

  /**
   * One file of a source.
   *
   * @param url where to download it (http or https)
   * @param name the file name to save it as, which the readers recognise
   * @param sha256 the checksum it must have, when the publisher gives one
   */
  public record SourceFile(URI url, String name, Optional<String> sha256) {
    public SourceFile {
      requireNonNull(url, "url");
      requireNonNull(name, "name");
      requireNonNull(sha256, "sha256");
      String scheme = String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new InvalidValueException("a list URL must be http or https: " + url);
      }
      if (!name.matches("[A-Za-z0-9._-]+") || name.startsWith(".")) {
        throw new InvalidValueException("'" + name + "' is not a plain file name");
      }
      sha256 = sha256.map(s -> s.strip().toLowerCase(Locale.ROOT));
    }
  }

  private final ListLibrary library;
  private final ListLoader loader;
  private final HttpClient http;
  private final Duration timeout;

  public ListUpdater(ListLibrary library, ListLoader loader, Duration timeout) {
    this.library = requireNonNull(library, "library");
    this.loader = requireNonNull(loader, "loader");
    this.timeout = requireNonNull(timeout, "timeout");
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** OFAC's SDN list in its legacy CSV set, and the UN Security Council Consolidated List. */
  public static List<ListSource> defaults() {
    String ofac = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/";
    return List.of(
        new ListSource(
            "ofac-sdn",
            "ofac-csv",
            Optional.empty(),
            List.of(
                file(ofac + "SDN.CSV", "sdn.csv"),
                file(ofac + "ALT.CSV", "alt.csv"),
                file(ofac + "ADD.CSV", "add.csv"),
                file(ofac + "SDN_COMMENTS.CSV", "sdn_comments.csv"))),
        new ListSource(
            "un",
            "un-xml",
            Optional.empty(),
            List.of(
                file(
                    "https://scsanctions.un.org/resources/xml/en/consolidated.xml",
                    "consolidated.xml"))));
  }

  private static SourceFile file(String url, String name) {
    return new SourceFile(URI.create(url), name, Optional.empty());
  }

  /**
   * The sources of {@code DATA/lists/sources.json}, else the defaults. The file holds {@code
   * {"sources": [{"name", "format", "dataset"?, "files": [{"url", "name", "sha256"?}]}]}}.
   *
   * @throws InvalidValueException naming the problem when the file is malformed
   */
  public static List<ListSource> configured(ListLibrary library) throws IOException {
    Path file = library.root().resolve(SOURCES_FILE);
    if (!Files.isRegularFile(file)) {
      return defaults();
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new InvalidValueException(file + " is not valid JSON: " + e.getMessage());
    }
    JsonNode sources = root == null ? null : root.get("sources");
    if (sources == null || !sources.isArray()) {
      throw new InvalidValueException(file + " has no \"sources\" array");
    }
    List<ListSource> out = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      JsonNode s = sources.get(i);
      String where = file + ": sources[" + i + "]";
      List<SourceFile> files = new ArrayList<>();
      for (JsonNode f : s.path("files")) {
        try {
          files.add(
              new SourceFile(
                  URI.create(text(f, "url", where)),
                  text(f, "name", where),
                  Optional.ofNullable(f.get("sha256")).map(JsonNode::asText)));
        } catch (IllegalArgumentException e) {
          throw new InvalidValueException(where + ": " + e.getMessage());
        }
      }
      try {
        out.add(
            new ListSource(
                text(s, "name", where),
                text(s, "format", where),
                Optional.ofNullable(s.get("dataset"))
                    .map(JsonNode::asText)
                    .filter(d -> !d.isBlank()),
                files));
      } catch (InvalidValueException e) {
        throw new InvalidValueException(where + ": " + e.getMessage());
      }
    }
    return out;
  }

  private static String text(JsonNode node, String field, String where) {
    String value = node.path(field).asText("");
    if (value.isBlank()) {
      throw new InvalidValueException(where + " has no \"" + field + "\"");
    }
    return value;
  }

  /**
   * Downloads and loads one source. The store's search index is not rebuilt here.
   *
   * @return the outcome, named by the source; never throws for a failed download
   */
  public LoadOutcome update(ListSource source) {
    String shown = source.name();
    Path download = null;
    try {
      download = library.newStagingFolder();
      Path folder = download.resolve(source.name().replaceAll("[^A-Za-z0-9._-]", "-"));
      Files.createDirectories(folder);
      for (SourceFile file : source.files()) {
        Path target = folder.resolve(file.name());
        fetch(file.url(), target);
        if (file.sha256().isPresent()) {
          String actual = ListLoader.sha256(target);
          if (!actual.equals(file.sha256().get())) {
            return LoadOutcome.failed(
                shown,
                file.url()
                    + ": the checksum is "
                    + actual
                    + ", not the configured "
                    + file.sha256().get());
          }
        }
      }
      Path toLoad =
          source.files().size() == 1 ? folder.resolve(source.files().get(0).name()) : folder;
      LoadOutcome outcome = loader.load(toLoad, Optional.of(source.format()), source.dataset());
      return new LoadOutcome(
          shown,
          outcome.release(),
          outcome.unchanged(),
          outcome.statements(),
          outcome.error().map(e -> e.replace(folder.toString(), source.name())));
    } catch (IOException e) {
      return LoadOutcome.failed(shown, shown + ": download failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return LoadOutcome.failed(shown, shown + ": interrupted");
    } finally {
      if (download != null) {
        try {
          ListLibrary.deleteTree(download);
        } catch (IOException e) {
          // a leftover download folder is never read as a release
        }
      }
    }
  }

  private void fetch(URI url, Path target) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(url).timeout(timeout).header("User-Agent", "vigil").GET().build();
    HttpResponse<InputStream> response =
        http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = response.body()) {
      if (response.statusCode() != 200) {
        throw new IOException(url + " answered HTTP " + response.statusCode());
      }
      try (OutputStream out = Files.newOutputStream(target)) {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
          total += n;
          if (total > MAX_BYTES) {
            throw new IOException(url + " is larger than " + MAX_BYTES + " bytes");
          }
          out.write(buffer, 0, n);
        }
      }
    }
  }
}
