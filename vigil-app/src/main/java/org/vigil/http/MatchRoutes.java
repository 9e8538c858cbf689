/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vigil.access.Permission;
import org.vigil.audit.AuditAction;
import org.vigil.auth.Principal;
import org.vigil.lists.Alias;
import org.vigil.lists.ListEntry;
import org.vigil.lists.ListFormatException;
import org.vigil.model.InvalidValueException;
import org.vigil.model.PartialDate;
import org.vigil.model.Schema;
import org.vigil.screening.Screener;
import org.vigil.screening.ScreeningQuery;
import org.vigil.watchlists.ExampleMatching;

/**
 * yente's matching API on Vigil's lists: {@code POST /match/{dataset}} takes and answers the shapes
 * of yente 5.5.0 (OpenSanctions' {@code EntityMatchQuery} and {@code EntityMatchResponse}), so that
 * clients written for yente screen against the lists in force here. {@code dataset} is "default"
 * (every list) or a list key ("un-sc"). A query that cannot be read is answered in its slot with
 * {@code status} 400 and the reason; the others are matched.
 */
final class MatchRoutes {
  /** The yente release whose request and response shapes these routes follow. */
  static final String YENTE_VERSION = "5.5.0";

  /** yente's own bound on queries per request (YENTE_MAX_BATCH). */
  static final int MAX_BATCH = 100;

  /** yente's default number of results per query (YENTE_MATCH_PAGE). */
  static final int DEFAULT_LIMIT = 5;

  static final String ALGORITHM = "vigil-names";
  private static final Set<String> ALGORITHMS = Set.of("best", "default", ALGORITHM);

  private final java.util.function.Supplier<Backend> backend;
  private final ExampleMatching matching;
  private final ObjectMapper mapper;
  private final long maxBodyBytes;

  MatchRoutes(
      java.util.function.Supplier<Backend> backend,
      ExampleMatching matching,
      ObjectMapper mapper,
      long maxBodyBytes) {
    this.backend = requireNonNull(backend, "backend");
    this.matching = requireNonNull(matching, "matching");
    this.mapper = requireNonNull(mapper, "mapper");
    this.maxBodyBytes = maxBodyBytes;
  }

  void register(Routes routes) {
    routes.post("/match/{dataset}", Permission.SCREEN, this::match);
  }

  private void match(Context ctx) {
    Principal who = Requests.principal(ctx);
    String dataset = ctx.pathParam("dataset");
    if (!known(dataset)) {
      throw ApiException.notFound("no list '" + safe(dataset) + "' is in force");
    }
    ExampleMatching.Options options = options(ctx);
    List<String> topics = ctx.queryParams("topics");
    // Every entry of a sanctions list has the topic "sanction" and no other.
    boolean topical = topics.isEmpty() || topics.contains("sanction");
    JsonNode body = Json.readObject(ctx, mapper, maxBodyBytes);
    for (String tuning : List.of("weights", "config")) {
      JsonNode given = body.get(tuning);
      if (given != null && given.isObject() && given.size() > 0) {
        throw ApiException.badRequest(
            tuning
                + " '"
                + safe(given.fieldNames().next())
                + "' is not a parameter of the algorithm "
                + ALGORITHM);
      }
    }
    JsonNode queries = body.get("queries");
    if (queries == null || !queries.isObject()) {
      throw ApiException.badRequest("queries must be an object of named entity examples");
    }
    if (queries.isEmpty()) {
      throw ApiException.badRequest("No queries provided.");
    }
    if (queries.size() > MAX_BATCH) {
      throw ApiException.badRequest("Too many queries in one batch (limit: " + MAX_BATCH + ")");
    }
    ObjectNode responses = mapper.createObjectNode();
    List<String> released = new ArrayList<>();
    int rejected = 0;
    for (Map.Entry<String, JsonNode> q : queries.properties()) {
      ObjectNode answer = answer(dataset, q.getValue(), options, topical, released);
      if (answer.path("status").asInt() != 200) {
        rejected++;
      }
      responses.set(q.getKey(), answer);
    }
    backend
        .get()
        .audit()
        .released(
            ctx,
            who,
            AuditAction.SEARCH,
            "match:" + dataset,
            "match " + queries.size() + " queries (" + rejected + " rejected)",
            released);
    ObjectNode out = mapper.createObjectNode();
    out.set("responses", responses);
    out.put("limit", options.limit());
    ctx.header("x-batch-size", Integer.toString(queries.size()));
    ctx.json(out);
  }

  private boolean known(String dataset) {
    try {
      return matching.knows(dataset);
    } catch (UncheckedIOException | ListFormatException e) {
      throw new ApiException(503, "unavailable", "the sanctions lists cannot be read right now");
    }
  }

  private ObjectNode answer(
      String dataset,
      JsonNode query,
      ExampleMatching.Options options,
      boolean topical,
      List<String> released) {
    ObjectNode slot = mapper.createObjectNode();
    if (query == null || !query.isObject()) {
      return refused(slot, mapper.createObjectNode(), "the query must be an object");
    }
    ObjectNode echo = mapper.createObjectNode();
    Optional.ofNullable(query.get("id"))
        .filter(JsonNode::isTextual)
        .ifPresent(id -> echo.put("id", id.asText()));
    JsonNode schema = query.get("schema");
    echo.put("schema", schema != null && schema.isTextual() ? schema.asText() : "Thing");
    Map<String, List<String>> values = Examples.values(query.get("properties"));
    ObjectNode properties = echo.putObject("properties");
    values.forEach((k, v) -> v.forEach(properties.withArray(k)::add));
    List<ExampleMatching.Candidate> found;
    try {
      if (schema != null && !schema.isNull() && !schema.isTextual()) {
        throw new InvalidValueException("schema must be a string");
      }
      ExampleMatching.Example example =
          Examples.read(
              Optional.ofNullable(schema).filter(JsonNode::isTextual).map(JsonNode::asText),
              values);
      found = topical ? matching.match(dataset, example, options) : List.of();
    } catch (InvalidValueException e) {
      return refused(slot, echo, e.getMessage());
    }
    slot.put("status", 200);
    ArrayNode results = slot.putArray("results");
    for (ExampleMatching.Candidate c : found) {
      results.add(scored(c));
      released.add(c.id());
    }
    ObjectNode total = slot.putObject("total");
    total.put("value", found.size());
    total.put("relation", "eq");
    slot.set("query", echo);
    return slot;
  }

  private ObjectNode refused(ObjectNode slot, ObjectNode echo, String reason) {
    slot.put("status", 400);
    slot.putArray("results");
    ObjectNode total = slot.putObject("total");
    total.put("value", 0);
    total.put("relation", "eq");
    slot.set("query", echo);
    slot.put("detail", reason);
    return slot;
  }

  /** A candidate as yente's ScoredEntityResponse. */
  private ObjectNode scored(ExampleMatching.Candidate c) {
    ObjectNode out = entity(mapper, c.id(), c.datasetKey(), c.entry());
    out.put("score", round(c.match().score()));
    ObjectNode explanations = out.putObject("explanations");
    ObjectNode names = explanations.putObject("name_match");
    names.put("detail", c.match().nameExplanation().describe());
    names.put("score", round(c.match().nameScore()));
    names.put("query", c.queried());
    names.put("candidate", c.match().matchedName());
    ObjectNode other = explanations.putObject("supporting_evidence");
    other.put(
        "detail",
        c.match().evidence().isEmpty()
            ? "no birth date, country or schema evidence moved the score"
            : String.join("; ", c.match().evidence()));
    other.put("score", round(c.match().score() - c.match().nameScore()));
    out.put("match", c.matches());
    return out;
  }

  /** A listed entity as yente's EntityResponse: FtM properties of what the list says. */
  static ObjectNode entity(ObjectMapper mapper, String id, String datasetKey, ListEntry entry) {
    ObjectNode out = mapper.createObjectNode();
    out.put("id", id);
    out.put("caption", entry.name());
    out.put("schema", entry.schema().ftmName());
    ObjectNode p = out.putObject("properties");
    p.putArray("name").add(entry.name());
    for (Alias alias : entry.aliases()) {
      p.withArray(alias.weak() ? "weakAlias" : "alias").add(alias.name());
    }
    for (PartialDate d : entry.birthDates()) {
      p.withArray("birthDate").add(d.toString());
    }
    Set<String> countries = new LinkedHashSet<>(entry.countries());
    for (String country : countries) {
      p.withArray(entry.schema() == Schema.PERSON ? "nationality" : "country").add(country);
    }
    for (String program : entry.programs()) {
      p.withArray("program").add(program);
    }
    p.putArray("topics").add("sanction");
    out.putArray("datasets").add(datasetKey);
    out.putArray("referents");
    out.put("target", true);
    return out;
  }

  private static ExampleMatching.Options options(Context ctx) {
    int limit = number(ctx, "limit", DEFAULT_LIMIT);
    if (limit < 1 || limit > ScreeningQuery.MAX_LIMIT) {
      throw ApiException.badRequest("limit " + limit + " is outside 1-" + ScreeningQuery.MAX_LIMIT);
    }
    double threshold = fraction(ctx, "threshold", Screener.DEFAULT_THRESHOLD);
    double cutoff = fraction(ctx, "cutoff", Screener.DEFAULT_THRESHOLD);
    String algorithm = Optional.ofNullable(ctx.queryParam("algorithm")).orElse("best");
    if (!ALGORITHMS.contains(algorithm)) {
      throw ApiException.badRequest(
          "unknown algorithm '" + safe(algorithm) + "'; this server has " + ALGORITHM);
    }
    return new ExampleMatching.Options(
        Set.copyOf(ctx.queryParams("include_dataset")),
        Set.copyOf(ctx.queryParams("exclude_dataset")),
        Set.copyOf(ctx.queryParams("exclude_schema")),
        limit,
        cutoff,
        threshold);
  }

  private static int number(Context ctx, String name, int otherwise) {
    String text = ctx.queryParam(name);
    if (text == null) {
      return otherwise;
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be a whole number, not '" + safe(text) + "'");
    }
  }

  private static double fraction(Context ctx, String name, double otherwise) {
    String text = ctx.queryParam(name);
    if (text == null) {
      return otherwise;
    }
    double value;
    try {
      value = Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be a number, not '" + safe(text) + "'");
    }
    if (!(value >= 0.0 && value <= 1.0)) {
      throw ApiException.badRequest(name + " " + value + " is outside [0, 1]");
    }
    return value;
  }

  static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }

  static String safe(String text) {
    String cut = text.length() > 40 ? text.substring(0, 40) + "…" : text;
    return cut.replaceAll("\\p{Cntrl}", " ");
  }
}
