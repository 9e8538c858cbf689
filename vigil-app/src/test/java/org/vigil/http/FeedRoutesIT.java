/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.access.User;
import org.vigil.audit.AuditAction;
import org.vigil.auth.ApiTokens;
import org.vigil.sharing.FeedCache;
import org.vigil.sharing.FtmExport;
import org.vigil.sharing.FtmModel;
import org.vigil.sharing.MispFeed;
import org.vigil.sharing.SampleNetwork;

/**
 * A partner pulls the MISP feed and the FtM entities with its own token over HTTP: PyMISP
 * (../shared/tools/pymisp) fetches the feed as MISP's feed fetcher does (manifest.json, hashes.csv,
 * UUID.json under the feed URL, with the token as the feed's header) and rebuilds manifest and
 * hashes equal to ours; npm followthemoney loads every FtM line; neither holds what the partner may
 * not read; an event of a source the partner may not read answers exactly like one that never
 * existed; every release is audited.
 */
class FeedRoutesIT {
  @TempDir Path dir;
  private TestServer app;
  private User partner;
  private User owner;

  @BeforeEach
  void start() {
    app = TestServer.start(dir.resolve("data"));
    app.org("partner");
    app.org(SampleNetwork.OWNER, "partner");
    owner = app.user("agency-analyst", SampleNetwork.OWNER, Role.ANALYST);
    partner = app.user("partner-analyst", "partner", Role.ANALYST);
    User red = app.user("red-reader", SampleNetwork.OWNER, Role.ANALYST);
    SampleNetwork.write(app.store, red.id());
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void pymispFetchesThePartnersFeedOverHttpAndRebuildsItsManifestAndHashes() {
    JsonNode check = pymisp(token(partner));
    assertThat(check.path("events").asInt()).isEqualTo(2);
    assertThat(check.path("manifest_equal").asBoolean()).isTrue();
    assertThat(check.path("manifest_mismatches").toString()).isEqualTo("[]");
    assertThat(check.path("hash_mismatches").toString()).isEqualTo("[]");
    assertThat(check.path("hashes").asInt()).isEqualTo(check.path("attributes").asInt());
    assertThat(check.path("attributes").asInt()).isGreaterThan(10);
    assertThat(check.path("invalid_types").toString()).isEqualTo("[]");
    assertThat(check.path("events_in_files")).isEqualTo(check.path("manifest_keys"));
    assertThat(check.path("content_types").path("json").asText()).startsWith("application/json");
    assertThat(check.path("content_types").path("csv").asText()).startsWith("text/csv");
    assertThat(check.path("tags").toString()).contains("tlp:green", "tlp:amber");

    StringBuilder all = new StringBuilder(get(token(partner), "/feeds/misp/hashes.csv").body());
    for (JsonNode uuid : check.path("manifest_keys")) {
      all.append(get(token(partner), "/feeds/misp/" + uuid.asText() + ".json").body());
    }
    assertThat(all.toString())
        .contains("Naji Ibrahim Sharifi-Zindashti")
        .doesNotContain(SampleNetwork.STRICT_CANARY, SampleNetwork.RED_CANARY, "tlp:red");
    assertThat(auditedIds("misp:partner")).containsAll(texts(check.path("manifest_keys")));
  }

  @Test
  void anEventThePartnerMayNotReadAnswersExactlyLikeOneThatNeverExisted() {
    MispFeed feed = new MispFeed(app.store, Clock.systemUTC());
    Set<String> partners = new TreeSet<>();
    feed.feedFor("partner", "test", "test").events().forEach(e -> partners.add(e.uuid()));
    List<String> ownersOnly = new ArrayList<>();
    feed.feedFor(SampleNetwork.OWNER, "test", "test").events().stream()
        .map(MispFeed.FeedEvent::uuid)
        .filter(u -> !partners.contains(u))
        .forEach(ownersOnly::add);
    assertThat(ownersOnly).hasSize(1);
    String strict = ownersOnly.get(0);
    assertThat(get(token(owner), "/feeds/misp/" + strict + ".json").body())
        .contains(SampleNetwork.STRICT_CANARY);

    Client.Reply hidden = get(token(partner), "/feeds/misp/" + strict + ".json");
    String never = "0f0e0d0c-0b0a-5908-8706-050403020100";
    Client.Reply missing = get(token(partner), "/feeds/misp/" + never + ".json");
    assertThat(hidden.status()).isEqualTo(404);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(hidden.body()).isEqualTo(missing.body()).doesNotContain(strict);
    assertThat(auditedIds("misp:partner")).doesNotContain(strict);
  }

  @Test
  void ftmLinesOverHttpLoadInTheFtmModelResolveAndHoldNothingThePartnerMayNotRead()
      throws IOException {
    Client.Reply reply = get(token(partner), "/feeds/ftm");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type"))
        .hasValueSatisfying(t -> t.startsWith("application/x-ndjson"));
    assertThat(reply.body())
        .contains("Naji Ibrahim Sharifi-Zindashti", "Naji Zindashti")
        .doesNotContain(SampleNetwork.STRICT_CANARY, SampleNetwork.RED_CANARY);
    Path lines = dir.resolve("partner.ftm.jsonl");
    Files.writeString(lines, reply.body(), StandardCharsets.UTF_8);
    JsonNode check = FtmModel.check(lines, dir);
    assertThat(check.path("failures").toString()).isEqualTo("[]");
    assertThat(check.path("loaded").asInt()).isEqualTo(check.path("lines").asInt()).isPositive();
    assertThat(check.path("dangling").toString()).isEqualTo("[]");
    Set<String> released = new TreeSet<>();
    for (String line : reply.body().split("\n")) {
      released.add(Client.JSON.readTree(line).path("id").asText());
    }
    assertThat(auditedIds("ftm:partner")).containsAll(released);
  }

  @Test
  void theCacheServesEachOrganisationItsOwnViewRebuildsAfterAWriteAndAuditsEveryRead() {
    // The owner's view (with its AMBER+STRICT canary) is built first and cached ...
    assertThat(get(token(owner), "/feeds/ftm").body()).contains(SampleNetwork.STRICT_CANARY);
    assertThat(get(token(owner), "/feeds/misp/hashes.csv").status()).isEqualTo(200);
    // ... and the partner, right after, gets its own view, never the owner's
    String first = get(token(partner), "/feeds/ftm").body();
    assertThat(first).doesNotContain(SampleNetwork.STRICT_CANARY, SampleNetwork.RED_CANARY);
    String manifest = get(token(partner), "/feeds/misp/manifest.json").body();
    assertThat(manifest).doesNotContain(SampleNetwork.STRICT_CANARY);
    int audited = auditedIds("ftm:partner").size();

    FeedCache cache = FeedCache.standard(app.store, Clock.systemUTC());
    FtmExport export = new FtmExport(app.store, Clock.systemUTC());
    FtmExport.Outcome a = export.exportFor("partner", "test", "test", cache);
    FtmExport.Outcome b = export.exportFor("partner", "test", "test", cache);
    assertThat(cache.builds()).isEqualTo(1); // the second read did not rebuild
    assertThat(b.entities()).isEqualTo(a.entities());
    export.exportFor(SampleNetwork.OWNER, "test", "test", cache);
    assertThat(cache.builds()).isEqualTo(2); // another organisation's view is its own entry

    org.vigil.model.Source green =
        new org.vigil.model.Source(
            "cache-probe-source",
            org.vigil.model.SourceKind.DOCUMENT,
            "Cache probe",
            org.vigil.model.Reliability.C,
            org.vigil.model.Marking.of(org.vigil.model.Tlp.GREEN, SampleNetwork.OWNER),
            java.util.Optional.empty(),
            java.util.Optional.empty(),
            java.time.Instant.parse("2024-02-01T00:00:00Z"));
    app.store
        .statements()
        .write(
            green,
            List.of(
                org.vigil.model.Statement.about("cache-probe", org.vigil.model.Schema.PERSON)
                    .set("name", "Written After The Cache")
                    .from(green)
                    .extractor("test", 1.0)
                    .seen(java.time.Instant.parse("2024-02-01T00:00:00Z"))
                    .build()));
    FtmExport.Outcome c = export.exportFor("partner", "test", "test", cache);
    assertThat(cache.builds()).isEqualTo(3);
    assertThat(c.entities().toString()).contains("Written After The Cache");
    assertThat(get(token(partner), "/feeds/ftm").body()).contains("Written After The Cache");
    assertThat(auditedIds("ftm:partner").size()).isGreaterThan(audited);
  }

  @Test
  void aViewersTokenMayReadButNotPullTheFeeds() {
    User viewer = app.user("partner-viewer", "partner", Role.VIEWER);
    assertThat(get(token(viewer), "/feeds/ftm").status()).isEqualTo(403);
    assertThat(get(token(viewer), "/feeds/misp/manifest.json").status()).isEqualTo(403);
  }

  private Set<String> auditedIds(String target) {
    Set<String> ids = new TreeSet<>();
    app.store
        .audit()
        .recent(200)
        .forEach(
            r -> {
              String detail = r.event().detail();
              if (r.event().action() == AuditAction.EXPORT
                  && r.event().target().equals(target)
                  && detail.startsWith("released ")) {
                ids.addAll(List.of(detail.substring(detail.indexOf("): ") + 3).split(",")));
              }
            });
    return ids;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private Client.Reply get(String token, String path) {
    Client c = app.client();
    return c.send(
        HttpRequest.newBuilder(URI.create(app.base() + Routes.PREFIX + path))
            .header("Authorization", "Bearer " + token)
            .GET());
  }

  private String token(User user) {
    return ApiTokens.issue(
        app.store.accounts(), user, "feed", Duration.ofDays(1), Clock.systemUTC());
  }

  private JsonNode pymisp(String token) {
    try {
      Path script = dir.resolve("check_misp_feed.py");
      try (InputStream in = SampleNetwork.class.getResourceAsStream("check_misp_feed.py")) {
        Files.copy(in, script);
      }
      ProcessBuilder pb =
          new ProcessBuilder(
              "/usr/bin/python3",
              script.toString(),
              app.base() + Routes.PREFIX + FeedRoutes.MISP,
              shared("data/misp/describeTypes.json").toString());
      pb.environment().put("PYTHONPATH", shared("tools/pymisp").toString());
      pb.environment().put("VIGIL_TOKEN", token);
      pb.redirectError(dir.resolve("python.err").toFile());
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor())
          .as("PyMISP failed:\n" + Files.readString(dir.resolve("python.err")) + out)
          .isZero();
      return Client.JSON.readTree(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A path under ../shared, found from the module's folder upwards. */
  private static Path shared(String path) {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared").resolve(path);
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("shared/" + path + " is not above here");
  }
}
