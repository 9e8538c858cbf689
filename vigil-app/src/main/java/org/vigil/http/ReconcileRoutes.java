/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.vigil.access.Permission;
import org.vigil.audit.AuditAction;
import org.vigil.auth.Principal;
import org.vigil.lists.Alias;
import org.vigil.lists.ListEntry;
import org.vigil.lists.ListFormatException;
import org.vigil.model.InvalidValueException;
import org.vigil.model.PartialDate;
import org.vigil.screening.ScreeningQuery;
import org.vigil.watchlists.ExampleMatching;

/**
 * The W3C Entity Reconciliation API 0.2 over the lists in force, so that spreadsheet tools
 * (OpenRefine) reconcile a column of names against them: {@code /reconcile/{dataset}} answers the
 * manifest, a batch of {@code queries} (GET or form POST) and a data extension ({@code extend});
 * {@code /suggest/entity} completes names and {@code /extend/propose} lists what can be fetched.
 * {@code dataset} is "default" (every list) or a list key ("un-sc").
 */
final class ReconcileRoutes {
  /** Where the routes live under the API prefix; the request guard takes URL tokens only here. */
  static final String PATH = "/reconcile";

  /** The lowest score of a candidate that a client may take as the match without asking. */
  static final double AUTO_MATCH = 0.9;

  /** How far the next candidate must stay below an automatic match. */
  static final double AUTO_MATCH_MARGIN = 0.05;

  /** At most this many queries in one batch, like {@code /match}. */
  static final int MAX_QUERIES = MatchRoutes.MAX_BATCH;

  private static final int DEFAULT_CANDIDATES = 5;
  private static final int SUGGESTIONS = 20;
  private static final double CUTOFF = 0.5;
  private static final List<String> TYPES =
      List.of("Person", "Organization", "LegalEntity", "Vessel", "Airplane");
  private static final Map<String, String> PROPERTIES = properties();

  private final Supplier<Backend> backend;
  private final ExampleMatching matching;
  private final ObjectMapper mapper;

  ReconcileRoutes(Supplier<Backend> backend, ExampleMatching matching, ObjectMapper mapper) {
    this.backend = requireNonNull(backend, "backend");
    this.matching = requireNonNull(matching, "matching");
    this.mapper = requireNonNull(mapper, "mapper");
  }

  void register(Routes routes) {
    routes.get(PATH + "/{dataset}", Permission.SCREEN, this::service);
    routes.post(PATH + "/{dataset}", Permission.SCREEN, this::service);
    routes.get(PATH + "/{dataset}/suggest/entity", Permission.SCREEN, this::suggest);
    routes.get(PATH + "/{dataset}/extend/propose", Permission.SCREEN, this::propose);
  }

  private static Map<String, String> properties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("name", "Name");
    p.put("alias", "Other names");
    p.put("birthDate", "Birth date");
    p.put("country", "Countries");
    p.put("program", "Sanctions programmes");
    p.put("authority", "Designating authority");
    p.put("listingDate", "Listing date");
    p.put("dataset", "List");
    return p;
  }

  private String dataset(Context ctx) {
    String dataset = ctx.pathParam("dataset");
    try {
      if (!matching.knows(dataset)) {
        throw ApiException.notFound("no list '" + MatchRoutes.safe(dataset) + "' is in force");
      }
    } catch (UncheckedIOException | ListFormatException e) {
      throw new ApiException(503, "unavailable", "the sanctions lists cannot be read right now");
    }
    return dataset;
  }

  private void service(Context ctx) {
    String dataset = dataset(ctx);
    Optional<String> queries = param(ctx, "queries");
    Optional<String> extend = param(ctx, "extend");
    if (queries.isPresent()) {
      ctx.json(reconcile(ctx, dataset, parse(queries.get(), "queries")));
    } else if (extend.isPresent()) {
      ctx.json(extend(ctx, dataset, parse(extend.get(), "extend")));
    } else {
      backend
          .get()
          .audit()
          .record(
              ctx, Requests.principal(ctx), AuditAction.READ, "reconcile:" + dataset, "manifest");
      ctx.json(manifest(ctx, dataset));
    }
  }

  /** A form field of a POST, else a query parameter. */
  private static Optional<String> param(Context ctx, String name) {
    String type = Optional.ofNullable(ctx.contentType()).orElse("");
    if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/")) {
      Optional<String> form = Optional.ofNullable(ctx.formParam(name));
      if (form.isPresent()) {
        return form;
      }
    }
    return Optional.ofNullable(ctx.queryParam(name));
  }

  private JsonNode parse(String text, String what) {
    JsonNode node;
    try {
      node = mapper.readTree(text);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest(what + " is not valid JSON");
    }
    if (node == null || !node.isObject()) {
      throw ApiException.badRequest(what + " must be a JSON object");
    }
    return node;
  }

  private ObjectNode manifest(Context ctx, String dataset) {
    String key =
        Optional.ofNullable(ctx.queryParam(RequestGuard.URL_TOKEN))
            .map(
                k ->
                    "?"
                        + RequestGuard.URL_TOKEN
                        + "="
                        + URLEncoder.encode(k, StandardCharsets.UTF_8))
            .orElse("");
    String root = ctx.scheme() + "://" + ctx.host() + Routes.PREFIX + PATH + "/" + dataset;
    ObjectNode m = mapper.createObjectNode();
    m.putArray("versions").add("0.2");
    m.put(
        "name",
        "Vigil sanctions lists ("
            + (ExampleMatching.ALL_LISTS.equals(dataset) ? "every list in force" : dataset)
            + ")");
    m.put("identifierSpace", "https://vigil.example/ns/list-entry");
    m.put("schemaSpace", "https://followthemoney.tech/explorer/schemata/");
    m.put("documentation", "https://vigil.example/docs/sharing#reconciliation");
    ArrayNode types = m.putArray("defaultTypes");
    for (String t : TYPES) {
      types.addObject().put("id", t).put("name", t);
    }
    ObjectNode suggest = m.putObject("suggest").putObject("entity");
    suggest.put("service_url", root);
    suggest.put("service_path", "/suggest/entity" + key);
    ObjectNode extend = m.putObject("extend");
    ObjectNode propose = extend.putObject("propose_properties");
    propose.put("service_url", root);
    propose.put("service_path", "/extend/propose" + key);
    extend.putArray("property_settings");
    return m;
  }

  private ObjectNode reconcile(Context ctx, String dataset, JsonNode batch) {
    if (batch.size() > MAX_QUERIES) {
      throw ApiException.badRequest(
          "queries holds " + batch.size() + " items; the limit is " + MAX_QUERIES);
    }
    ObjectNode out = mapper.createObjectNode();
    List<String> released = new ArrayList<>();
    int refused = 0;
    for (Map.Entry<String, JsonNode> q : batch.properties()) {
      ArrayNode result = out.putObject(q.getKey()).putArray("result");
      List<ExampleMatching.Candidate> found;
      try {
        found = candidates(dataset, q.getValue());
      } catch (InvalidValueException e) {
        // A query that cannot be read has no candidates; the batch goes on.
        refused++;
        continue;
      }
      for (int i = 0; i < found.size(); i++) {
        ExampleMatching.Candidate c = found.get(i);
        double next = i + 1 < found.size() ? found.get(i + 1).match().score() : 0.0;
        boolean auto =
            i == 0
                && c.match().score() >= AUTO_MATCH
                && c.match().score() - next >= AUTO_MATCH_MARGIN;
        ObjectNode r = result.addObject();
        r.put("id", c.id());
        r.put("name", c.entry().name());
        r.put("description", description(c.datasetKey(), c.entry()));
        r.put("score", MatchRoutes.round(c.match().score() * 100));
        r.put("match", auto);
        r.putArray("type")
            .addObject()
            .put("id", c.entry().schema().ftmName())
            .put("name", c.entry().schema().ftmName());
        ArrayNode features = r.putArray("features");
        features
            .addObject()
            .put("id", "name_match")
            .put("value", MatchRoutes.round(c.match().nameScore()));
        features
            .addObject()
            .put("id", "supporting_evidence")
            .put("value", MatchRoutes.round(c.match().score() - c.match().nameScore()));
        released.add(c.id());
      }
    }
    backend
        .get()
        .audit()
        .released(
            ctx,
            Requests.principal(ctx),
            AuditAction.SEARCH,
            "reconcile:" + dataset,
            "reconcile " + batch.size() + " queries (" + refused + " refused)",
            released);
    return out;
  }

  private List<ExampleMatching.Candidate> candidates(String dataset, JsonNode query) {
    if (query == null || !query.isObject()) {
      throw new InvalidValueException("a query must be an object");
    }
    JsonNode text = query.get("query");
    if (text == null || !text.isTextual()) {
      throw new InvalidValueException("a query needs its text in 'query'");
    }
    Map<String, List<String>> values = new LinkedHashMap<>();
    values.put("name", List.of(text.asText()));
    JsonNode properties = query.get("properties");
    if (properties != null && properties.isArray()) {
      for (JsonNode p : properties) {
        String pid = p.path("pid").asText("");
        JsonNode v = p.get("v");
        if (!pid.isEmpty() && v != null) {
          List<String> texts = new ArrayList<>();
          (v.isArray() ? v : mapper.createArrayNode().add(v))
              .forEach(
                  item -> {
                    if (item.isValueNode()) {
                      texts.add(item.asText());
                    } else if (item.isObject() && item.has("id")) {
                      texts.add(item.get("id").asText());
                    }
                  });
          values.merge(
              pid,
              texts,
              (a, b) -> {
                List<String> both = new ArrayList<>(a);
                both.addAll(b);
                return both;
              });
        }
      }
    }
    Optional<String> type = Optional.empty();
    JsonNode t = query.get("type");
    if (t != null && t.isTextual()) {
      type = Optional.of(t.asText());
    } else if (t != null && t.isArray() && t.size() > 0 && t.get(0).isTextual()) {
      type = Optional.of(t.get(0).asText());
    }
    int limit = query.path("limit").asInt(DEFAULT_CANDIDATES);
    limit = Math.max(1, Math.min(ScreeningQuery.MAX_LIMIT, limit));
    ExampleMatching.Example example = Examples.read(type, values);
    return matching.match(
        dataset,
        example,
        new ExampleMatching.Options(Set.of(), Set.of(), Set.of(), limit, CUTOFF, AUTO_MATCH));
  }

  private static String description(String datasetKey, ListEntry entry) {
    StringBuilder out = new StringBuilder(datasetKey);
    if (!entry.programs().isEmpty()) {
      out.append(": ").append(String.join(", ", entry.programs()));
    }
    if (!entry.birthDates().isEmpty()) {
      out.append("; born ").append(entry.birthDates().get(0));
    }
    return out.toString();
  }

  private ObjectNode extend(Context ctx, String dataset, JsonNode request) {
    JsonNode ids = request.get("ids");
    JsonNode wanted = request.get("properties");
    if (ids == null || !ids.isArray() || wanted == null || !wanted.isArray()) {
      throw ApiException.badRequest("extend needs 'ids' and 'properties' arrays");
    }
    if (ids.size() > 1000) {
      throw ApiException.badRequest("extend holds " + ids.size() + " ids; the limit is 1000");
    }
    List<String> asked = new ArrayList<>();
    ids.forEach(id -> asked.add(id.asText()));
    List<String> props = new ArrayList<>();
    for (JsonNode p : wanted) {
      String id = p.path("id").asText("");
      if (!PROPERTIES.containsKey(id)) {
        throw ApiException.badRequest("unknown property '" + MatchRoutes.safe(id) + "'");
      }
      props.add(id);
    }
    ObjectNode out = mapper.createObjectNode();
    ArrayNode meta = out.putArray("meta");
    for (String p : props) {
      meta.addObject().put("id", p).put("name", PROPERTIES.get(p));
    }
    ObjectNode rows = out.putObject("rows");
    Map<String, ExampleMatching.Listed> found = new LinkedHashMap<>();
    for (ExampleMatching.Listed l : matching.find(asked)) {
      if (ExampleMatching.ALL_LISTS.equals(dataset) || dataset.equals(l.datasetKey())) {
        found.put(l.id(), l);
      }
    }
    for (String id : asked) {
      ObjectNode row = rows.putObject(id);
      ExampleMatching.Listed l = found.get(id);
      for (String p : props) {
        ArrayNode cells = row.putArray(p);
        if (l != null) {
          values(l, p).forEach(v -> cells.addObject().put("str", v));
        }
      }
    }
    backend
        .get()
        .audit()
        .released(
            ctx,
            Requests.principal(ctx),
            AuditAction.READ,
            "reconcile:" + dataset,
            "extend " + asked.size() + " ids with " + props,
            List.copyOf(found.keySet()));
    return out;
  }

  private static List<String> values(ExampleMatching.Listed l, String property) {
    ListEntry e = l.entry();
    return switch (property) {
      case "name" -> List.of(e.name());
      case "alias" -> e.aliases().stream().map(Alias::name).toList();
      case "birthDate" -> e.birthDates().stream().map(PartialDate::toString).toList();
      case "country" -> e.countries();
      case "program" -> e.programs();
      case "authority" -> List.of(e.authority());
      case "listingDate" -> e.listingDate().map(d -> List.of(d.toString())).orElse(List.of());
      case "dataset" -> List.of(l.datasetKey());
      default -> throw new IllegalArgumentException("unknown property " + property);
    };
  }

  private void suggest(Context ctx) {
    String dataset = dataset(ctx);
    String prefix = Optional.ofNullable(ctx.queryParam("prefix")).orElse("");
    int cursor = Math.max(0, parseInt(ctx.queryParam("cursor")));
    List<ExampleMatching.Listed> page = matching.suggest(dataset, prefix, cursor, SUGGESTIONS);
    ObjectNode out = mapper.createObjectNode();
    ArrayNode result = out.putArray("result");
    for (ExampleMatching.Listed l : page) {
      result
          .addObject()
          .put("id", l.id())
          .put("name", l.entry().name())
          .put("description", description(l.datasetKey(), l.entry()));
    }
    backend
        .get()
        .audit()
        .released(
            ctx,
            Requests.principal(ctx),
            AuditAction.SEARCH,
            "reconcile:" + dataset,
            "suggest",
            page.stream().map(ExampleMatching.Listed::id).toList());
    ctx.json(out);
  }

  private void propose(Context ctx) {
    dataset(ctx);
    String type = Optional.ofNullable(ctx.queryParam("type")).orElse("LegalEntity");
    ObjectNode out = mapper.createObjectNode();
    out.put("type", type);
    ArrayNode props = out.putArray("properties");
    PROPERTIES.forEach((id, name) -> props.addObject().put("id", id).put("name", name));
    Principal who = Requests.principal(ctx);
    backend.get().audit().record(ctx, who, AuditAction.READ, "reconcile", "propose properties");
    ctx.json(out);
  }

  private static int parseInt(String text) {
    if (text == null) {
      return 0;
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("cursor must be a whole number");
    }
  }
}
