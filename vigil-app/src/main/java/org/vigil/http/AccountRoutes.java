/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import org.vigil.access.Permission;
import org.vigil.access.User;
import org.vigil.audit.AuditAction;
import org.vigil.auth.ApiTokens;
import org.vigil.auth.Principal;
import org.vigil.auth.Totp;
import org.vigil.model.InvalidValueException;
import org.vigil.store.AccountRepository;
import org.vigil.store.Store;

/**
 * A user's own account (password, sessions, API tokens, second factor) and an organisation
 * administrator's hold on its users (disable, enable, require a second factor). An administrator
 * acts only on the users of their own organisation; any other username is answered as unknown.
 */
final class AccountRoutes {
  private static final long MAX_BODY = 16 * 1024;
  private static final int MAX_TOKEN_DAYS = 3650;

  private final Supplier<Backend> backend;
  private final ObjectMapper mapper;
  private final Clock clock;

  AccountRoutes(Supplier<Backend> backend, ObjectMapper mapper, Clock clock) {
    this.backend = requireNonNull(backend, "backend");
    this.mapper = requireNonNull(mapper, "mapper");
    this.clock = requireNonNull(clock, "clock");
  }

  void register(Routes routes) {
    // READ is what every role holds: these are about the caller's own account.
    routes.post("/me/password", Permission.READ, this::changePassword);
    routes.get("/me/sessions", Permission.READ, this::sessions);
    routes.post("/me/sessions/{id}/end", Permission.READ, this::endSession);
    routes.get("/me/tokens", Permission.READ, this::tokens);
    routes.post("/me/tokens", Permission.READ, this::issueToken);
    routes.post("/me/tokens/{id}/revoke", Permission.READ, this::revokeToken);
    routes.post("/me/totp", Permission.READ, this::startTotp);
    routes.post("/me/totp/confirm", Permission.READ, this::confirmTotp);
    routes.get("/users", Permission.ADMIN, this::users);
    routes.post("/users/{username}/disable", Permission.ADMIN, ctx -> setEnabled(ctx, false));
    routes.post("/users/{username}/enable", Permission.ADMIN, ctx -> setEnabled(ctx, true));
    routes.post("/org/second-factor", Permission.ADMIN, this::requireSecondFactor);
  }

  /**
   * Changing credentials needs a signed-in person, not an API token: a stolen (or read-only) token
   * must not mint a stronger one, change the password or enrol its own second factor.
   */
  private static Principal personSignedIn(Context ctx) {
    Principal who = Requests.principal(ctx);
    if (!who.bySession()) {
      throw new ApiException(
          403, "session_required", "this needs a signed-in session, not an API token");
    }
    return who;
  }

  private void changePassword(Context ctx) {
    Principal who = personSignedIn(ctx);
    JsonNode body = Json.readObject(ctx, mapper, MAX_BODY);
    String current = Json.text(body, "currentPassword", "");
    String next = Json.text(body, "newPassword", "");
    boolean changed;
    try {
      changed =
          backend
              .get()
              .authenticator()
              .changePassword(who, current, next, Requests.remoteAddress(ctx));
    } catch (InvalidValueException e) {
      throw ApiException.invalidValue(e.getMessage());
    }
    if (!changed) {
      throw new ApiException(403, "wrong_password", "the current password is wrong");
    }
    ctx.status(204);
  }

  private void sessions(Context ctx) {
    Principal who = Requests.principal(ctx);
    List<Map<String, Object>> out = new ArrayList<>();
    String own = who.sessionHash().map(h -> h.substring(0, Math.min(16, h.length()))).orElse("");
    for (AccountRepository.SessionInfo s :
        backend.get().store().accounts().sessions(who.user().id(), clock.instant())) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", s.id());
      row.put("current", s.id().equals(own));
      row.put("createdAt", s.createdAt().toString());
      row.put("lastSeenAt", s.lastSeenAt().toString());
      row.put("expiresAt", s.expiresAt().toString());
      row.put("remoteAddress", s.remoteAddress());
      out.add(row);
    }
    ctx.json(Map.of("items", out));
  }

  private void endSession(Context ctx) {
    Principal who = Requests.principal(ctx);
    String id = ctx.pathParam("id");
    Backend b = backend.get();
    boolean ended =
        b.store()
            .audited(
                () -> b.store().accounts().deleteSession(who.user().id(), id),
                done ->
                    b.audit()
                        .event(
                            ctx,
                            who,
                            AuditAction.ADMIN,
                            who.user().username(),
                            done ? "session " + id + " ended" : "no session " + id + " to end"));
    if (!ended) {
      throw ApiException.notFound("you have no session " + id);
    }
    ctx.status(204);
  }

  private void tokens(Context ctx) {
    Principal who = Requests.principal(ctx);
    List<Map<String, Object>> out = new ArrayList<>();
    for (AccountRepository.TokenInfo t :
        backend.get().store().accounts().apiTokens(who.user().id(), clock.instant())) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", t.id());
      row.put("label", t.label());
      row.put("createdAt", t.createdAt().toString());
      row.put("expiresAt", t.expiresAt().toString());
      row.put("scopes", t.scopes().isEmpty() ? List.of("all") : t.scopes());
      out.add(row);
    }
    ctx.json(Map.of("items", out));
  }

  private void issueToken(Context ctx) {
    Principal who = personSignedIn(ctx);
    JsonNode body = Json.readObject(ctx, mapper, MAX_BODY);
    String label = Json.text(body, "label", "");
    int days = body.path("days").asInt(90);
    if (days < 1 || days > MAX_TOKEN_DAYS) {
      throw ApiException.invalidValue("days " + days + " is outside 1.." + MAX_TOKEN_DAYS);
    }
    List<String> scopeNames = new ArrayList<>();
    body.path("scopes").forEach(n -> scopeNames.add(n.asText()));
    Backend b = backend.get();
    String token;
    try {
      Set<Permission> scopes = ApiTokens.parseScopes(scopeNames);
      token =
          b.store()
              .audited(
                  () ->
                      ApiTokens.issue(
                          b.store().accounts(),
                          who.user(),
                          label,
                          Duration.ofDays(days),
                          scopes,
                          clock),
                  t ->
                      b.audit()
                          .event(
                              ctx,
                              who,
                              AuditAction.ADMIN,
                              who.user().username(),
                              "API token '"
                                  + label
                                  + "' issued for "
                                  + days
                                  + " days, scopes "
                                  + (scopes.isEmpty() ? "all" : scopes.toString())));
    } catch (InvalidValueException e) {
      throw ApiException.invalidValue(e.getMessage());
    }
    ctx.status(201);
    ctx.json(Map.of("token", token, "label", label.strip(), "days", days));
  }

  private void revokeToken(Context ctx) {
    Principal who = Requests.principal(ctx);
    String id = ctx.pathParam("id");
    Backend b = backend.get();
    boolean revoked =
        b.store()
            .audited(
                () -> b.store().accounts().deleteApiToken(who.user().id(), id),
                done ->
                    b.audit()
                        .event(
                            ctx,
                            who,
                            AuditAction.ADMIN,
                            who.user().username(),
                            done ? "API token " + id + " revoked" : "no API token " + id));
    if (!revoked) {
      throw ApiException.notFound("you have no API token " + id);
    }
    ctx.status(204);
  }

  private void startTotp(Context ctx) {
    Principal who = personSignedIn(ctx);
    Backend b = backend.get();
    String secret = Totp.newSecret();
    b.store()
        .audited(
            () ->
                b.store().accounts().setPendingTotp(who.user().id(), java.util.Optional.of(secret)),
            b.audit()
                .event(
                    ctx, who, AuditAction.ADMIN, who.user().username(), "second factor enrolment"));
    ctx.status(201);
    ctx.json(
        Map.of(
            "secret",
            secret,
            "uri",
            Totp.uri("Vigil", who.user().username(), secret),
            "next",
            "POST /api/v1/me/totp/confirm with a current code"));
  }

  private void confirmTotp(Context ctx) {
    Principal who = personSignedIn(ctx);
    JsonNode body = Json.readObject(ctx, mapper, MAX_BODY);
    String code = Json.text(body, "code", "");
    Backend b = backend.get();
    Store store = b.store();
    AccountRepository.TotpState state = store.accounts().totp(who.user().id());
    if (state.pending().isEmpty()) {
      throw new ApiException(409, "no_enrolment", "start with POST /api/v1/me/totp");
    }
    OptionalLong step = Totp.verify(state.pending().get(), code, clock.instant());
    if (step.isEmpty()) {
      throw ApiException.invalidValue("the code does not match; check the device's clock");
    }
    store.audited(
        () -> {
          store.accounts().confirmTotp(who.user().id());
          store.accounts().useTotpStep(who.user().id(), step.getAsLong());
        },
        b.audit()
            .event(ctx, who, AuditAction.ADMIN, who.user().username(), "second factor enrolled"));
    ctx.status(204);
  }

  private void users(Context ctx) {
    Principal who = Requests.principal(ctx);
    List<SessionRoutes.UserView> out = new ArrayList<>();
    for (User u : backend.get().store().accounts().users()) {
      if (u.orgId().equals(who.user().orgId())) {
        out.add(SessionRoutes.UserView.of(u));
      }
    }
    ctx.json(Map.of("items", out));
  }

  private void setEnabled(Context ctx, boolean enabled) {
    Principal who = Requests.principal(ctx);
    String username = ctx.pathParam("username");
    Backend b = backend.get();
    // Another organisation's user is answered like an unknown one: no enumeration.
    User user =
        b.store()
            .accounts()
            .userByName(username)
            .filter(u -> u.orgId().equals(who.user().orgId()))
            .orElseThrow(() -> ApiException.notFound("no user " + username));
    if (!enabled && user.id().equals(who.user().id())) {
      throw ApiException.invalidValue("an administrator cannot disable themselves");
    }
    try {
      b.store()
          .audited(
              () -> b.store().accounts().setEnabled(user.id(), enabled),
              b.audit()
                  .event(
                      ctx,
                      who,
                      AuditAction.ADMIN,
                      user.username(),
                      enabled ? "user enabled" : "user disabled; sessions ended"));
    } catch (NoSuchElementException e) {
      throw ApiException.notFound("no user " + username);
    }
    ctx.status(204);
  }

  private void requireSecondFactor(Context ctx) {
    Principal who = Requests.principal(ctx);
    JsonNode body = Json.readObject(ctx, mapper, MAX_BODY);
    if (!body.path("required").isBoolean()) {
      throw ApiException.badRequest("required (true or false) is missing");
    }
    boolean required = body.path("required").asBoolean();
    Backend b = backend.get();
    b.store()
        .audited(
            () -> b.store().accounts().setRequireTotp(who.user().orgId(), required),
            b.audit()
                .event(
                    ctx,
                    who,
                    AuditAction.ADMIN,
                    who.user().orgId(),
                    required ? "second factor required" : "second factor optional"));
    ctx.status(204);
  }
}
