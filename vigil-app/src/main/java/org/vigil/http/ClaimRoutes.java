/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.vigil.access.Permission;
import org.vigil.auth.Principal;
import org.vigil.claims.AchAnalysis;
import org.vigil.model.InvalidValueException;
import org.vigil.store.Grade;
import org.vigil.weighing.AchJson;
import org.vigil.weighing.ClaimWeighings;
import org.vigil.weighing.FactRows;
import org.vigil.weighing.Grading;

/**
 * Weighed claims, analysts' grades and ACH. Everything answers from what the caller may see: a
 * claim, entity or source the caller cannot see is answered like an unknown id, counts take no part
 * of what the caller cannot see, and grades belong to the caller's organisation.
 */
public final class ClaimRoutes {
  private final Supplier<Backend> backend;
  private final ObjectMapper mapper;
  private final long maxBodyBytes;
  private final Clock clock;

  ClaimRoutes(Supplier<Backend> backend, ObjectMapper mapper, long maxBodyBytes, Clock clock) {
    this.backend = requireNonNull(backend, "backend");
    this.mapper = requireNonNull(mapper, "mapper");
    this.maxBodyBytes = maxBodyBytes;
    this.clock = requireNonNull(clock, "clock");
  }

  void register(Routes routes) {
    routes.get("/entities/{id}/claims", Permission.READ, this::aboutEntity);
    routes.get("/claims/{id}", Permission.READ, this::claim);
    routes.post("/grades", Permission.JUDGE, this::grade);
    routes.post("/grades/{id}/undo", Permission.JUDGE, this::undo);
    routes.post("/ach", Permission.READ, this::ach);
    new DeclarationRoutes(backend, mapper, maxBodyBytes, clock).register(routes);
  }

  record Items<T>(List<T> items) {}

  private void aboutEntity(Context ctx) {
    Principal who = Requests.principal(ctx);
    List<ClaimWeighings.Fact> facts =
        new ClaimWeighings(backend.get().store())
            .about(ctx.pathParam("id"), who.viewer())
            .orElseThrow(() -> ApiException.notFound("no entity " + ctx.pathParam("id")));
    ctx.json(new Items<>(facts.stream().map(FactRows::fact).toList()));
  }

  private void claim(Context ctx) {
    Principal who = Requests.principal(ctx);
    ClaimWeighings.Fact fact =
        new ClaimWeighings(backend.get().store())
            .claim(ctx.pathParam("id"), who.viewer())
            .orElseThrow(() -> ApiException.notFound("no claim " + ctx.pathParam("id")));
    ctx.json(FactRows.fact(fact));
  }

  private void grade(Context ctx) {
    Principal who = Requests.principal(ctx);
    JsonNode body = Json.readObject(ctx, mapper, maxBodyBytes);
    String target = Json.text(body, "target", "");
    String id = Json.text(body, "id", "");
    String grade = Json.text(body, "grade", "");
    String reason = Json.optionalText(body, "reason", "").orElse("");
    Grading grading = new Grading(backend.get().store(), clock);
    Grading.Outcome<Grade> outcome =
        switch (target) {
          case "source" -> grading.gradeSource(id, grade, reason, actor(ctx, who));
          case "claim" -> grading.gradeClaim(id, grade, reason, actor(ctx, who));
          default ->
              throw ApiException.invalidValue("target '" + target + "' is not source or claim");
        };
    ctx.status(201);
    ctx.json(FactRows.grade(done(outcome)));
  }

  private void undo(Context ctx) {
    Principal who = Requests.principal(ctx);
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw ApiException.invalidValue("'" + ctx.pathParam("id") + "' is not a grade id");
    }
    Grading grading = new Grading(backend.get().store(), clock);
    ctx.json(FactRows.grade(done(grading.undoGrade(id, actor(ctx, who)))));
  }

  private void ach(Context ctx) {
    JsonNode body = Json.readObject(ctx, mapper, maxBodyBytes);
    Map<String, Object> out;
    try {
      out = AchJson.analysis(AchAnalysis.of(AchJson.matrix(body)));
    } catch (InvalidValueException e) {
      throw ApiException.invalidValue(e.getMessage());
    }
    ctx.json(out);
  }

  static Grading.Actor actor(Context ctx, Principal who) {
    return new Grading.Actor(who.user().id(), who.viewer(), Requests.remoteAddress(ctx));
  }

  static <T> T done(Grading.Outcome<T> outcome) {
    if (outcome instanceof Grading.Done<T> d) {
      return d.value();
    }
    Grading.Refused<T> r = (Grading.Refused<T>) outcome;
    throw switch (r.reason()) {
      case INVALID_VALUE -> ApiException.invalidValue(r.message());
      case UNKNOWN_TARGET, UNKNOWN_GRADE -> ApiException.notFound(r.message());
    };
  }
}
