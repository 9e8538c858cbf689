/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Permission;
import org.vigil.access.Role;
import org.vigil.http.Client;
import org.vigil.http.Routes;
import org.vigil.http.TestServer;
import org.vigil.store.StoreConfig;
import org.vigil.tips.ReceiptHasher;
import org.vigil.tips.TeamKeys;
import org.vigil.tips.TipIntake;
import org.vigil.tips.attachments.AttachmentCleaner;
import org.vigil.tips.attachments.CleanerSettings;
import org.vigil.watchlists.ListScreening;

/**
 * The tip routes' row of the adversarial matrix: every route and page the analyst server registers
 * with the TIPS permission (found from the server itself, so a new one is probed without being
 * named here), against every caller who is not a tip handler of the tip line's organisation. Each
 * gets 403 or 404, never 401 and never a word of the tip; a partner's or another organisation's tip
 * handler finds nothing. The organisation's own tip handler is the control: it reads the tip.
 */
class TipRouteMatrixIT {
  private static final String SECRET = "Zindashti's courier uses the Ferry Road warehouse";
  private static final String PHANTOM = "tip-000000000000000000000000";

  @TempDir Path dir;
  @TempDir Path offline;

  private TestServer app;
  private String tipId;

  @BeforeEach
  void start() {
    Path key = offline.resolve("team.key");
    TeamKeys.generate(key, dir);
    app = TestServer.start(StoreConfig.embedded(dir), s -> s.withTipKey(key), ListScreening.none());
    app.org("org-a");
    app.org("org-b", "org-a");
    app.org("org-c");
    app.user("handler", "org-a", Role.TIP_HANDLER);
    app.user("analyst", "org-a", Role.ANALYST);
    app.user("admin", "org-a", Role.ADMIN);
    app.user("viewer", "org-a", Role.VIEWER);
    app.user("partner-analyst", "org-b", Role.ANALYST);
    app.user("partner-handler", "org-b", Role.TIP_HANDLER);
    app.user("stranger-handler", "org-c", Role.TIP_HANDLER);
    SecureRandom random = new SecureRandom();
    new TipIntake(
            app.store.tips(),
            "org-a",
            AttachmentCleaner.create(CleanerSettings.DEFAULT.withWorkRoot(offline)),
            TeamKeys.sealingKey(dir).orElseThrow(),
            ReceiptHasher.standard(random),
            random,
            Clock.systemUTC())
        .submit(SECRET, List.of());
    tipId = app.store.tips().queue("org-a").get(0).id();
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void everyTipRouteRefusesEveryCallerButTheOrganisationsTipHandlers() {
    List<Routes.Route> tipRoutes =
        app.routes().stream().filter(r -> r.permission() == Permission.TIPS).toList();
    assertThat(tipRoutes).hasSizeGreaterThanOrEqualTo(5);
    List<String> cells = new ArrayList<>();
    for (Routes.Route r : tipRoutes) {
      cells.add(r.method() + " " + r.path());
      expect(r, app.client(), "anonymous", 404);
      expect(r, app.client().withBearer("vgl_forged-token"), "a forged token", 404);
      for (String who : List.of("analyst", "admin", "viewer", "partner-analyst")) {
        expect(r, app.client().signedIn(who), who, 403);
      }
      for (String who : List.of("partner-handler", "stranger-handler")) {
        Client c = app.client().signedIn(who);
        Client.Reply reply = send(c, r, tipId);
        assertThat(reply.body()).as(who + " " + r).doesNotContain(SECRET);
        if (r.path().contains("{id}")) {
          // our tip answers exactly as a tip that does not exist (the id sent is echoed in both):
          // 404, or the same 400 when the page's form refuses this JSON probe before any lookup
          Client.Reply none = send(c, r, PHANTOM);
          assertThat(reply.status()).as(who + " " + r).isIn(400, 404);
          assertThat(reply.status()).as(who + " " + r).isEqualTo(none.status());
          assertThat(reply.body().replace(tipId, "ID"))
              .as(who + " " + r)
              .isEqualTo(none.body().replace(PHANTOM, "ID"));
        } else {
          assertThat(reply.body()).as(who + " " + r).doesNotContain(tipId);
        }
      }
    }
    // the control: the organisation's own handler reads the tip through the same routes
    Client.Reply own = app.client().signedIn("handler").get("/tips/" + tipId);
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.body()).contains(SECRET);
    assertThat(cells).contains("GET /api/v1/tips", "GET /api/v1/tips/{id}");
  }

  private void expect(Routes.Route r, Client c, String who, int status) {
    Client.Reply reply = send(c, r, tipId);
    assertThat(reply.status()).as(who + " " + r.method() + " " + r.path()).isEqualTo(status);
    assertThat(reply.body()).as(who + " " + r).doesNotContain(SECRET).doesNotContain(tipId);
  }

  /** The route as the caller sends it: its credentials, and the session's CSRF token on a write. */
  private Client.Reply send(Client c, Routes.Route r, String id) {
    String path = r.path().replace("{id}", id).replaceAll("\\{[^}]+}", "1");
    HttpRequest.Builder request;
    if (path.startsWith(Routes.PREFIX)) {
      request = c.request(path.substring(Routes.PREFIX.length()));
    } else {
      String api = c.request("").build().uri().toString();
      request =
          c.request("")
              .uri(URI.create(api.substring(0, api.length() - Routes.PREFIX.length()) + path));
    }
    c.csrfToken().ifPresent(t -> request.header("X-CSRF-Token", t));
    return c.send(
        request.method(
            r.method(),
            HttpRequest.BodyPublishers.ofString(
                "{\"text\":\"x\",\"priority\":1,\"case\":\"x\",\"tlp\":\"amber\"}")));
  }
}
