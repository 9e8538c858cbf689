/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.sharing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditEvent;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Marking;
import org.vigil.model.PropertyType;
import org.vigil.model.Reliability;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Statement;
import org.vigil.model.StatementBatch;
import org.vigil.model.Tlp;
import org.vigil.store.Store;

/**
 * The front door of FollowTheMoney imports, the reverse of {@link FtmExport}: a file of FtM JSON
 * lines (id, schema, properties; optionally first_seen, last_seen and marking as Vigil writes them)
 * becomes one source of the importing organisation, each property value one statement on the entity
 * of the line's id, references kept as the ids they name. The file is streamed, never held whole: a
 * first pass finds the source's level, the second writes batches of {@value #BATCH} statements, all
 * of them in one transaction with its audit row (nothing half written). A line that cannot be read
 * (malformed JSON, no id, a schema Vigil does not know, TLP:RED, an edge without its ends) is
 * skipped whole, and a value that cannot be read (a property the schema lacks, a bad date or
 * country) is skipped alone; each with its line number and reason. The source and statement ids
 * follow from the organisation, the file's name and the content, so importing the same file again
 * writes the same statements. Thread-safe; the caller owns the store.
 */
public final class FtmImport {
  /** The largest file read, in bytes. */
  public static final long MAX_BYTES = 1024L * 1024 * 1024;

  /** The longest line read, in characters; a longer one is skipped. */
  public static final int MAX_LINE = 4 * 1024 * 1024;

  static final String EXTRACTOR = "ftm-import";

  private final Store store;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  public FtmImport(Store store, Clock clock) {
    this.store = requireNonNull(store, "store");
    this.clock = requireNonNull(clock, "clock");
  }

  /** A line, or one value of it, that was not imported, and why. */
  public record Skipped(int line, String what, String reason) {
    public Skipped {
      requireNonNull(what, "what");
      requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
      return "line " + line + " (" + what + "): " + reason;
    }
  }

  /**
   * What an import did.
   *
   * @param lines the non-blank lines read
   * @param entities the lines imported (whole or in part)
   */
  public record Outcome(
      String sourceId, int lines, int entities, int statements, List<Skipped> skipped) {
    public Outcome {
      requireNonNull(sourceId, "sourceId");
      skipped = List.copyOf(skipped);
    }
  }

  /**
   * Imports {@code file} for {@code ownerOrg}. {@code marking} is the level of lines that name none
   * (AMBER when empty) and the least level of those that do: it can raise a line's marking, never
   * lower it.
   *
   * @throws InvalidValueException when the organisation does not exist, the file cannot be read, or
   *     {@code marking} is RED; nothing is written then
   */
  public Outcome importFile(Path file, String ownerOrg, Optional<Tlp> marking, String actor) {
    store
        .accounts()
        .organization(ownerOrg)
        .orElseThrow(() -> new InvalidValueException("no organisation '" + ownerOrg + "'"));
    if (marking.equals(Optional.of(Tlp.RED))) {
      throw new InvalidValueException("FtM lines cannot be imported as RED: RED names its readers");
    }
    String name = file.getFileName().toString();
    String sourceId = sourceId(ownerOrg, name);
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new InvalidValueException(file + " is larger than " + MAX_BYTES + " bytes");
      }
    } catch (IOException e) {
      throw new InvalidValueException(file + " could not be read");
    }
    // The source is written before its statements and is marked with their least level, so a first
    // pass finds that level; the second writes batch by batch. Neither holds the file or more than
    // one batch of statements in memory.
    Tally first = read(file, sourceId, ownerOrg, marking, batch -> {});
    Tlp sourceLevel = first.statements == 0 ? marking.orElse(Tlp.AMBER) : first.lowest;
    Source source =
        new Source(
            sourceId,
            SourceKind.DOCUMENT,
            "FtM import " + name,
            Reliability.F,
            Marking.of(sourceLevel, ownerOrg),
            Optional.empty(),
            Optional.empty(),
            clock.instant());
    Tally tally =
        store.audited(
            () -> {
              Tally t =
                  read(file, sourceId, ownerOrg, marking, b -> store.statements().write(source, b));
              if (t.statements == 0) {
                store.statements().write(source, List.of());
              }
              return t;
            },
            t ->
                new AuditEvent(
                    actor,
                    AuditAction.WRITE,
                    sourceId,
                    "imported FtM lines "
                        + name
                        + ": "
                        + t.entities
                        + " entities, "
                        + t.statements
                        + " statements, "
                        + t.skipped.size()
                        + " skipped",
                    actor,
                    clock.instant()));
    return new Outcome(sourceId, tally.lines, tally.entities, tally.statements, tally.skipped);
  }

  /** The statements written in one batch at most; a line's statements are never split. */
  static final int BATCH = 10_000;

  /** What a pass over the file read. */
  private static final class Tally {
    final List<Skipped> skipped = new ArrayList<>();
    int lines;
    int entities;
    int statements;
    Tlp lowest = Tlp.RED;
  }

  /** Reads the file line by line, handing {@code sink} batches of about {@link #BATCH}. */
  private Tally read(
      Path file,
      String sourceId,
      String ownerOrg,
      Optional<Tlp> marking,
      java.util.function.Consumer<List<Statement>> sink) {
    Tally tally = new Tally();
    Map<String, Schema> schemata = new HashMap<>();
    List<Statement> batch = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int number = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        tally.lines++;
        Optional<List<Statement>> read =
            line(line, number, sourceId, ownerOrg, marking, schemata, tally.skipped);
        if (read.isPresent()) {
          tally.entities++;
          tally.statements += read.get().size();
          batch.addAll(read.get());
          for (Statement s : read.get()) {
            tally.lowest =
                s.marking().tlp().compareTo(tally.lowest) < 0 ? s.marking().tlp() : tally.lowest;
          }
          if (batch.size() >= BATCH) {
            sink.accept(List.copyOf(batch));
            batch.clear();
          }
        }
      }
    } catch (IOException e) {
      throw new InvalidValueException(file + " could not be read");
    }
    if (!batch.isEmpty()) {
      sink.accept(List.copyOf(batch));
    }
    return tally;
  }

  /**
   * The statements of one line, or empty when the line is skipped whole; values that cannot be read
   * are added to {@code skipped} and left out.
   */
  private Optional<List<Statement>> line(
      String text,
      int number,
      String sourceId,
      String ownerOrg,
      Optional<Tlp> least,
      Map<String, Schema> schemata,
      List<Skipped> skipped) {
    if (text.length() > MAX_LINE) {
      skipped.add(new Skipped(number, "line", "longer than " + MAX_LINE + " characters"));
      return Optional.empty();
    }
    JsonNode entity;
    try {
      entity = json.readTree(text);
    } catch (JsonProcessingException e) {
      skipped.add(
          new Skipped(number, "line", "malformed JSON at column " + e.getLocation().getColumnNr()));
      return Optional.empty();
    }
    if (!entity.isObject()) {
      skipped.add(new Skipped(number, "line", "not a JSON object"));
      return Optional.empty();
    }
    String id = entity.path("id").asText("");
    if (!entity.path("id").isTextual() || id.isBlank()) {
      skipped.add(new Skipped(number, "line", "no id"));
      return Optional.empty();
    }
    String what = bounded(id);
    if (!PropertyType.isEntityId(id)) {
      skipped.add(new Skipped(number, what, "not a valid entity id"));
      return Optional.empty();
    }
    String schemaName = entity.path("schema").asText("");
    Optional<Schema> found = Schema.find(schemaName);
    if (found.isEmpty()) {
      skipped.add(new Skipped(number, what, "unknown schema '" + bounded(schemaName) + "'"));
      return Optional.empty();
    }
    Schema schema = found.get();
    Schema earlier = schemata.get(id);
    if (earlier != null && !earlier.isA(schema.ftmName()) && !schema.isA(earlier.ftmName())) {
      skipped.add(
          new Skipped(
              number,
              what,
              "is " + schema.ftmName() + " here and " + earlier.ftmName() + " on an earlier line"));
      return Optional.empty();
    }
    Optional<Instant[]> seen = seen(entity);
    if (seen.isEmpty()) {
      skipped.add(
          new Skipped(number, what, "first_seen or last_seen is not an instant, or out of order"));
      return Optional.empty();
    }
    Tlp level = least.orElse(Tlp.AMBER);
    if (entity.hasNonNull("marking")) {
      Tlp given;
      try {
        given = Tlp.parse(entity.path("marking").asText(""));
      } catch (InvalidValueException e) {
        skipped.add(new Skipped(number, what, e.getMessage()));
        return Optional.empty();
      }
      if (given == Tlp.RED) {
        skipped.add(new Skipped(number, what, "TLP:RED names its readers and is not imported"));
        return Optional.empty();
      }
      level = least.isPresent() && least.get().compareTo(given) > 0 ? least.get() : given;
    }
    Marking marking = Marking.of(level, ownerOrg);
    JsonNode properties = entity.path("properties");
    if (!properties.isObject()) {
      skipped.add(new Skipped(number, what, "properties is not an object"));
      return Optional.empty();
    }
    List<Statement> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> p : properties.properties()) {
      String property = p.getKey();
      if (schema.property(property).isEmpty()) {
        skipped.add(
            new Skipped(
                number,
                what,
                "'" + bounded(property) + "' is not a property of " + schema.ftmName()));
        continue;
      }
      JsonNode values =
          p.getValue().isArray() ? p.getValue() : json.createArrayNode().add(p.getValue());
      for (JsonNode v : values) {
        if (!v.isTextual()) {
          skipped.add(new Skipped(number, what, property + ": a value is not a string"));
          continue;
        }
        try {
          out.add(
              new Statement(
                  null,
                  id,
                  schema,
                  property,
                  v.asText(),
                  sourceId,
                  Optional.empty(),
                  EXTRACTOR,
                  1.0,
                  Optional.empty(),
                  marking,
                  seen.get()[0],
                  seen.get()[1]));
        } catch (InvalidValueException e) {
          // The message names the schema, the property and the value.
          skipped.add(new Skipped(number, what, e.getMessage()));
        }
      }
    }
    if (out.isEmpty()) {
      skipped.add(new Skipped(number, what, "no property value to import"));
      return Optional.empty();
    }
    List<String> problems = StatementBatch.problems(out);
    if (!problems.isEmpty()) {
      skipped.add(new Skipped(number, what, String.join("; ", problems)));
      return Optional.empty();
    }
    schemata.putIfAbsent(id, schema);
    return Optional.of(out);
  }

  /** first_seen and last_seen, when given; now for those not given. */
  private Optional<Instant[]> seen(JsonNode entity) {
    Instant now = clock.instant();
    try {
      Instant first =
          entity.hasNonNull("first_seen") ? Instant.parse(entity.path("first_seen").asText()) : now;
      Instant last =
          entity.hasNonNull("last_seen") ? Instant.parse(entity.path("last_seen").asText()) : first;
      if (last.isBefore(first)) {
        return Optional.empty();
      }
      return Optional.of(new Instant[] {first, last});
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The source of a file: the same organisation and file name give the same source. */
  static String sourceId(String ownerOrg, String fileName) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest((ownerOrg + "\u001f" + fileName).getBytes(StandardCharsets.UTF_8));
      return "ftm-" + HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Text from the file, echoed in a reason: bounded, without control characters. */
  private static String bounded(String text) {
    String cut = text.length() > 80 ? text.substring(0, 80) + "…" : text;
    return cut.replaceAll("\\p{Cntrl}", " ");
  }
}
