/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.sharing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditEvent;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Tlp;
import org.vigil.store.Store;

/**
 * The front door of MISP imports: a feed directory (its manifest.json names the events), a
 * directory of event files, or one event file; each event becomes one source of the importing
 * organisation (see {@link MispEventMapping}), written in one transaction with its audit row. A
 * refused event or attribute is reported with its reason and the rest goes on. Thread-safe; the
 * caller owns the store.
 */
public final class MispImport {
  /** The largest event file read, in bytes. */
  public static final long MAX_BYTES = 256L * 1024 * 1024;

  private static final Set<String> TYPES = loadTypes();

  private final Store store;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  public MispImport(Store store, Clock clock) {
    this.store = requireNonNull(store, "store");
    this.clock = requireNonNull(clock, "clock");
  }

  /** One imported event. */
  public record Imported(
      String sourceId, String title, int attributes, int imported, int entities) {
    public Imported {
      requireNonNull(sourceId, "sourceId");
      requireNonNull(title, "title");
    }
  }

  /** What an import did: the events imported and everything skipped, with its reason. */
  public record Outcome(List<Imported> events, List<MispEventMapping.Skipped> skipped) {
    public Outcome {
      events = List.copyOf(events);
      skipped = List.copyOf(skipped);
    }

    public int attributes() {
      return events.stream().mapToInt(Imported::attributes).sum();
    }

    public int imported() {
      return events.stream().mapToInt(Imported::imported).sum();
    }
  }

  /** The MISP attribute types of describeTypes.json. */
  public static Set<String> attributeTypes() {
    return TYPES;
  }

  /**
   * Imports {@code path} (a feed directory, a directory of event files or one event file) for
   * {@code ownerOrg}; {@code marking} is the level when an event has no TLP tag, and the least
   * level when it has one.
   *
   * @throws InvalidValueException when the organisation does not exist or the path cannot be read;
   *     nothing is written then
   */
  public Outcome importPath(Path path, String ownerOrg, Optional<Tlp> marking, String actor) {
    store
        .accounts()
        .organization(ownerOrg)
        .orElseThrow(() -> new InvalidValueException("no organisation '" + ownerOrg + "'"));
    List<MispEventMapping.Skipped> skipped = new ArrayList<>();
    List<Path> files = files(path, skipped);
    MispEventMapping mapping = new MispEventMapping(TYPES, ownerOrg, marking);
    List<Imported> events = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      JsonNode root;
      try {
        if (Files.size(file) > MAX_BYTES) {
          skipped.add(new MispEventMapping.Skipped(name, "larger than " + MAX_BYTES + " bytes"));
          continue;
        }
        root = json.readTree(file.toFile());
      } catch (JsonProcessingException e) {
        skipped.add(
            new MispEventMapping.Skipped(
                name, "malformed JSON (line " + e.getLocation().getLineNr() + ")"));
        continue;
      } catch (IOException e) {
        skipped.add(new MispEventMapping.Skipped(name, "could not be read"));
        continue;
      }
      MispEventMapping.Mapped mapped;
      try {
        mapped = mapping.map(root, name);
      } catch (InvalidValueException e) {
        skipped.add(new MispEventMapping.Skipped(name, e.getMessage()));
        continue;
      }
      write(mapped, name, actor);
      skipped.addAll(mapped.skipped());
      events.add(
          new Imported(
              mapped.source().id(),
              mapped.source().title(),
              mapped.attributes(),
              mapped.imported(),
              mapped.entities()));
    }
    return new Outcome(events, skipped);
  }

  private void write(MispEventMapping.Mapped mapped, String name, String actor) {
    store.audited(
        () -> {
          store.statements().write(mapped.source(), mapped.statements());
          return null;
        },
        ignored ->
            new AuditEvent(
                actor,
                AuditAction.WRITE,
                mapped.source().id(),
                "imported MISP event "
                    + name
                    + ": "
                    + mapped.imported()
                    + " of "
                    + mapped.attributes()
                    + " attributes, "
                    + mapped.statements().size()
                    + " statements, "
                    + mapped.skipped().size()
                    + " skipped",
                actor,
                clock.instant()));
  }

  /** The event files under {@code path}: those a manifest names, else every *.json. */
  private static List<Path> files(Path path, List<MispEventMapping.Skipped> skipped) {
    if (!Files.exists(path)) {
      throw new InvalidValueException(path + " does not exist");
    }
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    List<Path> files = new ArrayList<>();
    Path manifest = path.resolve("manifest.json");
    try {
      if (Files.isRegularFile(manifest)) {
        JsonNode keys;
        try {
          keys = new ObjectMapper().readTree(manifest.toFile());
        } catch (JsonProcessingException e) {
          throw new InvalidValueException(
              manifest + " is malformed JSON (line " + e.getLocation().getLineNr() + ")");
        }
        for (Iterator<String> it = keys.fieldNames(); it.hasNext(); ) {
          String uuid = it.next();
          Path file = path.resolve(uuid + ".json");
          if (!uuid.matches("[0-9a-fA-F-]{36}") || !Files.isRegularFile(file)) {
            skipped.add(
                new MispEventMapping.Skipped(
                    "manifest entry " + uuid, "no event file " + uuid + ".json"));
          } else {
            files.add(file);
          }
        }
        return files;
      }
      try (DirectoryStream<Path> dir = Files.newDirectoryStream(path, "*.json")) {
        dir.forEach(files::add);
      }
    } catch (IOException e) {
      throw new InvalidValueException(path + " could not be read");
    }
    files.sort(null);
    return files;
  }

  private static Set<String> loadTypes() {
    try (InputStream in = MispImport.class.getResourceAsStream("misp-attribute-types.txt")) {
      if (in == null) {
        throw new IllegalStateException("misp-attribute-types.txt is missing from the build");
      }
      Set<String> types = new TreeSet<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          types.add(line.strip());
        }
      }
      return Set.copyOf(types);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
