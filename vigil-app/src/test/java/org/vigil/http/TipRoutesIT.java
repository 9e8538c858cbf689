/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.audit.AuditAction;
import org.vigil.tips.ReceiptHasher;
import org.vigil.tips.TeamKeys;
import org.vigil.tips.TipIntake;
import org.vigil.tips.attachments.AttachmentCleaner;
import org.vigil.tips.attachments.CleanerSettings;

class TipRoutesIT {
  @TempDir Path dir;
  @TempDir Path offline;

  private TestServer app;
  private String tipId;

  @BeforeEach
  void start() {
    Path key = offline.resolve("team.key");
    TeamKeys.generate(key, dir);
    app = TestServer.start(dir, s -> s.withTipKey(key));
    app.org("org-a");
    app.org("org-b", "org-a");
    app.user("handler", "org-a", Role.TIP_HANDLER);
    app.user("analyst", "org-a", Role.ANALYST);
    app.user("admin", "org-a", Role.ADMIN);
    app.user("partner-handler", "org-b", Role.TIP_HANDLER);
    SecureRandom random = new SecureRandom();
    TipIntake intake =
        new TipIntake(
            app.store.tips(),
            "org-a",
            AttachmentCleaner.create(CleanerSettings.DEFAULT.withWorkRoot(offline)),
            TeamKeys.sealingKey(dir).orElseThrow(),
            ReceiptHasher.standard(random),
            random,
            Clock.systemUTC());
    intake.submit("Zindashti's men meet at the Ferry Road warehouse on Fridays.", List.of());
    tipId = app.store.tips().queue("org-a").get(0).id();
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void aTipHandlerReadsTheQueueOpensATipRepliesAndSetsItsPriorityAllAudited() {
    Client handler = app.client().signedIn("handler");
    Client.Reply queue = handler.get("/tips");
    assertThat(queue.status()).isEqualTo(200);
    assertThat(queue.json().path("items").get(0).path("id").asText()).isEqualTo(tipId);
    assertThat(queue.body()).doesNotContain("Ferry Road");

    Client.Reply tip = handler.get("/tips/" + tipId);
    assertThat(tip.status()).isEqualTo(200);
    assertThat(tip.json().path("messages").get(0).path("text").asText())
        .contains("Ferry Road warehouse");

    assertThat(handler.post("/tips/" + tipId + "/replies", "{\"text\":\"Which Friday?\"}").status())
        .isEqualTo(201);
    assertThat(handler.post("/tips/" + tipId + "/priority", "{\"priority\":3}").status())
        .isEqualTo(200);
    Client.Reply again = handler.get("/tips/" + tipId);
    assertThat(again.json().path("priority").asInt()).isEqualTo(3);
    assertThat(again.json().path("messages").get(1).path("author").asText()).isEqualTo("handler");
    assertThat(handler.post("/tips/" + tipId + "/priority", "{\"priority\":9}").status())
        .isEqualTo(400);
    assertThat(
            app.store.audit().recent(100).stream()
                .filter(r -> r.event().action() == AuditAction.TIP)
                .map(r -> r.event().detail())
                .toList())
        .contains("read", "reply", "priority 3");
  }

  @Test
  void analystsAdministratorsAndAnonymousCallersAreRefusedEveryTipRoute() {
    List<String[]> routes =
        List.of(
            new String[] {"GET", "/tips"},
            new String[] {"GET", "/tips/" + tipId},
            new String[] {"POST", "/tips/" + tipId + "/replies"},
            new String[] {"POST", "/tips/" + tipId + "/priority"},
            new String[] {"GET", "/tips/" + tipId + "/attachments/1/working-copy"});
    for (String who : List.of("analyst", "admin")) {
      Client c = app.client().signedIn(who);
      for (String[] r : routes) {
        Client.Reply reply =
            r[0].equals("GET") ? c.get(r[1]) : c.post(r[1], "{\"text\":\"x\",\"priority\":1}");
        assertThat(reply.status()).as(who + " " + r[0] + " " + r[1]).isEqualTo(403);
        assertThat(reply.body()).doesNotContain("Ferry Road");
      }
    }
    // without credentials, or with a token that is not one: 404, as for a route that is not there
    for (Client anonymous : List.of(app.client(), app.client().withBearer("vgl_not-a-token"))) {
      for (String[] r : routes) {
        Client.Reply reply = r[0].equals("GET") ? anonymous.get(r[1]) : anonymous.post(r[1], "{}");
        assertThat(reply.status()).as("anonymous " + r[0] + " " + r[1]).isEqualTo(404);
        assertThat(reply.body()).doesNotContain("Ferry Road").doesNotContain("tip");
      }
    }
    // a route of the analyst listener that tips never use still asks for credentials
    assertThat(app.client().get("/cases").status()).isEqualTo(401);
  }

  @Test
  void aHandlerOfAnotherOrganisationFindsNoTipAsIfThereWereNone() {
    Client partner = app.client().signedIn("partner-handler");
    assertThat(partner.get("/tips").json().path("items")).isEmpty();
    Client.Reply other = partner.get("/tips/" + tipId);
    Client.Reply none = partner.get("/tips/tip-000000000000000000000000");
    assertThat(other.status()).isEqualTo(404);
    assertThat(none.status()).isEqualTo(404);
    assertThat(other.errorCode()).isEqualTo(none.errorCode());
    assertThat(partner.post("/tips/" + tipId + "/replies", "{\"text\":\"hello\"}").status())
        .isEqualTo(404);
    assertThat(partner.post("/tips/" + tipId + "/priority", "{\"priority\":0}").status())
        .isEqualTo(404);
    assertThat(app.store.tips().messages(tipId)).hasSize(1);
    assertThat(app.store.tips().find(tipId).map(t -> t.priority())).isEqualTo(Optional.of(1));
  }
}
