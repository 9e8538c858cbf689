/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.vigil.access.Permission;
import org.vigil.auth.Principal;
import org.vigil.lists.CsvRecords;
import org.vigil.lists.ListFormatException;
import org.vigil.model.Schema;
import org.vigil.screening.BatchOutcome;
import org.vigil.screening.CandidateGroups;
import org.vigil.screening.Screener;
import org.vigil.screening.ScreeningQuery;
import org.vigil.screening.ScreeningResult;
import org.vigil.screening.ScreeningRow;
import org.vigil.screening.ScreeningRows;
import org.vigil.watchlists.BatchScreening;
import org.vigil.watchlists.ListScreening;
import org.vigil.watchlists.ReleaseManifest;
import org.vigil.watchlists.ReportedMatch;

/**
 * Screening over HTTP: {@code POST /screen} answers one query, a batch, or a CSV file (the body as
 * {@code text/csv}) against the lists in force through {@link BatchScreening}, each match with its
 * explanation; {@code GET /lists} says which lists those are. In a batch, an item that is not a
 * valid query is answered with its error and the others are screened.
 */
public final class ScreeningRoutes {
  /** A bound on queries per request, so that one request cannot hold a thread for long. */
  public static final int MAX_QUERIES = BatchScreening.MAX_ROWS_PER_REQUEST;

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
      String reasons,
      List<String> evidence,
      int candidate,
      List<String> birthDates,
      List<String> countries,
      String authority,
      String listingDate,
      List<String> remarks,
      List<String> birthPlaces) {}

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
    if (Optional.ofNullable(ctx.contentType()).orElse("").startsWith("text/csv")) {
      BatchJson answer = screenCsv(ctx);
      audit(ctx, who, answer);
      ctx.json(answer);
      return;
    }
    JsonNode body = Json.readObject(ctx, mapper, maxBodyBytes);
    JsonNode batch = body.get("queries");
    if (batch == null) {
      BatchScreening.Outcome one = screen(List.of(row(body, "")));
      BatchOutcome item = one.items().get(0);
      ScreeningResult result =
          item.result().orElseThrow(() -> ApiException.invalidValue(item.error().orElseThrow()));
      backend.get().audit().screened(ctx, who, 1, -1, "");
      ctx.json(new ResultJson(queryJson(result.query()), matches(result, one.groups().get(0))));
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
    BatchJson answer = screenBatch(batch);
    audit(ctx, who, answer);
    ctx.json(answer);
  }

  private void audit(Context ctx, Principal who, BatchJson answer) {
    backend.get().audit().screened(ctx, who, answer.results().size(), answer.rejected(), "");
  }

  /**
   * A CSV file as the body: read by {@link ScreeningRows#fromCsv}, like the command line's and the
   * page's, each problem placed by its line.
   */
  private BatchJson screenCsv(Context ctx) {
    String text = new String(Json.readBounded(ctx, maxBodyBytes), StandardCharsets.UTF_8);
    List<ScreeningRow> rows;
    try {
      rows = ScreeningRows.fromCsv(CsvRecords.parse(text, "the CSV body"));
    } catch (ListFormatException e) {
      throw ApiException.badRequest("a quote opened on " + e.location() + " is never closed");
    }
    if (rows.isEmpty()) {
      throw ApiException.badRequest("the CSV body holds no rows; send a name column at least");
    }
    if (rows.size() > MAX_QUERIES) {
      throw ApiException.badRequest(
          "the CSV body holds " + rows.size() + " rows; the limit is " + MAX_QUERIES);
    }
    List<ItemJson> items = new ArrayList<>();
    BatchScreening.Outcome outcome = screen(rows);
    for (BatchOutcome item : outcome.items()) {
      ScreeningRow row = rows.get(item.index());
      items.add(
          item.result()
              .map(
                  r ->
                      new ItemJson(
                          item.index(),
                          queryJson(r.query()),
                          matches(r, outcome.groups().get(item.index())),
                          null))
              .orElseGet(
                  () ->
                      new ItemJson(
                          item.index(),
                          null,
                          null,
                          new ItemError(
                              "invalid_value", row.where() + ": " + item.error().orElseThrow()))));
    }
    return new BatchJson(rows.size() - outcome.rejected(), outcome.rejected(), items);
  }

  /** Items that are not JSON objects of the right types are refused here; the rest are screened. */
  private BatchJson screenBatch(JsonNode batch) {
    ItemJson[] items = new ItemJson[batch.size()];
    List<ScreeningRow> rows = new ArrayList<>();
    List<Integer> indexOf = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      try {
        rows.add(row(batch.get(i), "queries[" + i + "]."));
        indexOf.add(i);
      } catch (ApiException e) {
        items[i] = new ItemJson(i, null, null, new ItemError(e.code(), e.getMessage()));
      }
    }
    BatchScreening.Outcome outcome = screen(rows);
    for (BatchOutcome item : outcome.items()) {
      int i = indexOf.get(item.index());
      items[i] =
          item.result()
              .map(
                  r ->
                      new ItemJson(
                          i,
                          queryJson(r.query()),
                          matches(r, outcome.groups().get(item.index())),
                          null))
              .orElseGet(
                  () ->
                      new ItemJson(
                          i,
                          null,
                          null,
                          new ItemError(
                              "invalid_value",
                              "queries[" + i + "]." + item.error().orElseThrow())));
    }
    int rejected = (int) java.util.Arrays.stream(items).filter(j -> j.error() != null).count();
    return new BatchJson(items.length - rejected, rejected, List.of(items));
  }

  private BatchScreening.Outcome screen(List<ScreeningRow> rows) {
    try {
      return new BatchScreening(screening)
          .screen(new BatchScreening.Request(rows, DEFAULT_LIMIT, Screener.DEFAULT_THRESHOLD));
    } catch (BatchScreening.ListsUnavailable e) {
      throw new ApiException(503, "unavailable", e.getMessage());
    }
  }

  private ListScreening.Built built() {
    try {
      return screening.current();
    } catch (UncheckedIOException | ListFormatException e) {
      throw new ApiException(503, "unavailable", "the sanctions lists cannot be read right now");
    }
  }

  /**
   * A query object as a screening row: each field a screening row knows, as text; the reading of
   * the values is {@link ScreeningRows}', the same for every surface.
   *
   * @throws ApiException 400 naming the field ({@code queries[2].limit}) when the item is not an
   *     object, or a field is not of its JSON type (a number for limit and threshold, else text)
   */
  private static ScreeningRow row(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw ApiException.badRequest(
          (path.isEmpty() ? "the query" : path.substring(0, path.length() - 1))
              + " must be an object");
    }
    Map<String, String> cells = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      Optional<ScreeningRows.Field> known = ScreeningRows.field(field.getKey());
      JsonNode value = field.getValue();
      if (known.isEmpty() || value.isNull()) {
        continue;
      }
      if (known.get().isNumber() ? !value.isNumber() : !value.isTextual()) {
        throw ApiException.badRequest(
            path
                + field.getKey()
                + (known.get().isNumber() ? " must be a number" : " must be a string"));
      }
      cells.put(field.getKey(), value.asText());
    }
    return new ScreeningRow(path.isEmpty() ? "the query" : path, cells);
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

  /**
   * The result's matches in its order, each with what its list says about it and the number of its
   * candidate: matches with one number are one person's (or organisation's) entries on several
   * lists ({@link CandidateGroups}).
   */
  private static List<MatchJson> matches(
      ScreeningResult result, List<CandidateGroups.Group> groups) {
    List<MatchJson> out = new ArrayList<>();
    for (ReportedMatch.Detailed d : ReportedMatch.detailed(result.matches(), groups)) {
      ReportedMatch r = d.match();
      out.add(
          new MatchJson(
              r.dataset(),
              r.entityId(),
              r.name(),
              r.matchedName(),
              r.schema(),
              r.programs(),
              r.score(),
              r.nameScore(),
              r.explanation(),
              r.reasons(),
              r.evidence(),
              d.candidate(),
              d.birthDates(),
              d.countries(),
              d.authority().orElse(null),
              d.listingDate().orElse(null),
              d.remarks(),
              d.birthPlaces()));
    }
    return out;
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
