/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import org.vigil.access.Permission;
import org.vigil.auth.Principal;
import org.vigil.cases.CaseView;
import org.vigil.cases.CaseWork;
import org.vigil.cases.Cases;

/**
 * A case's hypotheses (its ACH matrix), tasks and note edits over JSON: each route calls {@link
 * CaseWork} and renders its outcome as {@link CaseRoutes} does (404 for a case the caller may not
 * read, 403 for one they may not change).
 */
final class CaseWorkRoutes {
  private final Supplier<Backend> backend;
  private final ObjectMapper mapper;
  private final long maxBodyBytes;
  private final Clock clock;

  CaseWorkRoutes(Supplier<Backend> backend, ObjectMapper mapper, long maxBodyBytes, Clock clock) {
    this.backend = requireNonNull(backend, "backend");
    this.mapper = requireNonNull(mapper, "mapper");
    this.maxBodyBytes = maxBodyBytes;
    this.clock = requireNonNull(clock, "clock");
  }

  void register(Routes routes) {
    routes.get("/cases/{id}/hypotheses", Permission.READ, this::matrix);
    routes.post("/cases/{id}/hypotheses", Permission.WRITE, this::addHypothesis);
    routes.post("/cases/{id}/hypotheses/{hypothesis}/ratings", Permission.WRITE, this::rate);
    routes.post(
        "/cases/{id}/hypotheses/{hypothesis}/delete", Permission.WRITE, this::deleteHypothesis);
    routes.get("/cases/{id}/tasks", Permission.READ, this::tasks);
    routes.post("/cases/{id}/tasks", Permission.WRITE, this::addTask);
    routes.post("/cases/{id}/tasks/{task}", Permission.WRITE, this::updateTask);
    routes.post("/cases/{id}/tasks/{task}/delete", Permission.WRITE, this::deleteTask);
    routes.post("/cases/{id}/notes/{note}", Permission.WRITE, this::editNote);
    routes.post("/cases/{id}/members/remove", Permission.WRITE, this::unshare);
  }

  private void unshare(Context ctx) {
    JsonNode body = Json.readObject(ctx, mapper, maxBodyBytes);
    String removed =
        CaseRoutes.done(
            new Cases(backend.get().store(), clock)
                .unshare(
                    ctx.pathParam("id"),
                    Json.text(body, "kind", ""),
                    Json.text(body, "member", ""),
                    CaseRoutes.actor(ctx)));
    ctx.json(Map.of("removed", removed));
  }

  private CaseWork work() {
    return new CaseWork(backend.get().store(), clock);
  }

  private void matrix(Context ctx) {
    Principal who = Requests.principal(ctx);
    String id = ctx.pathParam("id");
    ctx.json(
        CaseWorkJson.matrix(
            work()
                .matrix(id, who.viewer())
                .orElseThrow(() -> ApiException.notFound("no case " + id))));
  }

  private void addHypothesis(Context ctx) {
    JsonNode body = Json.readObject(ctx, mapper, maxBodyBytes);
    var h =
        CaseRoutes.done(
            work()
                .addHypothesis(
                    ctx.pathParam("id"), Json.text(body, "text", ""), CaseRoutes.actor(ctx)));
    ctx.status(201);
    ctx.json(CaseWorkJson.hypothesis(h));
  }

  private void rate(Context ctx) {
    JsonNode body = Json.readObject(ctx, mapper, maxBodyBytes);
    var matrix =
        CaseRoutes.done(
            work()
                .rate(
                    ctx.pathParam("id"),
                    number(ctx, "hypothesis"),
                    Json.text(body, "evidence", ""),
                    Json.text(body, "rating", ""),
                    CaseRoutes.actor(ctx)));
    ctx.json(CaseWorkJson.matrix(matrix));
  }

  private void deleteHypothesis(Context ctx) {
    Json.readObject(ctx, mapper, maxBodyBytes);
    long deleted =
        CaseRoutes.done(
            work()
                .deleteHypothesis(
                    ctx.pathParam("id"), number(ctx, "hypothesis"), CaseRoutes.actor(ctx)));
    ctx.json(Map.of("deleted", deleted));
  }

  private void tasks(Context ctx) {
    Principal who = Requests.principal(ctx);
    String id = ctx.pathParam("id");
    CaseView view =
        new Cases(backend.get().store(), clock)
            .view(id, who.viewer())
            .orElseThrow(() -> ApiException.notFound("no case " + id));
    ctx.json(new CaseRoutes.Items<>(CaseWorkJson.tasks(view.tasks())));
  }

  private void addTask(Context ctx) {
    JsonNode body = Json.readObject(ctx, mapper, maxBodyBytes);
    var t =
        CaseRoutes.done(
            work()
                .addTask(
                    ctx.pathParam("id"),
                    Json.text(body, "title", ""),
                    Json.optionalText(body, "assignee", "").orElse(""),
                    Json.optionalText(body, "due", "").orElse(""),
                    CaseRoutes.actor(ctx)));
    ctx.status(201);
    ctx.json(CaseWorkJson.task(t));
  }

  private void updateTask(Context ctx) {
    JsonNode body = Json.readObject(ctx, mapper, maxBodyBytes);
    CaseWork.TaskChange change =
        new CaseWork.TaskChange(
            Json.optionalText(body, "title", ""),
            Json.optionalText(body, "assignee", ""),
            Json.optionalText(body, "status", ""),
            Json.optionalText(body, "due", ""));
    var t =
        CaseRoutes.done(
            work()
                .updateTask(
                    ctx.pathParam("id"), number(ctx, "task"), change, CaseRoutes.actor(ctx)));
    ctx.json(CaseWorkJson.task(t));
  }

  private void deleteTask(Context ctx) {
    Json.readObject(ctx, mapper, maxBodyBytes);
    long deleted =
        CaseRoutes.done(
            work().deleteTask(ctx.pathParam("id"), number(ctx, "task"), CaseRoutes.actor(ctx)));
    ctx.json(Map.of("deleted", deleted));
  }

  private void editNote(Context ctx) {
    JsonNode body = Json.readObject(ctx, mapper, maxBodyBytes);
    var n =
        CaseRoutes.done(
            work()
                .editNote(
                    ctx.pathParam("id"),
                    number(ctx, "note"),
                    Json.text(body, "markdown", ""),
                    Json.optionalText(body, "tlp", "").orElse(""),
                    CaseRoutes.actor(ctx)));
    ctx.json(CaseJson.written(n));
  }

  /** A numeric path parameter; anything else names nothing there is. */
  static long number(Context ctx, String param) {
    String text = ctx.pathParam(param);
    if (!text.matches("\\d{1,18}")) {
      throw ApiException.notFound("no " + param + " " + text);
    }
    return Long.parseLong(text);
  }
}
