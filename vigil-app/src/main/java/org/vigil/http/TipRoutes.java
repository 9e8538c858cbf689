/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.vigil.access.Permission;
import org.vigil.auth.Principal;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Tlp;
import org.vigil.store.TipRepository;
import org.vigil.tips.TeamKeyFile;
import org.vigil.tips.TipDesk;
import org.vigil.tips.TipHandling;
import org.vigil.tips.triage.TipTriage;

/**
 * The tip handlers' queue over JSON, on the analyst listener (never on the intake's). Every route
 * needs {@link Permission#TIPS}, which only tip handlers have: analysts, administrators and
 * strangers get 403 (401 without credentials). A tip of another organisation's tip line is 404 like
 * one that does not exist. Without the team's private key configured the routes answer 503.
 */
final class TipRoutes {
  private final Supplier<Backend> backend;
  private final ObjectMapper mapper;
  private final long maxBodyBytes;
  private final TipHandling handling;

  TipRoutes(
      Supplier<Backend> backend, ObjectMapper mapper, long maxBodyBytes, TipHandling handling) {
    this.backend = requireNonNull(backend, "backend");
    this.mapper = requireNonNull(mapper, "mapper");
    this.maxBodyBytes = maxBodyBytes;
    this.handling = requireNonNull(handling, "handling");
  }

  void register(Routes routes) {
    routes.get("/tips", Permission.TIPS, this::queue);
    routes.get("/tips/{id}", Permission.TIPS, this::show);
    routes.post("/tips/{id}/replies", Permission.TIPS, this::reply);
    routes.post("/tips/{id}/priority", Permission.TIPS, this::priority);
    routes.get("/tips/{id}/attachments/{seq}/working-copy", Permission.TIPS, this::workingCopy);
    routes.post("/tips/{id}/release", Permission.TIPS, this::release);
  }

  record Items<T>(List<T> items) {}

  private TipDesk desk() {
    try {
      return handling.desk(backend.get().store());
    } catch (TeamKeyFile.Unavailable e) {
      throw new ApiException(
          503,
          e.problem() == TeamKeyFile.Problem.MISSING ? "tip_key_missing" : "tip_key_unreadable",
          e.getMessage());
    }
  }

  private static TipDesk.Handler handler(Context ctx) {
    Principal who = Requests.principal(ctx);
    return new TipDesk.Handler(
        who.user().id(), who.viewer().orgId(), Requests.remoteAddress(ctx), who.viewer());
  }

  private void queue(Context ctx) {
    ctx.json(new Items<>(desk().queue(handler(ctx)).stream().map(TipRoutes::queued).toList()));
  }

  private void show(Context ctx) {
    String id = ctx.pathParam("id");
    TipDesk desk = desk();
    TipDesk.OpenedTip tip =
        desk.open(id, handler(ctx)).orElseThrow(() -> ApiException.notFound("no tip " + id));
    Map<String, Object> json = summary(tip.tip());
    desk.triage(id, handler(ctx)).ifPresent(t -> json.put("triage", triage(t)));
    desk.released(id, handler(ctx))
        .ifPresent(r -> json.put("release", Map.of("case", r.caseId(), "tlp", r.tlp())));
    json.put(
        "messages",
        tip.messages().stream()
            .map(
                m ->
                    Map.of(
                        "seq", m.seq(),
                        "author", m.author().code(),
                        "receivedOn", m.on().toString(),
                        "text", m.text()))
            .toList());
    json.put(
        "attachments",
        tip.originals().stream()
            .map(
                a -> {
                  Map<String, Object> o = new LinkedHashMap<>();
                  o.put("seq", a.seq());
                  o.put("receivedOn", a.on().toString());
                  o.put("sizeBytes", a.sizeBytes());
                  o.put("mediaType", a.mediaType().orElse(""));
                  o.put("workingCopy", a.hasWorkingCopy());
                  o.put("note", a.note());
                  return o;
                })
            .toList());
    ctx.json(json);
  }

  private void reply(Context ctx) {
    String id = ctx.pathParam("id");
    JsonNode body = Json.readObject(ctx, mapper, maxBodyBytes);
    String text = Json.text(body, "text", "");
    if (text.isBlank() || text.strip().length() > TipDesk.MAX_REPLY_CHARS) {
      throw ApiException.invalidValue(
          "text must have 1 to " + TipDesk.MAX_REPLY_CHARS + " characters");
    }
    if (!desk().reply(id, text, handler(ctx))) {
      throw ApiException.notFound("no tip " + id);
    }
    ctx.status(201);
    ctx.json(Map.of("replied", true));
  }

  private void priority(Context ctx) {
    String id = ctx.pathParam("id");
    JsonNode body = Json.readObject(ctx, mapper, maxBodyBytes);
    JsonNode value = body.path("priority");
    if (!value.canConvertToInt() || value.asInt() < 0 || value.asInt() > 3) {
      throw ApiException.invalidValue("priority must be a whole number from 0 to 3");
    }
    if (!desk().setPriority(id, value.asInt(), handler(ctx))) {
      throw ApiException.notFound("no tip " + id);
    }
    ctx.json(Map.of("priority", value.asInt()));
  }

  private void workingCopy(Context ctx) {
    String id = ctx.pathParam("id");
    int seq;
    try {
      seq = Integer.parseInt(ctx.pathParam("seq"));
    } catch (NumberFormatException e) {
      throw ApiException.notFound("no such attachment");
    }
    byte[] copy =
        desk()
            .workingCopy(id, seq, handler(ctx))
            .orElseThrow(() -> ApiException.notFound("no working copy of that attachment"));
    ctx.header("Content-Disposition", "attachment");
    ctx.contentType("application/octet-stream").result(copy);
  }

  private void release(Context ctx) {
    String id = ctx.pathParam("id");
    JsonNode body = Json.readObject(ctx, mapper, maxBodyBytes);
    String caseId = Json.text(body, "case", "").strip();
    if (caseId.isEmpty()) {
      throw ApiException.invalidValue("case must name the case to release the tip into");
    }
    Tlp tlp;
    try {
      tlp = Tlp.parse(Json.text(body, "tlp", ""));
    } catch (InvalidValueException e) {
      throw ApiException.invalidValue("tlp: " + e.getMessage());
    }
    TipDesk desk = desk();
    TipDesk.Released done =
        desk.release(id, caseId, tlp, handler(ctx), handling.intake(backend.get().store()));
    if (done instanceof TipDesk.NotReleased no) {
      if (no.noSuchTip()) {
        throw ApiException.notFound(no.reason());
      }
      throw new ApiException(409, "not_released", no.reason());
    }
    TipDesk.ReleasedAs as = (TipDesk.ReleasedAs) done;
    ctx.status(201);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("case", as.caseId());
    answer.put("document", as.documentId());
    answer.put("tlp", as.tlp().code());
    answer.put(
        "files",
        as.files().stream()
            .map(f -> Map.<String, Object>of("id", f.id(), "attachment", f.seq()))
            .toList());
    answer.put("withheld", as.withheld());
    ctx.json(answer);
  }

  private static Map<String, Object> queued(TipDesk.QueuedTip q) {
    Map<String, Object> json = summary(q.tip());
    json.put("groupSize", q.groupSize());
    json.put("spam", q.spam());
    q.triage().ifPresent(t -> json.put("triage", triage(t)));
    return json;
  }

  private static Map<String, Object> triage(TipTriage t) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("language", t.language().code());
    json.put("group", t.group());
    json.put("suggestedPriority", t.suggestedPriority());
    json.put("spamSignals", t.spamSignals());
    json.put(
        "names", t.names().stream().map(n -> Map.of("text", n.text(), "type", n.type())).toList());
    json.put("relations", t.relations());
    json.put("claims", t.claims());
    json.put(
        "links",
        t.links().stream()
            .map(
                l ->
                    Map.of(
                        "id", l.entityId(),
                        "caption", l.caption(),
                        "schema", l.schema(),
                        "href", "/entities/" + l.entityId()))
            .toList());
    json.put(
        "screening",
        t.hits().stream()
            .map(
                h ->
                    Map.of(
                        "name", h.name(),
                        "entry", h.entryId(),
                        "caption", h.caption(),
                        "dataset", h.dataset(),
                        "score", h.score()))
            .toList());
    return json;
  }

  private static Map<String, Object> summary(TipRepository.Tip t) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", t.id());
    json.put("receivedOn", t.receivedOn().toString());
    json.put("status", t.status().code());
    json.put("priority", t.priority());
    return json;
  }
}
