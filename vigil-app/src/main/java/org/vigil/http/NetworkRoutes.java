/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.vigil.access.Permission;
import org.vigil.audit.AuditAction;
import org.vigil.auth.Principal;
import org.vigil.model.Credibility;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Reliability;
import org.vigil.network.LinkFilter;
import org.vigil.network.Measure;
import org.vigil.network.NeighbourhoodRequest;
import org.vigil.network.Network;
import org.vigil.network.NetworkView;
import org.vigil.network.PathRequest;
import org.vigil.network.PathsView;
import org.vigil.network.TimelineView;
import org.vigil.network.UnknownEntityException;
import org.vigil.weighing.WeighedLinks;
import org.vigil.weighing.WeighedNetwork;

/**
 * The graph API under /api/v1/graph: neighbours, paths, subgraphs, communities, centrality and
 * timelines, answered by the store from what the caller may see. An entity the caller may not see
 * is "not found", exactly like one that does not exist; a bad parameter is 400 naming it.
 */
final class NetworkRoutes {
  static final int DEFAULT_TIMELINE_LIMIT = 1_000;

  private final Supplier<Backend> backend;

  NetworkRoutes(Supplier<Backend> backend) {
    this.backend = requireNonNull(backend, "backend");
  }

  void register(Routes routes) {
    routes.get("/graph/neighbours", Permission.READ, this::neighbours);
    routes.get("/graph/path", Permission.READ, this::path);
    routes.get("/graph/subgraph", Permission.READ, this::subgraph);
    routes.get("/graph/communities", Permission.READ, this::communities);
    routes.get("/graph/centrality", Permission.READ, this::centrality);
    routes.get("/graph/timeline", Permission.READ, this::timeline);
  }

  private void neighbours(Context ctx) {
    NeighbourhoodRequest request = neighbourhood(ctx, 1);
    answer(ctx, "neighbours", request, (n, r) -> n.neighbours(r, weighed(ctx), viewer(ctx)));
  }

  private void communities(Context ctx) {
    NeighbourhoodRequest request = neighbourhood(ctx, 2);
    answer(ctx, "communities", request, (n, r) -> n.communities(r, weighed(ctx), viewer(ctx)));
  }

  private void centrality(Context ctx) {
    NeighbourhoodRequest request = neighbourhood(ctx, 2);
    Set<Measure> measures = EnumSet.allOf(Measure.class);
    String raw = ctx.queryParam("measure");
    if (raw != null && !raw.isBlank()) {
      measures = EnumSet.noneOf(Measure.class);
      for (String part : raw.split(",")) {
        measures.add(parse(() -> Measure.parse(part)));
      }
    }
    Set<Measure> chosen = measures;
    answer(
        ctx, "centrality", request, (n, r) -> n.centrality(r, chosen, weighed(ctx), viewer(ctx)));
  }

  private void subgraph(Context ctx) {
    List<String> ids = ctx.queryParams("entity");
    if (ids.isEmpty()) {
      throw ApiException.badRequest("name the entities with entity=ID (repeated)");
    }
    if (ids.size() > 1_000) {
      throw ApiException.badRequest(ids.size() + " entities named; at most 1000");
    }
    LinkFilter filter = filter(ctx);
    WeighedLinks.Filter weighed = weighed(ctx);
    Network network = backend.get().store().network();
    for (String id : ids) {
      if (network.find(id, viewer(ctx)).isEmpty()) {
        audit(ctx, "subgraph", id, "not found");
        throw ApiException.notFound("no entity " + id);
      }
    }
    WeighedNetwork.Answer<NetworkView> found =
        new WeighedNetwork(backend.get().store()).subgraph(ids, filter, weighed, viewer(ctx));
    NetworkView view = found.answer();
    String named = String.join(",", ids);
    audit(
        ctx,
        "subgraph",
        named.length() > 400 ? named.substring(0, 400) + "…" : named,
        counts(view));
    ctx.json(NetworkJson.graph(view, details(ctx), found::notGraded));
  }

  private void path(Context ctx) {
    String from = required(ctx, "from");
    String to = required(ctx, "to");
    int k = integer(ctx, "k", 1);
    LinkFilter filter = filter(ctx, "since", "until");
    WeighedLinks.Filter weighed = weighed(ctx);
    PathRequest request = parse(() -> new PathRequest(from, to, k, filter));
    WeighedNetwork.Answer<PathsView> found;
    try {
      found = new WeighedNetwork(backend.get().store()).paths(request, weighed, viewer(ctx));
    } catch (UnknownEntityException e) {
      audit(ctx, "path", from + " " + to, "not found");
      throw ApiException.notFound(e.getMessage());
    }
    PathsView view = found.answer();
    audit(ctx, "path", from + " " + to, view.paths().size() + " paths");
    ctx.json(NetworkJson.paths(view, details(ctx), found::notGraded));
  }

  private void timeline(Context ctx) {
    String entity = required(ctx, "entity");
    int limit = integer(ctx, "limit", DEFAULT_TIMELINE_LIMIT);
    TimelineView view;
    try {
      view = backend.get().store().network().timeline(entity, limit, viewer(ctx));
    } catch (UnknownEntityException e) {
      audit(ctx, "timeline", entity, "not found");
      throw ApiException.notFound(e.getMessage());
    } catch (InvalidValueException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    audit(ctx, "timeline", entity, view.items().size() + " items");
    ctx.json(NetworkJson.timeline(view));
  }

  private void answer(
      Context ctx,
      String query,
      NeighbourhoodRequest request,
      BiFunction<WeighedNetwork, NeighbourhoodRequest, WeighedNetwork.Answer<NetworkView>> run) {
    WeighedNetwork.Answer<NetworkView> found;
    try {
      found = run.apply(new WeighedNetwork(backend.get().store()), request);
    } catch (UnknownEntityException e) {
      audit(ctx, query, request.entity(), "not found");
      throw ApiException.notFound(e.getMessage());
    }
    NetworkView view = found.answer();
    audit(ctx, query, request.entity(), counts(view));
    ctx.json(NetworkJson.graph(view, details(ctx), found::notGraded));
  }

  private NeighbourhoodRequest neighbourhood(Context ctx, int defaultDepth) {
    String entity = required(ctx, "entity");
    int depth = integer(ctx, "depth", defaultDepth);
    int limit = integer(ctx, "limit", NeighbourhoodRequest.DEFAULT_LIMIT);
    LinkFilter filter = filter(ctx);
    return parse(() -> new NeighbourhoodRequest(entity, depth, filter, limit));
  }

  /** The link filter from schema, from, to, minConfidence and minGrade. */
  static LinkFilter filter(Context ctx) {
    return filter(ctx, "from", "to");
  }

  /**
   * The link filter, with the date range under other names: on paths, from and to name the
   * entities, so the range is since and until.
   */
  static LinkFilter filter(Context ctx, String fromName, String toName) {
    TreeSet<String> schemas = new TreeSet<>();
    for (String value : ctx.queryParams("schema")) {
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          schemas.add(part.strip());
        }
      }
    }
    Optional<LocalDate> from = date(ctx, fromName);
    Optional<LocalDate> to = date(ctx, toName);
    double minConfidence = 0.0;
    String confidence = ctx.queryParam("minConfidence");
    if (confidence != null && !confidence.isBlank()) {
      try {
        minConfidence = Double.parseDouble(confidence.strip());
      } catch (NumberFormatException e) {
        throw ApiException.badRequest(
            "minConfidence '" + confidence + "' is not a number; use 0.0..1.0");
      }
    }
    Optional<Reliability> grade =
        Optional.ofNullable(ctx.queryParam("minGrade"))
            .filter(g -> !g.isBlank())
            .map(g -> parse(() -> Reliability.parse(g)));
    double chosen = minConfidence;
    return parse(() -> new LinkFilter(schemas, from, to, chosen, grade));
  }

  /**
   * The weighing filter: credibility=1..6 keeps links whose claim's credibility in force is that
   * grade or better; hideDisputed=true drops links whose fact is disputed.
   */
  private static WeighedLinks.Filter weighed(Context ctx) {
    Optional<Credibility> credibility =
        Optional.ofNullable(ctx.queryParam("credibility"))
            .filter(c -> !c.isBlank())
            .map(c -> parse(() -> Credibility.ofGrade(integer(ctx, "credibility", 6))));
    String hide = Optional.ofNullable(ctx.queryParam("hideDisputed")).orElse("false").strip();
    if (!hide.equals("true") && !hide.equals("false")) {
      throw ApiException.badRequest("hideDisputed '" + hide + "' is not true or false");
    }
    return new WeighedLinks.Filter(credibility, hide.equals("true"));
  }

  private static Optional<LocalDate> date(Context ctx, String name) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(raw.strip()));
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(name + " '" + raw + "' is not a date; use YYYY-MM-DD");
    }
  }

  private static String required(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest("the query parameter " + name + " is missing");
    }
    return value.strip();
  }

  private static int integer(Context ctx, String name, int fallback) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " '" + raw + "' is not a whole number");
    }
  }

  /** Runs a parse or a record's validation, turning its complaint into 400 bad_request. */
  private static <T> T parse(Supplier<T> parse) {
    try {
      return parse.get();
    } catch (InvalidValueException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  private EvidenceDetails details(Context ctx) {
    return new EvidenceDetails(backend.get().store(), viewer(ctx));
  }

  private static org.vigil.access.Viewer viewer(Context ctx) {
    return Requests.principal(ctx).viewer();
  }

  private void audit(Context ctx, String query, String target, String outcome) {
    Principal who = Requests.principal(ctx);
    backend
        .get()
        .audit()
        .record(ctx, who, AuditAction.READ_ENTITY, target, "graph " + query + ": " + outcome);
  }

  private static String counts(NetworkView view) {
    List<String> parts = new ArrayList<>();
    parts.add(view.nodes().size() + " nodes");
    parts.add(view.edges().size() + " edges");
    if (view.truncated()) {
      parts.add("truncated");
    }
    return String.join(", ", parts);
  }
}
