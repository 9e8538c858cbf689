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
import org.vigil.claims.LinkKind;
import org.vigil.claims.OriginLink;
import org.vigil.store.Assessment;
import org.vigil.weighing.FactRows;
import org.vigil.weighing.Grading;

/**
 * What analysts declare when they weigh claims: links of derivation between sources or parties
 * ("report B copies report A") and assessments with a likelihood ("likely", 55-80%). Each belongs
 * to the caller's organisation; only its users see and undo it. An end, subject or row the caller
 * may not see is answered like an unknown id; a link that would close a circle of copying or citing
 * is refused whole, with the circle named.
 */
final class DeclarationRoutes {
  private final Supplier<Backend> backend;
  private final ObjectMapper mapper;
  private final long maxBodyBytes;
  private final Clock clock;

  DeclarationRoutes(
      Supplier<Backend> backend, ObjectMapper mapper, long maxBodyBytes, Clock clock) {
    this.backend = requireNonNull(backend, "backend");
    this.mapper = requireNonNull(mapper, "mapper");
    this.maxBodyBytes = maxBodyBytes;
    this.clock = requireNonNull(clock, "clock");
  }

  void register(Routes routes) {
    routes.post("/origin-links", Permission.JUDGE, this::declare);
    routes.get("/origin-links", Permission.READ, this::links);
    routes.post("/origin-links/{id}/undo", Permission.JUDGE, this::undoLink);
    routes.post("/assessments", Permission.JUDGE, this::assess);
    routes.get("/assessments", Permission.READ, this::assessments);
    routes.post("/assessments/{id}/undo", Permission.JUDGE, this::undoAssessment);
  }

  private Grading grading() {
    return new Grading(backend.get().store(), clock);
  }

  private void declare(Context ctx) {
    Principal who = Requests.principal(ctx);
    JsonNode body = Json.readObject(ctx, mapper, maxBodyBytes);
    OriginLink link;
    try {
      link =
          new OriginLink(
              Json.text(body, "from", ""),
              LinkKind.parse(Json.text(body, "kind", "")),
              Json.text(body, "to", ""));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidValue(e.getMessage());
    }
    String reason = Json.optionalText(body, "reason", "").orElse("");
    ctx.status(201);
    ctx.json(
        FactRows.link(ClaimRoutes.done(grading().link(link, reason, ClaimRoutes.actor(ctx, who)))));
  }

  private void links(Context ctx) {
    Principal who = Requests.principal(ctx);
    ctx.json(
        new ClaimRoutes.Items<>(
            grading().links(who.viewer()).stream().map(FactRows::link).toList()));
  }

  private void undoLink(Context ctx) {
    Principal who = Requests.principal(ctx);
    ctx.json(
        FactRows.link(
            ClaimRoutes.done(grading().undoLink(id(ctx, "link"), ClaimRoutes.actor(ctx, who)))));
  }

  private void assess(Context ctx) {
    Principal who = Requests.principal(ctx);
    JsonNode body = Json.readObject(ctx, mapper, maxBodyBytes);
    String subject = Json.text(body, "subject", "");
    String statement = Json.text(body, "statement", "");
    String likelihood = Json.text(body, "likelihood", "");
    ctx.status(201);
    ctx.json(
        FactRows.assessment(
            ClaimRoutes.done(
                grading().assess(subject, statement, likelihood, ClaimRoutes.actor(ctx, who)))));
  }

  private void assessments(Context ctx) {
    Principal who = Requests.principal(ctx);
    String subject = ctx.queryParam("subject");
    if (subject == null || subject.isBlank()) {
      throw ApiException.badRequest("subject is missing");
    }
    List<Assessment> found =
        grading()
            .assessments(subject, who.viewer())
            .orElseThrow(() -> ApiException.notFound("no claim or entity " + subject));
    List<Map<String, Object>> rows = found.stream().map(FactRows::assessment).toList();
    ctx.json(new ClaimRoutes.Items<>(rows));
  }

  private void undoAssessment(Context ctx) {
    Principal who = Requests.principal(ctx);
    ctx.json(
        FactRows.assessment(
            ClaimRoutes.done(
                grading().undoAssessment(id(ctx, "assessment"), ClaimRoutes.actor(ctx, who)))));
  }

  private static long id(Context ctx, String what) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw ApiException.invalidValue("'" + ctx.pathParam("id") + "' is not " + what + " id");
    }
  }
}
