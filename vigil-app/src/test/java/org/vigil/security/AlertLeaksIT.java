/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.User;
import org.vigil.security.OrgPairServer.Reply;
import org.vigil.security.OrgPairServer.Session;

/**
 * Organisation B reports a person under a harmless name; organisation A's AMBER+STRICT report gives
 * the same person the name of a listed man, and A's RED report (shared with Alice only) names a
 * second listed man. The alerts those raise are A's: B's feed, home page and entity matches must
 * not show them.
 */
class AlertLeaksIT {
  @TempDir static Path dir;
  static OrgPairServer app;
  static Session alice;
  static Session bob;

  @BeforeAll
  static void start() {
    app = OrgPairServer.start(dir);
    app.org("org-a");
    app.org("org-b");
    User aliceUser = app.user("alice", "org-a");
    app.user("bob", "org-b");
    alice = app.signIn("alice");
    bob = app.signIn("bob");

    ObjectNode green = OrgPairServer.write("b-green-report", "GREEN");
    OrgPairServer.statement(green, "shared-person", "Person", "name", "Quiet Neighbour");
    OrgPairServer.statement(green, "shared-courier", "Person", "name", "Plain Courier");
    bob.write(green);

    ObjectNode strict = OrgPairServer.write("a-strict-report", "AMBER+STRICT");
    OrgPairServer.statement(strict, "shared-person", "Person", "name", "Ali Akbar Ahmadian");
    alice.write(strict);

    ObjectNode red = OrgPairServer.write("a-red-report", "RED", aliceUser.id());
    OrgPairServer.statement(red, "shared-courier", "Person", "name", "Morteza Rezaie");
    alice.write(red);

    app.resolve();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void alertsRaisedByRestrictedStatementsReachTheirReaders() {
    Reply feed = alice.get("/api/v1/alerts");
    assertThat(feed.status()).as(feed.body()).isEqualTo(200);
    assertThat(feed.body()).contains("AHMADIAN").contains("REZAIE");
  }

  @Test
  void restrictedAlertsNeverReachAnotherOrganisationsFeed() {
    Reply feed = bob.get("/api/v1/alerts");
    assertThat(feed.status()).as(feed.body()).isEqualTo(200);
    assertThat(feed.json().path("total").asInt()).isZero();
    assertThat(feed.body())
        .doesNotContain("AHMADIAN")
        .doesNotContain("Ahmadian")
        .doesNotContain("REZAIE");
  }

  @Test
  void restrictedAlertsNeverReachAnotherOrganisationsHomePage() {
    Reply home = bob.get("/");
    assertThat(home.status()).isEqualTo(200);
    assertThat(home.body())
        .doesNotContain("AHMADIAN")
        .doesNotContain("Ahmadian")
        .doesNotContain("REZAIE");
  }

  @Test
  void restrictedAlertsNeverReachAnotherOrganisationsEntityMatches() {
    for (String id : new String[] {"shared-person", "shared-courier"}) {
      Reply matches = bob.get("/api/v1/entities/" + id + "/matches");
      assertThat(matches.status()).as(matches.body()).isEqualTo(200);
      assertThat(matches.json().path("items")).isEmpty();
      Reply page = bob.get("/entities/" + id);
      assertThat(page.body()).doesNotContain("AHMADIAN").doesNotContain("REZAIE");
    }
  }
}
