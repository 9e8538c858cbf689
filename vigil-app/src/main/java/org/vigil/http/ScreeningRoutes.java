/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.vigil.access.Permission;
import org.vigil.audit.AuditAction;
import org.vigil.auth.Principal;
import org.vigil.lists.Countries;
import org.vigil.lists.ListFormatException;
import org.vigil.model.InvalidValueException;
import org.vigil.model.PartialDate;
import org.vigil.model.Schema;
import org.vigil.screening.Screener;
import org.vigil.screening.ScreeningMatch;
import org.vigil.screening.ScreeningQuery;
import org.vigil.screening.ScreeningResult;
import org.vigil.watchlists.ListScreening;
import org.vigil.watchlists.ReleaseManifest;

/**
 * Screening over HTTP: {@code POST /screen} answers one query or a batch against the lists in
 * force, each match with its explanation; {@code GET /lists} says which lists those are. In a
 * batch, an item that is not a valid query is answered with its error and the others are screened.
 */
public final class ScreeningRoutes {
  /** A bound on queries per request, so that one request cannot hold a thread for long. */
  public static final int MAX_QUERIES = 1_000;

  /** The default number of matches per query over HTTP. */
  static final int DEFAULT_LIMIT = 5;

  private final Supplier<Backend> backend;
  private final ListScreening screening;
  private final ObjectMapper mapper;
  private final long maxBodyBytes;

  ScreeningRoutes(
      Supplier<Backend> backend, ListScreening screening, ObjectMapper mapper, long maxBodyBytes) {
    this.backend = requireNonNull(backend, "backend");
    this.screening = requireNonNull(screening, "screening");
    this.mapper = requireNonNull(mapper, "mapper");
    this.maxBodyBytes = maxBodyBytes;
  }

  void register(Routes routes) {
    routes.post("/screen", Permission.SCREEN, this::screen);
    routes.get("/lists", Permission.READ, this::lists);
  }

  /** A list in force, as {@code GET /lists} shows it. */
  record ListJson(
      String dataset,
      String release,
      String format,
      String published,
      int entries,
      String sha256,
      String loadedAt) {}

  record ListsJson(List<ListJson> lists) {}

  record MatchJson(
      String dataset,
      String entityId,
      String name,
      String matchedName,
      String schema,
      List<String> programs,
      double score,
      double nameScore,
      String explanation,
      List<String> evidence) {}

  record QueryJson(
      String name, String schema, String birthDate, String country, int limit, double threshold) {}

  record ResultJson(QueryJson query, List<MatchJson> matches) {}

  record ItemError(String code, String message) {}

  /** One item of a batch: a result, or the error that kept it from being screened. */
  record ItemJson(int index, QueryJson query, List<MatchJson> matches, ItemError error) {}

  record BatchJson(int screened, int rejected, List<ItemJson> results) {}

  private void lists(Context ctx) {
    List<ListJson> lists = new ArrayList<>();
    for (ReleaseManifest m : built().releases()) {
      lists.add(
          new ListJson(
              m.dataset(),
              m.reference(),
              m.format(),
              m.published().map(Object::toString).orElse(null),
              m.entries(),
              m.sha256(),
              m.loadedAt().toString()));
    }
    ctx.json(new ListsJson(lists));
  }

  private void screen(Context ctx) {
    Principal who = Requests.principal(ctx);
    Backend b = backend.get();
    JsonNode body = Json.readObject(ctx, mapper, maxBodyBytes);
    JsonNode batch = body.get("queries");
    if (batch == null) {
      ScreeningQuery query = query(body, "");
      Screener screener = built().screener();
      ScreeningResult result = screener.screen(query);
      b.audit().record(ctx, who, AuditAction.SEARCH, "screening", "screen 1 queries");
      ctx.json(new ResultJson(queryJson(query), matches(result)));
      return;
    }
    if (!batch.isArray()) {
      throw ApiException.badRequest("queries must be an array of query objects");
    }
    if (batch.isEmpty()) {
      throw ApiException.badRequest("queries is empty; send at least one");
    }
    if (batch.size() > MAX_QUERIES) {
      throw ApiException.badRequest(
          "queries holds " + batch.size() + " items; the limit is " + MAX_QUERIES);
    }
    Screener screener = built().screener();
    List<ItemJson> items = new ArrayList<>();
    int rejected = 0;
    for (int i = 0; i < batch.size(); i++) {
      String path = "queries[" + i + "].";
      try {
        ScreeningQuery query = query(batch.get(i), path);
        items.add(new ItemJson(i, queryJson(query), matches(screener.screen(query)), null));
      } catch (ApiException e) {
        rejected++;
        items.add(new ItemJson(i, null, null, new ItemError(e.code(), e.getMessage())));
      }
    }
    b.audit()
        .record(
            ctx,
            who,
            AuditAction.SEARCH,
            "screening",
            "screen " + batch.size() + " queries (" + rejected + " rejected)");
    ctx.json(new BatchJson(batch.size() - rejected, rejected, items));
  }

  private ListScreening.Built built() {
    try {
      return screening.current();
    } catch (UncheckedIOException | ListFormatException e) {
      throw new ApiException(503, "unavailable", "the sanctions lists cannot be read right now");
    }
  }

  /**
   * @throws ApiException 400 naming the field ({@code queries[2].name}) when the item is not a
   *     valid query
   */
  private static ScreeningQuery query(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw ApiException.badRequest(
          (path.isEmpty() ? "the query" : path.substring(0, path.length() - 1))
              + " must be an object");
    }
    String name = Json.optionalText(node, "name", path).orElse("");
    if (name.isBlank()) {
      throw ApiException.invalidValue(path + "name is missing or empty");
    }
    try {
      ScreeningQuery query =
          ScreeningQuery.of(name)
              .withLimit(integer(node, "limit", path).orElse(DEFAULT_LIMIT))
              .withThreshold(number(node, "threshold", path).orElse(Screener.DEFAULT_THRESHOLD));
      Optional<String> schema = Json.optionalText(node, "schema", path).filter(s -> !s.isBlank());
      if (schema.isPresent()) {
        query = query.withSchema(Schema.expect(schema.get().strip()));
      }
      Optional<String> birth = Json.optionalText(node, "birthDate", path).filter(s -> !s.isBlank());
      if (birth.isPresent()) {
        query = query.withBirthDate(PartialDate.parse(birth.get()));
      }
      Optional<String> country = Json.optionalText(node, "country", path).filter(s -> !s.isBlank());
      if (country.isPresent()) {
        String c = country.get();
        query =
            query.withCountry(
                Countries.code(c)
                    .orElseThrow(
                        () ->
                            ApiException.invalidValue(
                                path + "country '" + bounded(c) + "' is not a known country")));
      }
      return query;
    } catch (InvalidValueException e) {
      throw ApiException.invalidValue((path.isEmpty() ? "" : path) + e.getMessage());
    }
  }

  private static Optional<Integer> integer(JsonNode node, String field, String path) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw ApiException.badRequest(path + field + " must be a whole number");
    }
    return Optional.of(value.intValue());
  }

  private static Optional<Double> number(JsonNode node, String field, String path) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isNumber()) {
      throw ApiException.badRequest(path + field + " must be a number");
    }
    return Optional.of(value.doubleValue());
  }

  private static String bounded(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }

  private static QueryJson queryJson(ScreeningQuery q) {
    return new QueryJson(
        q.name(),
        q.schema().map(Schema::ftmName).orElse(null),
        q.birthDate().map(Object::toString).orElse(null),
        q.country().orElse(null),
        q.limit(),
        q.threshold());
  }

  private static List<MatchJson> matches(ScreeningResult result) {
    List<MatchJson> out = new ArrayList<>();
    for (ScreeningMatch m : result.matches()) {
      out.add(
          new MatchJson(
              m.dataset(),
              m.entityId(),
              m.primaryName(),
              m.matchedName(),
              m.schema().ftmName(),
              m.programs(),
              round(m.score()),
              round(m.nameScore()),
              m.nameExplanation().describe(),
              m.evidence()));
    }
    return out;
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
