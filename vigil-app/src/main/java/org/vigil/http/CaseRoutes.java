/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.vigil.access.Permission;
import org.vigil.auth.Principal;
import org.vigil.cases.CaseView;
import org.vigil.cases.Cases;
import org.vigil.cases.report.CaseReports;
import org.vigil.cases.report.ReportFormat;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Tlp;
import org.vigil.store.StoredCase;

/**
 * Cases over JSON: each route calls {@link Cases} and renders its outcome. A case the caller may
 * not read is 404 like one that does not exist; one they read but may not change is 403; a member
 * the case's marking does not reach is 422 with the reason.
 */
public final class CaseRoutes {
  private final Supplier<Backend> backend;
  private final ObjectMapper mapper;
  private final long maxBodyBytes;
  private final Clock clock;

  CaseRoutes(Supplier<Backend> backend, ObjectMapper mapper, long maxBodyBytes, Clock clock) {
    this.backend = requireNonNull(backend, "backend");
    this.mapper = requireNonNull(mapper, "mapper");
    this.maxBodyBytes = maxBodyBytes;
    this.clock = requireNonNull(clock, "clock");
  }

  void register(Routes routes) {
    routes.get("/cases", Permission.READ, this::list);
    routes.post("/cases", Permission.WRITE, this::create);
    routes.get("/cases/{id}", Permission.READ, this::show);
    routes.post("/cases/{id}/members", Permission.WRITE, this::share);
    routes.post("/cases/{id}/items", Permission.WRITE, this::addItem);
    routes.post("/cases/{id}/items/remove", Permission.WRITE, this::removeItem);
    routes.post("/cases/{id}/neighbourhood", Permission.WRITE, this::addNeighbourhood);
    routes.post("/cases/{id}/notes", Permission.WRITE, this::addNote);
    routes.post("/cases/{id}/status", Permission.WRITE, this::setStatus);
    routes.post("/cases/{id}/delete", Permission.WRITE, this::delete);
    routes.post("/cases/{id}/report", Permission.EXPORT, this::report);
    new CaseWorkRoutes(backend, mapper, maxBodyBytes, clock).register(routes);
  }

  record Items<T>(List<T> items) {}

  private Cases cases() {
    return new Cases(backend.get().store(), clock);
  }

  private void list(Context ctx) {
    Principal who = Requests.principal(ctx);
    ctx.json(new Items<>(cases().list(who.viewer()).stream().map(CaseJson::summary).toList()));
  }

  private void show(Context ctx) {
    Principal who = Requests.principal(ctx);
    String id = ctx.pathParam("id");
    CaseView view =
        cases().view(id, who.viewer()).orElseThrow(() -> ApiException.notFound("no case " + id));
    ctx.json(CaseJson.view(view));
  }

  private void create(Context ctx) {
    JsonNode body = Json.readObject(ctx, mapper, maxBodyBytes);
    String title = Json.text(body, "title", "");
    String tlp = Json.optionalText(body, "tlp", "").orElse("AMBER");
    StoredCase c = done(cases().create(title, tlp, actor(ctx)));
    ctx.status(201);
    ctx.json(CaseJson.summary(c));
  }

  private void share(Context ctx) {
    JsonNode body = Json.readObject(ctx, mapper, maxBodyBytes);
    StoredCase c =
        done(
            cases()
                .share(
                    ctx.pathParam("id"),
                    Json.text(body, "kind", ""),
                    Json.text(body, "member", ""),
                    Json.optionalText(body, "rights", "").orElse("read"),
                    actor(ctx)));
    ctx.json(CaseJson.summary(c));
  }

  private void addItem(Context ctx) {
    JsonNode body = Json.readObject(ctx, mapper, maxBodyBytes);
    List<String> added =
        done(
            cases()
                .addItem(
                    ctx.pathParam("id"),
                    Json.optionalText(body, "kind", "").orElse("entity"),
                    Json.text(body, "id", ""),
                    actor(ctx)));
    ctx.json(new Items<>(added));
  }

  private void removeItem(Context ctx) {
    JsonNode body = Json.readObject(ctx, mapper, maxBodyBytes);
    String removed =
        done(
            cases()
                .removeItem(
                    ctx.pathParam("id"),
                    Json.optionalText(body, "kind", "").orElse("entity"),
                    Json.text(body, "id", ""),
                    actor(ctx)));
    ctx.json(Map.of("removed", removed));
  }

  private void addNeighbourhood(Context ctx) {
    JsonNode body = Json.readObject(ctx, mapper, maxBodyBytes);
    JsonNode depth = body.path("depth");
    if (!depth.isMissingNode() && !depth.canConvertToInt()) {
      throw ApiException.badRequest("depth must be a whole number");
    }
    List<String> schemas = new ArrayList<>();
    for (JsonNode s : body.path("schemas")) {
      if (!s.isTextual()) {
        throw ApiException.badRequest("schemas must be a list of link schema names");
      }
      schemas.add(s.asText());
    }
    List<String> added =
        done(
            cases()
                .addNeighbourhood(
                    ctx.pathParam("id"),
                    Json.text(body, "entity", ""),
                    depth.isMissingNode() ? 1 : depth.asInt(),
                    schemas,
                    actor(ctx)));
    ctx.json(new Items<>(added));
  }

  private void addNote(Context ctx) {
    JsonNode body = Json.readObject(ctx, mapper, maxBodyBytes);
    ctx.status(201);
    ctx.json(
        CaseJson.written(
            done(
                cases()
                    .addNote(
                        ctx.pathParam("id"),
                        Json.text(body, "markdown", ""),
                        Json.optionalText(body, "tlp", "").orElse("AMBER"),
                        actor(ctx)))));
  }

  private void setStatus(Context ctx) {
    JsonNode body = Json.readObject(ctx, mapper, maxBodyBytes);
    StoredCase c =
        done(cases().setStatus(ctx.pathParam("id"), Json.text(body, "status", ""), actor(ctx)));
    ctx.json(CaseJson.summary(c));
  }

  private void delete(Context ctx) {
    Json.readObject(ctx, mapper, maxBodyBytes);
    String id = done(cases().delete(ctx.pathParam("id"), actor(ctx)));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("deleted", id);
    ctx.json(out);
  }

  private void report(Context ctx) {
    JsonNode body = Json.readObject(ctx, mapper, maxBodyBytes);
    List<String> entities = new ArrayList<>();
    for (JsonNode e : body.path("entities")) {
      if (!e.isTextual()) {
        throw ApiException.badRequest("entities must be a list of entity ids");
      }
      entities.add(e.asText());
    }
    CaseReports.Request request;
    try {
      request =
          new CaseReports.Request(
              Json.text(body, "for", ""),
              ReportFormat.parse(Json.optionalText(body, "format", "").orElse("pdf")),
              Json.optionalText(body, "summary", ""),
              Tlp.parse(Json.optionalText(body, "summaryTlp", "").orElse("AMBER")),
              entities);
    } catch (InvalidValueException e) {
      throw ApiException.invalidValue(e.getMessage());
    }
    CaseReports.Written w =
        done(
            new CaseReports(backend.get().store(), clock)
                .report(ctx.pathParam("id"), request, actor(ctx)));
    ctx.contentType(w.format().mediaType());
    ctx.header("Content-Disposition", "attachment; filename=\"" + w.fileName() + "\"");
    ctx.result(w.bytes());
  }

  /** The actor of a request, for {@link Cases}. */
  public static Cases.Actor actor(Context ctx) {
    Principal who = Requests.principal(ctx);
    return new Cases.Actor(who.user().id(), who.viewer(), Requests.remoteAddress(ctx));
  }

  /** The value of a done outcome; a refusal as the API error it maps to. */
  public static <T> T done(Cases.Outcome<T> outcome) {
    if (outcome instanceof Cases.Done<T> d) {
      return d.value();
    }
    Cases.Refused<T> r = (Cases.Refused<T>) outcome;
    throw switch (r.reason()) {
      case INVALID_VALUE -> ApiException.invalidValue(r.message());
      case UNKNOWN -> ApiException.notFound(r.message());
      case NOT_ALLOWED -> ApiException.forbidden(r.message());
      case MEMBER_REFUSED -> new ApiException(422, "member_refused", r.message());
    };
  }
}
