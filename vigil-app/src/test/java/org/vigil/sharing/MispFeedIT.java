/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.access.User;
import org.vigil.access.Viewer;
import org.vigil.audit.AuditAction;
import org.vigil.store.Grade;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/**
 * The MISP feed of the sample network, read by PyMISP 2.5.34.1 (../shared/tools/pymisp) on Debian's
 * python3: every event loads, PyMISP rebuilds manifest.json and hashes.csv equal to the feed's,
 * every attribute type is valid in its category under MISP's describeTypes.json, the events carry
 * the TLP and Admiralty machine tags, and a partner's feed holds nothing it may not read.
 */
class MispFeedIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Store store;

  @BeforeEach
  void open() {
    store = Store.open(StoreConfig.embedded(dir.resolve("data")));
    store.accounts().createOrganization(SampleNetwork.OWNER, "The Agency");
    store.accounts().createOrganization("partner", "The Partner");
    store.accounts().addPartners(SampleNetwork.OWNER, "partner");
    User red = store.accounts().createUser("red-reader", SampleNetwork.OWNER, Role.ANALYST, "x");
    SampleNetwork.write(store, red.id());
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void pymispRebuildsTheManifestAndHashesOfEveryEventEqualToOurs() throws IOException {
    MispFeed.Outcome outcome =
        new MispFeed(store, Clock.systemUTC()).feedFor("partner", "test", "test");
    Path feed = dir.resolve("feed");
    MispFeed.write(outcome, feed);
    JsonNode check = check(feed);
    assertThat(check.path("events").asInt()).isEqualTo(outcome.events().size()).isEqualTo(2);
    assertThat(check.path("manifest_mismatches").toString()).isEqualTo("[]");
    assertThat(check.path("manifest_equal").asBoolean()).isTrue();
    assertThat(check.path("hash_mismatches").toString()).isEqualTo("[]");
    assertThat(check.path("hashes").asInt()).isEqualTo(outcome.attributes());
    assertThat(check.path("attributes").asInt()).isEqualTo(outcome.attributes()).isGreaterThan(10);
    assertThat(check.path("invalid_types").toString()).isEqualTo("[]");
    assertThat(check.path("events_in_files")).isEqualTo(check.path("manifest_keys"));
    assertThat(check.path("tags").toString())
        .contains(
            "tlp:green",
            "tlp:amber",
            "admiralty-scale:source-reliability=\\\"a\\\"",
            "admiralty-scale:source-reliability=\\\"b\\\"");

    String all = Files.readString(feed.resolve("hashes.csv"));
    for (MispFeed.FeedEvent e : outcome.events()) {
      all += JSON.writeValueAsString(e.document());
    }
    assertThat(all)
        .contains("Naji Ibrahim Sharifi-Zindashti", "Ministry of Intelligence and Security")
        .doesNotContain(SampleNetwork.STRICT_CANARY, SampleNetwork.RED_CANARY, "tlp:red");
    assertThat(store.audit().recent(10))
        .anySatisfy(
            r -> {
              assertThat(r.event().action()).isEqualTo(AuditAction.EXPORT);
              assertThat(r.event().target()).isEqualTo("misp:partner");
              assertThat(r.event().detail()).contains(outcome.events().get(0).uuid());
            });
  }

  @Test
  void theSameSourceIsTheSameEventInEveryFeedAndOnlyItsOwnerGetsTheStrictOne() {
    MispFeed feed = new MispFeed(store, Clock.systemUTC());
    MispFeed.Outcome partner = feed.feedFor("partner", "test", "test");
    MispFeed.Outcome owner = feed.feedFor(SampleNetwork.OWNER, "test", "test");
    assertThat(owner.events().stream().map(MispFeed.FeedEvent::uuid))
        .containsAll(partner.events().stream().map(MispFeed.FeedEvent::uuid).toList());
    String ownerText = owner.events().toString();
    assertThat(ownerText).contains(SampleNetwork.STRICT_CANARY, "tlp:amber+strict");
    assertThat(ownerText).doesNotContain(SampleNetwork.RED_CANARY);
  }

  @Test
  void anOrganisationsFeedSaysItsOwnGradesInTheAdmiraltyTagsAndAPartnersSaysNone()
      throws IOException {
    Viewer analyst =
        store.accounts().viewer(store.accounts().userByName("red-reader").orElseThrow());
    store.grades().grade(analyst, Grade.Target.SOURCE, "src-treasury-jy2041", "B", "");
    store.grades().grade(analyst, Grade.Target.CLAIM, "m-zindashti", "2", "court papers");
    MispFeed feed = new MispFeed(store, Clock.systemUTC());

    MispFeed.Outcome owner = feed.feedFor(SampleNetwork.OWNER, "test", "test");
    JsonNode treasury = treasuryEvent(owner);
    assertThat(treasury.path("Tag").toString())
        .contains("admiralty-scale:source-reliability=\\\"b\\\"")
        .doesNotContain("source-reliability=\\\"a\\\"");
    List<String> graded = new ArrayList<>();
    treasury
        .path("Attribute")
        .forEach(
            a -> {
              if (a.path("Tag").toString().contains("information-credibility=\\\"2\\\"")) {
                graded.add(a.path("comment").asText());
              }
            });
    assertThat(graded).isNotEmpty().allSatisfy(c -> assertThat(c).contains("m-zindashti"));
    Path dir = this.dir.resolve("owner-feed");
    MispFeed.write(owner, dir);
    assertThat(check(dir).path("invalid_types").toString()).isEqualTo("[]");

    JsonNode partner = treasuryEvent(feed.feedFor("partner", "test", "test"));
    assertThat(partner.path("Tag").toString()).contains("source-reliability=\\\"a\\\"");
    assertThat(partner.toString()).doesNotContain("information-credibility");
  }

  private static JsonNode treasuryEvent(MispFeed.Outcome outcome) {
    return outcome.events().stream()
        .map(e -> e.document().path("Event"))
        .filter(e -> e.path("info").asText().startsWith("Treasury sanctions"))
        .findFirst()
        .orElseThrow();
  }

  private JsonNode check(Path feed) {
    try {
      Path script = dir.resolve("check_misp_feed.py");
      try (InputStream in = MispFeedIT.class.getResourceAsStream("check_misp_feed.py")) {
        Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
      }
      ProcessBuilder pb =
          new ProcessBuilder(
              "/usr/bin/python3",
              script.toString(),
              feed.toString(),
              shared("data/misp/describeTypes.json").toString());
      pb.environment().put("PYTHONPATH", shared("tools/pymisp").toString());
      pb.redirectError(dir.resolve("python.err").toFile());
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor())
          .as("PyMISP failed:\n" + Files.readString(dir.resolve("python.err")) + out)
          .isZero();
      return JSON.readTree(out);
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
