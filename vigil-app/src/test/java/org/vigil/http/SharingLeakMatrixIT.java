/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.access.User;
import org.vigil.auth.ApiTokens;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;
import org.vigil.sharing.FtmExport;
import org.vigil.sharing.MispFeed;
import org.vigil.sharing.StixExport;

/**
 * The leak matrix of everything that leaves, organisations × markings: three organisations (the
 * agency, its partner, and a stranger that is no one's partner) each hold one person at each level
 * (CLEAR, GREEN, AMBER, AMBER+STRICT, RED), each named by a canary. The partner's token then pulls
 * every TAXII collection it is shown, both feeds over HTTP (the MISP manifest, every event and
 * hashes.csv; the FtM lines), and the STIX, FtM and MISP exports made for it. What it may read
 * (CLEAR and GREEN of anyone, the agency's AMBER, and its own up to AMBER+STRICT) arrives; nothing
 * else does: 0 objects it may not read, in any of them.
 */
class SharingLeakMatrixIT {
  private static final List<String> ORGS = List.of("agency", "partner", "stranger");
  private static final List<Tlp> LEVELS =
      List.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER, Tlp.AMBER_STRICT, Tlp.RED);
  private static final Instant SEEN = Instant.parse("2024-01-30T12:00:00Z");

  @TempDir Path dir;
  private TestServer app;
  private String partnerToken;

  @BeforeEach
  void start() {
    app = TestServer.start(dir.resolve("data"));
    app.org("partner");
    app.org("agency", "partner");
    app.org("stranger");
    User partner = app.user("partner-analyst", "partner", Role.ANALYST);
    for (String org : ORGS) {
      User reader = app.user(org + "-red-reader", org, Role.ANALYST);
      for (Tlp level : LEVELS) {
        Marking marking =
            level == Tlp.RED ? Marking.red(org, Set.of(reader.id())) : Marking.of(level, org);
        Source source =
            new Source(
                "src-"
                    + org
                    + "-"
                    + level.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                SourceKind.DOCUMENT,
                "Report of " + org + " at " + level.name(),
                Reliability.B,
                marking,
                Optional.empty(),
                Optional.empty(),
                SEEN);
        String entity =
            "p-" + org + "-" + level.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        app.store
            .statements()
            .write(
                source,
                List.of(
                    Statement.about(entity, Schema.PERSON)
                        .set("name", canary(org, level))
                        .from(source)
                        .seen(SEEN)
                        .build()));
      }
      new StixExport(app.store, Clock.systemUTC()).publish(org, "test", "test");
    }
    partnerToken =
        ApiTokens.issue(
            app.store.accounts(), partner, "leak", Duration.ofDays(1), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void thePartnersTokenPullsEveryCollectionFeedAndExportAndReceivesNothingItMayNotRead()
      throws IOException {
    Map<String, String> released = new TreeMap<>();
    released.put("TAXII collections", taxii());
    StringBuilder misp = new StringBuilder(get(Routes.PREFIX + "/feeds/misp/manifest.json").body());
    JsonNode manifest = Client.JSON.readTree(misp.toString());
    manifest.fieldNames().forEachRemaining(uuid -> misp.append(get(mispEvent(uuid)).body()));
    misp.append(get(Routes.PREFIX + "/feeds/misp/hashes.csv").body());
    released.put("MISP feed over HTTP", misp.toString());
    released.put("FtM feed over HTTP", get(Routes.PREFIX + "/feeds/ftm").body());
    released.put(
        "STIX export",
        StixExport.bundle(
                new StixExport(app.store, Clock.systemUTC()).exportFor("partner", "t", "t"))
            .toString());
    StringBuilder ftm = new StringBuilder();
    new FtmExport(app.store, Clock.systemUTC())
        .exportFor("partner", "t", "t")
        .entities()
        .forEach(e -> ftm.append(e).append('\n'));
    released.put("FtM export", ftm.toString());
    StringBuilder events = new StringBuilder();
    new MispFeed(app.store, Clock.systemUTC())
        .feedFor("partner", "t", "t")
        .events()
        .forEach(e -> events.append(e.document()).append('\n'));
    released.put("MISP export", events.toString());

    List<String> leaks = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, String> r : released.entrySet()) {
      for (String org : ORGS) {
        for (Tlp level : LEVELS) {
          boolean there = r.getValue().contains(canary(org, level));
          if (there && !mayRead(org, level)) {
            leaks.add(r.getKey() + ": " + canary(org, level));
          }
          if (!there && mayRead(org, level) && !r.getKey().startsWith("TAXII")) {
            missing.add(r.getKey() + ": " + canary(org, level));
          }
        }
      }
    }
    assertThat(leaks).isEmpty();
    assertThat(missing).isEmpty();
    // the TAXII collections: those of the agency the partner may read, none of the stranger's
    assertThat(released.get("TAXII collections"))
        .contains(canary("agency", Tlp.GREEN), canary("agency", Tlp.AMBER));
  }

  /** The partner may read CLEAR and GREEN of anyone, its partner's AMBER, its own but RED. */
  private static boolean mayRead(String org, Tlp level) {
    return switch (level) {
      case CLEAR, GREEN -> true;
      case AMBER -> !org.equals("stranger");
      case AMBER_STRICT -> org.equals("partner");
      case RED -> false;
    };
  }

  private static String canary(String org, Tlp level) {
    return "Canary " + org + " " + level.name() + " Zq";
  }

  private static String mispEvent(String uuid) {
    return Routes.PREFIX + "/feeds/misp/" + uuid + ".json";
  }

  /** Everything in every collection the partner is shown, each read to its end. */
  private String taxii() throws IOException {
    StringBuilder all = new StringBuilder();
    Client.Reply list = taxiiGet("/taxii2/api/collections/");
    assertThat(list.status()).isEqualTo(200);
    all.append(list.body());
    for (JsonNode c : Client.JSON.readTree(list.body()).path("collections")) {
      if (!c.path("can_read").asBoolean()) {
        continue;
      }
      String objects = "/taxii2/api/collections/" + c.path("id").asText() + "/objects/";
      String next = "";
      boolean more = true;
      while (more) {
        Client.Reply page = taxiiGet(objects + "?limit=1000" + next);
        assertThat(page.status()).isEqualTo(200);
        all.append(page.body());
        JsonNode envelope = Client.JSON.readTree(page.body());
        more = envelope.path("more").asBoolean(false);
        next = "&next=" + envelope.path("next").asText();
      }
      all.append(taxiiGet(objects.replace("/objects/", "/manifest/")).body());
    }
    return all.toString();
  }

  private Client.Reply taxiiGet(String path) {
    return app.client()
        .send(
            HttpRequest.newBuilder(URI.create(app.base() + path))
                .header("Authorization", "Bearer " + partnerToken)
                .header("Accept", "application/taxii+json;version=2.1")
                .GET());
  }

  private Client.Reply get(String path) {
    return app.client()
        .send(
            HttpRequest.newBuilder(URI.create(app.base() + path))
                .header("Authorization", "Bearer " + partnerToken)
                .GET());
  }
}
