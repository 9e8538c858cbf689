/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.vigil.access.Permission;
import org.vigil.auth.Principal;
import org.vigil.store.TipRepository;
import org.vigil.tips.OpeningKey;
import org.vigil.tips.TeamKeys;
import org.vigil.tips.TipDesk;

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
  private final Optional<Path> keyFile;
  private final Clock clock;
  private volatile Optional<OpeningKey> key = Optional.empty();

  TipRoutes(
      Supplier<Backend> backend,
      ObjectMapper mapper,
      long maxBodyBytes,
      Optional<Path> keyFile,
      Clock clock) {
    this.backend = requireNonNull(backend, "backend");
    this.mapper = requireNonNull(mapper, "mapper");
    this.maxBodyBytes = maxBodyBytes;
    this.keyFile = requireNonNull(keyFile, "keyFile");
    this.clock = requireNonNull(clock, "clock");
  }

  void register(Routes routes) {
    routes.get("/tips", Permission.TIPS, this::queue);
    routes.get("/tips/{id}", Permission.TIPS, this::show);
    routes.post("/tips/{id}/replies", Permission.TIPS, this::reply);
    routes.post("/tips/{id}/priority", Permission.TIPS, this::priority);
    routes.get("/tips/{id}/attachments/{seq}/working-copy", Permission.TIPS, this::workingCopy);
  }

  record Items<T>(List<T> items) {}

  private TipDesk desk() {
    Optional<OpeningKey> k = key;
    if (k.isEmpty()) {
      Path file =
          keyFile.orElseThrow(
              () ->
                  new ApiException(
                      503,
                      "tip_key_missing",
                      "this server opens no tips: start it with --tip-key FILE (docs/tips.md)"));
      try {
        k = Optional.of(TeamKeys.openingKey(file));
      } catch (RuntimeException e) {
        throw new ApiException(
            503, "tip_key_unreadable", "the tip team's private key cannot be read (docs/tips.md)");
      }
      key = k;
    }
    return new TipDesk(backend.get().store(), k.get(), new SecureRandom(), clock);
  }

  private static TipDesk.Handler handler(Context ctx) {
    Principal who = Requests.principal(ctx);
    return new TipDesk.Handler(who.user().id(), who.viewer().orgId(), Requests.remoteAddress(ctx));
  }

  private void queue(Context ctx) {
    ctx.json(new Items<>(desk().queue(handler(ctx)).stream().map(TipRoutes::summary).toList()));
  }

  private void show(Context ctx) {
    String id = ctx.pathParam("id");
    TipDesk.OpenedTip tip =
        desk().open(id, handler(ctx)).orElseThrow(() -> ApiException.notFound("no tip " + id));
    Map<String, Object> json = summary(tip.tip());
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

  private static Map<String, Object> summary(TipRepository.Tip t) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", t.id());
    json.put("receivedOn", t.receivedOn().toString());
    json.put("status", t.status().code());
    json.put("priority", t.priority());
    return json;
  }
}
