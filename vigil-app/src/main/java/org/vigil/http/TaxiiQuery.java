/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.vigil.model.InvalidValueException;
import org.vigil.stix.StixBundleReader;
import org.vigil.stix.StixIds;
import org.vigil.stix.StixSchemas;
import org.vigil.stix.StixTime;
import org.vigil.store.TaxiiRepository.Cursor;
import org.vigil.store.TaxiiRepository.Filter;
import org.vigil.store.TaxiiRepository.NewObject;

/** Reads TAXII 2.1's query parameters and the objects of an add request. */
final class TaxiiQuery {
  private static final int MAX_VALUES = 100;
  private static final int MAX_OBJECT_BYTES = 4 * 1024 * 1024;

  private TaxiiQuery() {}

  /**
   * The match filters and {@code added_after}; {@code ids} (from the path) are added to {@code
   * match[id]}, and {@code defaultVersion} applies without {@code match[version]}.
   */
  static Filter filter(Context ctx, List<String> ids, String defaultVersion) {
    List<String> allIds = new ArrayList<>(values(ctx, "match[id]"));
    if (!ids.isEmpty()) {
      if (!allIds.isEmpty() && !allIds.containsAll(ids)) {
        allIds = List.of("(none)");
      } else {
        allIds = ids;
      }
    }
    List<String> versionValues = values(ctx, "match[version]");
    if (versionValues.isEmpty()) {
      versionValues = List.of(defaultVersion);
    }
    boolean first = false;
    boolean last = false;
    boolean all = false;
    List<Long> exact = new ArrayList<>();
    for (String v : versionValues) {
      switch (v) {
        case "first" -> first = true;
        case "last" -> last = true;
        case "all" -> all = true;
        default -> exact.add(StixTime.micros(timestamp("match[version]", v)));
      }
    }
    Optional<Long> addedAfter =
        Optional.ofNullable(ctx.queryParam("added_after"))
            .map(v -> StixTime.micros(timestamp("added_after", v)));
    return new Filter(
        allIds,
        values(ctx, "match[type]"),
        first,
        last,
        all,
        exact,
        values(ctx, "match[spec_version]"),
        addedAfter);
  }

  private static java.time.Instant timestamp(String parameter, String value) {
    try {
      return StixTime.parse(value);
    } catch (InvalidValueException e) {
      throw ApiException.badRequest(parameter + ": " + e.getMessage());
    }
  }

  private static List<String> values(Context ctx, String parameter) {
    List<String> out = new ArrayList<>();
    for (String raw : ctx.queryParams(parameter)) {
      for (String v : raw.split(",")) {
        if (!v.isBlank()) {
          out.add(v.strip());
        }
      }
    }
    if (out.size() > MAX_VALUES) {
      throw ApiException.badRequest(parameter + " names more than " + MAX_VALUES + " values");
    }
    return out;
  }

  static int limit(Context ctx, int defaultLimit, int max) {
    String raw = ctx.queryParam("limit");
    if (raw == null || raw.isBlank()) {
      return defaultLimit;
    }
    try {
      int limit = Integer.parseInt(raw.strip());
      if (limit < 1) {
        throw ApiException.badRequest("limit must be a positive number");
      }
      // TAXII lets a server answer with fewer than asked; more than max is answered with max.
      return Math.min(limit, max);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("limit is not a number");
    }
  }

  /** The cursor a {@code next} token carries. */
  static Optional<Cursor> cursor(Context ctx) {
    String next = ctx.queryParam("next");
    if (next == null || next.isBlank()) {
      return Optional.empty();
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(next), StandardCharsets.UTF_8);
      String[] parts = text.split("\\|", 3);
      if (parts.length != 3 || !StixIds.isValid(parts[2])) {
        throw ApiException.badRequest("next is not a token this server gave");
      }
      return Optional.of(new Cursor(Long.parseLong(parts[0]), parts[2], Long.parseLong(parts[1])));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("next is not a token this server gave");
    }
  }

  static String token(Cursor cursor) {
    String text = cursor.dateAddedMicros() + "|" + cursor.versionMicros() + "|" + cursor.objectId();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The version after which a versions page continues. */
  static Optional<Long> versionCursor(Context ctx) {
    String next = ctx.queryParam("next");
    if (next == null || next.isBlank()) {
      return Optional.empty();
    }
    try {
      if (!next.startsWith("v")) {
        throw new NumberFormatException(next);
      }
      return Optional.of(Long.parseLong(next.substring(1)));
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("next is not a token this server gave");
    }
  }

  /**
   * An object to add, checked: a STIX 2.1 id whose prefix is its type, spec_version 2.1, and
   * created/modified timestamps when present; its version is modified, else created, else the
   * request's time.
   *
   * @throws InvalidValueException naming what is wrong with it
   */
  static NewObject newObject(JsonNode o, long nowMicros, ObjectMapper json) {
    if (!o.isObject()) {
      throw new InvalidValueException("not a JSON object");
    }
    String id = o.path("id").asText("");
    if (!StixIds.isValid(id)) {
      throw new InvalidValueException("'id' is not a STIX identifier");
    }
    String type = o.path("type").asText("");
    if (!StixIds.typeOf(id).equals(type)) {
      throw new InvalidValueException("'type' " + type + " does not match the id");
    }
    String spec = o.path("spec_version").asText("");
    if (!spec.equals("2.1")) {
      throw new InvalidValueException("spec_version must be 2.1, not '" + spec + "'");
    }
    String versionText;
    long version;
    if (o.hasNonNull("modified") || o.hasNonNull("created")) {
      versionText =
          o.hasNonNull("modified") ? o.get("modified").asText() : o.get("created").asText();
      version = StixTime.micros(StixTime.parse(versionText));
      if (o.hasNonNull("created")) {
        StixTime.parse(o.get("created").asText());
      }
    } else {
      version = nowMicros;
      versionText = StixTime.formatMicros(StixTime.ofMicros(nowMicros));
    }
    String text = o.toString();
    if (text.length() > MAX_OBJECT_BYTES) {
      throw new InvalidValueException("the object is larger than " + MAX_OBJECT_BYTES + " bytes");
    }
    if (StixBundleReader.deeperThan(o, StixBundleReader.MAX_OBJECT_DEPTH)) {
      throw new InvalidValueException(
          "nested more than " + StixBundleReader.MAX_OBJECT_DEPTH + " levels deep");
    }
    Optional<String> schema = StixSchemas.problem(o);
    if (schema.isPresent()) {
      throw new InvalidValueException(schema.get());
    }
    return new NewObject(id, version, versionText, type, spec, text);
  }
}
