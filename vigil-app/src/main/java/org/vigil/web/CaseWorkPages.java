/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.vigil.access.Permission;
import org.vigil.cases.CaseWork;
import org.vigil.http.Backend;
import org.vigil.http.Routes;

/**
 * The forms of a case's page for hypotheses, ratings, tasks and note edits: each posts here, calls
 * {@link CaseWork} and comes back to its section of the case's page, or shows why it was refused.
 */
final class CaseWorkPages {
  private final Supplier<Backend> backend;
  private final Clock clock;

  CaseWorkPages(Supplier<Backend> backend, Clock clock) {
    this.backend = requireNonNull(backend, "backend");
    this.clock = requireNonNull(clock, "clock");
  }

  void register(Routes routes) {
    routes.pagePost("/cases/{id}/hypotheses", Permission.WRITE, this::addHypothesis);
    routes.pagePost("/cases/{id}/hypotheses/rate", Permission.WRITE, this::rate);
    routes.pagePost(
        "/cases/{id}/hypotheses/{hypothesis}/delete", Permission.WRITE, this::deleteHypothesis);
    routes.pagePost("/cases/{id}/tasks", Permission.WRITE, this::addTask);
    routes.pagePost("/cases/{id}/tasks/{task}", Permission.WRITE, this::setTaskStatus);
    routes.pagePost("/cases/{id}/notes/{note}", Permission.WRITE, this::editNote);
  }

  private CaseWork work() {
    return new CaseWork(backend.get().store(), clock);
  }

  private void addHypothesis(Context ctx) {
    String id = ctx.pathParam("id");
    back(
        ctx,
        CasePages.done(ctx, work().addHypothesis(id, field(ctx, "text"), actor(ctx))),
        id,
        "#case-hypotheses");
  }

  private void rate(Context ctx) {
    String id = ctx.pathParam("id");
    String evidence =
        field(ctx, "statement").isBlank() ? field(ctx, "evidence") : field(ctx, "statement");
    Optional<Long> hypothesis = number(field(ctx, "hypothesis"));
    if (hypothesis.isEmpty()) {
      refuse(ctx, "choose a hypothesis to rate the evidence against");
      return;
    }
    if (evidence.isBlank()) {
      refuse(ctx, "choose the evidence to rate, or write a statement:ENTITY/STATEMENT");
      return;
    }
    back(
        ctx,
        CasePages.done(
            ctx, work().rate(id, hypothesis.get(), evidence, field(ctx, "rating"), actor(ctx))),
        id,
        "#case-hypotheses");
  }

  private void deleteHypothesis(Context ctx) {
    String id = ctx.pathParam("id");
    Optional<Long> hypothesis = number(ctx.pathParam("hypothesis"));
    back(
        ctx,
        CasePages.done(ctx, work().deleteHypothesis(id, hypothesis.orElse(-1L), actor(ctx))),
        id,
        "#case-hypotheses");
  }

  private void addTask(Context ctx) {
    String id = ctx.pathParam("id");
    back(
        ctx,
        CasePages.done(
            ctx,
            work()
                .addTask(
                    id,
                    field(ctx, "title"),
                    field(ctx, "assignee"),
                    field(ctx, "due"),
                    actor(ctx))),
        id,
        "#case-tasks");
  }

  private void setTaskStatus(Context ctx) {
    String id = ctx.pathParam("id");
    CaseWork.TaskChange change =
        new CaseWork.TaskChange(
            Optional.empty(),
            Optional.empty(),
            Optional.of(field(ctx, "status")),
            Optional.empty());
    Optional<Long> task = number(ctx.pathParam("task"));
    back(
        ctx,
        CasePages.done(ctx, work().updateTask(id, task.orElse(-1L), change, actor(ctx))),
        id,
        "#case-tasks");
  }

  private void editNote(Context ctx) {
    String id = ctx.pathParam("id");
    Optional<Long> note = number(ctx.pathParam("note"));
    back(
        ctx,
        CasePages.done(
            ctx,
            work()
                .editNote(
                    id, note.orElse(-1L), field(ctx, "markdown"), field(ctx, "tlp"), actor(ctx))),
        id,
        "#note-" + note.orElse(-1L));
  }

  private static void back(Context ctx, Optional<?> done, String id, String anchor) {
    if (done.isPresent()) {
      ctx.redirect(CasePages.href(id) + anchor, HttpStatus.SEE_OTHER);
    }
  }

  private static void refuse(Context ctx, String message) {
    ctx.status(400);
    ctx.html(Html.errorPage(400, message));
  }

  private static Optional<Long> number(String text) {
    return text.strip().matches("\\d{1,18}")
        ? Optional.of(Long.parseLong(text.strip()))
        : Optional.empty();
  }

  private static org.vigil.cases.Cases.Actor actor(Context ctx) {
    return CasePages.actor(ctx);
  }

  private static String field(Context ctx, String name) {
    return CasePages.field(ctx, name);
  }
}
