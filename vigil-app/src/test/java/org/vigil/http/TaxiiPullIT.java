/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Permission;
import org.vigil.access.Role;
import org.vigil.access.User;
import org.vigil.access.Viewer;
import org.vigil.audit.AuditRecord;
import org.vigil.auth.ApiTokens;
import org.vigil.jobs.JobState;
import org.vigil.model.Entity;
import org.vigil.model.Reliability;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;
import org.vigil.sharing.TaxiiCollections;
import org.vigil.sharing.TaxiiPartner;
import org.vigil.sharing.TaxiiPull;
import org.vigil.sharing.TaxiiPullSchedule;
import org.vigil.stix.StixTime;
import org.vigil.stix.TlpMarkings;
import org.vigil.store.StoreConfig;
import org.vigil.store.TaxiiRepository;
import org.vigil.watchlists.ListScreening;

/**
 * The TAXII client against a second, real Vigil TAXII server: two servers with two stores. The
 * partner ("allied") serves a collection that grows while it is paged; the receiving organisation
 * ("ctic") pulls it in small pages, is interrupted after a stored page, resumes, and pulls again
 * after more objects and a new version arrive. Every object version arrives exactly once (0
 * duplicates, 0 gaps), {@code added_after} is never sent with {@code next}, the partner's markings
 * hold (AMBER stays in ctic, a granular AMBER+STRICT description is stored apart from its GREEN
 * name, RED only for the named reader and in no collection), and every page is audited.
 */
class TaxiiPullIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PAGE = 300;

  @TempDir Path partnerDir;
  @TempDir Path homeDir;
  private TestServer partner;
  private TestServer home;
  private String token;
  private TaxiiPartner allied;
  private final List<URI> requested = new ArrayList<>();

  @BeforeEach
  void start() {
    partner = TestServer.start(StoreConfig.embedded(partnerDir), s -> s, ListScreening.none());
    home = TestServer.start(StoreConfig.embedded(homeDir), s -> s, ListScreening.none());
    partner.org("ctic");
    partner.org("allied", "ctic");
    User liaison = partner.user("ctic-liaison", "ctic", Role.ANALYST);
    token =
        ApiTokens.issue(
            partner.store.accounts(),
            liaison,
            "pull",
            Duration.ofDays(1),
            Set.of(Permission.READ),
            Clock.systemUTC());
    home.org("third");
    home.org("ctic", "third");
    home.user("alice", "ctic", Role.ANALYST);
    home.user("bob", "ctic", Role.ANALYST);
    home.user("tom", "third", Role.ANALYST);
    partner.store.taxii().ensureCollection(collection(), "allied", Tlp.AMBER);
    allied =
        new TaxiiPartner(
            "allied",
            URI.create(partner.base() + "/taxii2/api/"),
            collection(),
            "ctic",
            Optional.empty(),
            Optional.of("ALLIED_TOKEN"),
            Duration.ofMinutes(5),
            PAGE,
            Reliability.B,
            Tlp.AMBER,
            Set.of("alice"));
  }

  @AfterEach
  void stop() {
    home.close();
    partner.close();
  }

  @Test
  void pagesResumeAndGrowWithoutDuplicatesOrGapsUnderThePartnersMarkings() {
    add(0, 500);
    add(500, 500);
    TaxiiPull pull = new TaxiiPull(home.store, Clock.systemUTC());
    assertThatThrownBy(
            () ->
                pull.pull(
                    allied,
                    token,
                    "test",
                    Integer.MAX_VALUE,
                    (page, uri, objects) -> {
                      requested.add(uri);
                      if (page == 2) {
                        add(1_000, 400); // the source adds objects while the client pages
                      }
                      if (page == 3) {
                        throw new IllegalStateException("the node stopped");
                      }
                    }))
        .hasMessageContaining("the node stopped");
    TaxiiPull.Outcome resumed = pull.pull(allied, token, "test", Integer.MAX_VALUE, this::record);
    assertThat(resumed.resumedFrom()).isPresent();
    add(1_400, 100);
    addNewVersionOf(5);
    TaxiiPull.Outcome again = pull.pull(allied, token, "test", Integer.MAX_VALUE, this::record);
    assertThat(again.objects()).isEqualTo(101);
    TaxiiPull.Outcome nothing = pull.pull(allied, token, "test", Integer.MAX_VALUE, this::record);
    assertThat(nothing.objects()).isZero();

    for (URI uri : requested) {
      String q = uri.getRawQuery();
      assertThat(q.contains("added_after=") && q.contains("next=")).as(q).isFalse();
    }
    Map<String, Integer> atPartner = versions(partner.store, "allied", List.of(Tlp.AMBER));
    Map<String, Integer> atHome =
        versions(home.store, "ctic", List.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER, Tlp.AMBER_STRICT));
    assertThat(atHome.values()).allMatch(n -> n == 1); // 0 duplicates
    Map<String, Integer> expected = new TreeMap<>(atPartner);
    expected.keySet().removeIf(k -> k.startsWith(id(7) + "|")); // RED is in no collection
    assertThat(atHome.keySet()).isEqualTo(expected.keySet()); // 0 gaps
    assertThat(atPartner).hasSize(1_501);

    assertMarkings();
    long audited =
        home.store.audit().recent(10_000).stream()
            .map(AuditRecord::event)
            .filter(e -> e.detail().startsWith("pulled ") && e.detail().contains("allied"))
            .count();
    assertThat(audited).isEqualTo(requested.size());
  }

  @Test
  void aPartnerThatRefusesTheTokenFailsThePullAndStoresNothing() {
    add(0, 10);
    TaxiiPull pull = new TaxiiPull(home.store, Clock.systemUTC());
    assertThatThrownBy(() -> pull.pull(allied, "wrong", "test", 10, TaxiiPull.PageListener.none()))
        .hasMessageContaining("HTTP 401");
    assertThat(home.store.taxii().pullState("allied")).isEmpty();
    assertThat(home.store.statements().count()).isZero();
  }

  @Test
  void theScheduleRunsEachPartnersPullAsAJobOfTheQueue() throws InterruptedException {
    add(0, 20);
    try (TaxiiPullSchedule schedule =
        TaxiiPullSchedule.start(
            home.store,
            Map.of("allied", allied),
            name -> name.equals("ALLIED_TOKEN") ? Optional.of(token) : Optional.empty(),
            Clock.systemUTC(),
            Duration.ofMillis(200))) {
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      // Only the pulls: the server's own periodic jobs (tip triage) are done jobs too.
      while (pullsDone() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
    }
    assertThat(pullsDone()).isPositive();
    assertThat(home.store.taxii().pullState("allied").orElseThrow().objectsReceived())
        .isEqualTo(20);
    assertThat(home.store.statements().entity(id(12), viewer("bob", "ctic", "third"))).isPresent();
  }

  @Test
  void aRelationshipWhoseEndsComeInLaterPagesThanItIsLinkedByThePull() {
    String from = id(9_001);
    String to = id(9_002);
    String link = "relationship--" + UUID.nameUUIDFromBytes("partner-link".getBytes(UTF_8));
    // three adds, so three dates added: the relationship first, then each end
    addRaw(link, "relationship", relationshipJson(link, from, to));
    addRaw(from, "identity", identityJson(from, "Front Company"));
    addRaw(to, "identity", identityJson(to, "Procurement Officer"));
    TaxiiPartner onePerPage =
        new TaxiiPartner(
            "allied",
            allied.apiRoot(),
            allied.collection(),
            "ctic",
            Optional.empty(),
            Optional.of("ALLIED_TOKEN"),
            Duration.ofMinutes(5),
            1,
            Reliability.B,
            Tlp.AMBER,
            Set.of("alice"));
    TaxiiPull.Outcome outcome =
        new TaxiiPull(home.store, Clock.systemUTC())
            .pull(onePerPage, token, "test", Integer.MAX_VALUE, this::record);
    assertThat(outcome.objects()).isEqualTo(3);
    assertThat(requested.size()).isGreaterThanOrEqualTo(3); // the client paged, one object a page
    assertThat(outcome.dangling()).isEmpty(); // its ends came, in later pages of the same pull
    Viewer bob = viewer("bob", "ctic", "third");
    assertThat(
            home
                .store
                .network()
                .neighbours(
                    new org.vigil.network.NeighbourhoodRequest(
                        from, 1, org.vigil.network.LinkFilter.ALL, 100),
                    bob)
                .nodes()
                .stream()
                .map(org.vigil.network.NetworkNode::id))
        .contains(to);
  }

  @Test
  void referencesToNothingPulledOrKeptByTheReceiverAreReportedAndCountedAsDangling() {
    String kept = id(9_101);
    String elsewhere = id(9_102); // held at home, but by another organisation
    String never = id(9_103);
    String link = "relationship--" + UUID.nameUUIDFromBytes("dangling-link".getBytes(UTF_8));
    String early = "relationship--" + UUID.nameUUIDFromBytes("kept-link".getBytes(UTF_8));
    String third = TaxiiCollections.idOf("third", Tlp.GREEN);
    home.store.taxii().ensureCollection(third, "third", Tlp.GREEN);
    home.store
        .taxii()
        .add(
            third,
            List.of(
                new TaxiiRepository.NewObject(
                    elsewhere,
                    StixTime.micros(StixTime.parse("2024-01-30T12:00:00.000Z")),
                    "2024-01-30T12:00:00.000Z",
                    "identity",
                    "2.1",
                    identityJson(elsewhere, "Third's Own Contact"))),
            StixTime.micros(java.time.Instant.now()));
    addRaw(kept, "identity", identityJson(kept, "Shipping Agent"));
    addRaw(early, "relationship", relationshipJson(early, kept, kept));
    addRaw(link, "relationship", relationshipJson(link, elsewhere, never));

    TaxiiPull.Outcome outcome =
        new TaxiiPull(home.store, Clock.systemUTC())
            .pull(allied, token, "test", Integer.MAX_VALUE, this::record);

    assertThat(outcome.objects()).isEqualTo(3);
    assertThat(outcome.refused()).isEmpty();
    // both ends of the link dangle for ctic: third's object is not ctic's to know of
    assertThat(outcome.dangling())
        .extracting(d -> d.object() + " " + d.reason())
        .containsExactly(
            link
                + " source_ref "
                + elsewhere
                + " names no object of this pull or of ctic's collections (kept as it is)",
            link
                + " target_ref "
                + never
                + " names no object of this pull or of ctic's collections (kept as it is)");
    // the relationship is kept all the same
    assertThat(versions(home.store, "ctic", List.of(Tlp.GREEN)).keySet())
        .anyMatch(k -> k.startsWith(link + "|"));
    List<String> summaries =
        home.store.audit().recent(1_000).stream()
            .map(r -> r.event().detail())
            .filter(d -> d.startsWith("pull of TAXII partner allied for ctic ended"))
            .toList();
    assertThat(summaries)
        .singleElement()
        .satisfies(
            d ->
                assertThat(d)
                    .contains(": 3 objects in 1 pages, ")
                    .endsWith(" 0 refused, 2 dangling references"));
  }

  private void addRaw(String id, String type, String json) {
    partner
        .store
        .taxii()
        .add(
            collection(),
            List.of(
                new TaxiiRepository.NewObject(
                    id,
                    StixTime.micros(StixTime.parse("2024-01-30T12:00:00.000Z")),
                    "2024-01-30T12:00:00.000Z",
                    type,
                    "2.1",
                    json)),
            StixTime.micros(java.time.Instant.now()));
  }

  private static String identityJson(String id, String name) {
    return "{\"type\":\"identity\",\"spec_version\":\"2.1\",\"id\":\""
        + id
        + "\",\"created\":\"2024-01-30T12:00:00.000Z\",\"modified\":\"2024-01-30T12:00:00.000Z\","
        + "\"name\":\""
        + name
        + "\",\"identity_class\":\"organization\",\"object_marking_refs\":[\""
        + TlpMarkings.id(Tlp.GREEN)
        + "\"]}";
  }

  private static String relationshipJson(String id, String from, String to) {
    return "{\"type\":\"relationship\",\"spec_version\":\"2.1\",\"id\":\""
        + id
        + "\",\"created\":\"2024-01-30T12:00:00.000Z\",\"modified\":\"2024-01-30T12:00:00.000Z\","
        + "\"relationship_type\":\"related-to\",\"source_ref\":\""
        + from
        + "\",\"target_ref\":\""
        + to
        + "\",\"object_marking_refs\":[\""
        + TlpMarkings.id(Tlp.GREEN)
        + "\"]}";
  }

  private void assertMarkings() {
    Viewer alice = viewer("alice", "ctic", "third");
    Viewer bob = viewer("bob", "ctic", "third");
    Viewer tom = viewer("tom", "third", "ctic");
    // object 10 is AMBER: ctic's alone, not its partner third's
    assertThat(home.store.statements().entity(id(10), bob)).isPresent();
    assertThat(home.store.statements().entity(id(10), tom)).isEmpty();
    // object 12 is GREEN: third may read it
    assertThat(home.store.statements().entity(id(12), tom)).isPresent();
    // object 11 is GREEN with an AMBER+STRICT description: tom reads the name only
    Entity granular = home.store.statements().entity(id(11), tom).orElseThrow();
    assertThat(granular.values("name")).containsExactly("Organisation 11");
    assertThat(granular.values("description")).isEmpty();
    Entity whole = home.store.statements().entity(id(11), bob).orElseThrow();
    assertThat(whole.values("description")).containsExactly("Secret detail 11");
    Statement description =
        whole.statements().stream()
            .filter(s -> s.property().equals("description"))
            .findFirst()
            .orElseThrow();
    assertThat(description.marking().tlp()).isEqualTo(Tlp.AMBER_STRICT);
    // object 7 is RED: alice alone
    assertThat(home.store.statements().entity(id(7), alice)).isPresent();
    assertThat(home.store.statements().entity(id(7), bob)).isEmpty();
    // AMBER and granular objects are kept whole in ctic's own collection, not its AMBER one
    assertThat(versions(home.store, "ctic", List.of(Tlp.AMBER))).isEmpty();
    assertThat(versions(home.store, "ctic", List.of(Tlp.AMBER_STRICT)).keySet())
        .anyMatch(k -> k.startsWith(id(10) + "|"))
        .anyMatch(k -> k.startsWith(id(11) + "|"));
    // and third, pulling ctic's collections from the home server, gets none of them
    String tomToken =
        ApiTokens.issue(
            home.store.accounts(),
            home.store.accounts().userByName("tom").orElseThrow(),
            "t",
            Duration.ofDays(1),
            Clock.systemUTC());
    Client.Reply reply =
        send(
            home.base()
                + "/taxii2/api/collections/"
                + TaxiiCollections.idOf("ctic", Tlp.GREEN)
                + "/objects/?limit=10000",
            tomToken);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body())
        .contains(id(12))
        .doesNotContain(id(10))
        .doesNotContain(id(11))
        .doesNotContain(id(7));
  }

  private void record(int page, URI uri, int objects) {
    requested.add(uri);
  }

  private static String collection() {
    return TaxiiCollections.idOf("allied", Tlp.AMBER);
  }

  /** Adds objects {@code from} .. {@code from + count - 1} to the partner's collection at once. */
  private void add(int from, int count) {
    List<TaxiiRepository.NewObject> objects = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      objects.add(object(i, "2024-01-30T12:00:00.000Z"));
    }
    partner.store.taxii().add(collection(), objects, StixTime.micros(java.time.Instant.now()));
  }

  private void addNewVersionOf(int i) {
    partner
        .store
        .taxii()
        .add(
            collection(),
            List.of(object(i, "2024-02-01T08:00:00.000Z")),
            StixTime.micros(java.time.Instant.now()));
  }

  private static TaxiiRepository.NewObject object(int i, String modified) {
    Map<String, Object> o = new java.util.LinkedHashMap<>();
    o.put("type", "identity");
    o.put("spec_version", "2.1");
    o.put("id", id(i));
    o.put("created", "2024-01-30T12:00:00.000Z");
    o.put("modified", modified);
    o.put("name", "Organisation " + i);
    o.put("identity_class", "organization");
    Tlp level = i == 7 ? Tlp.RED : i % 10 == 0 ? Tlp.AMBER : Tlp.GREEN;
    o.put("object_marking_refs", List.of(TlpMarkings.id(level)));
    if (i % 10 == 1) {
      o.put("description", "Secret detail " + i);
      o.put(
          "granular_markings",
          List.of(
              Map.of(
                  "marking_ref",
                  TlpMarkings.id(Tlp.AMBER_STRICT),
                  "selectors",
                  List.of("description"))));
    }
    try {
      return new TaxiiRepository.NewObject(
          id(i),
          StixTime.micros(StixTime.parse(modified)),
          modified,
          "identity",
          "2.1",
          JSON.writeValueAsString(o));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String id(int i) {
    return "identity--"
        + UUID.nameUUIDFromBytes(
            ("partner-object-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Every stored version of the organisation's collections: "id|version" to how often stored. */
  private static Map<String, Integer> versions(
      org.vigil.store.Store store, String org, List<Tlp> levels) {
    Map<String, Integer> out = new HashMap<>();
    for (Tlp tlp : levels) {
      Optional<TaxiiRepository.Cursor> cursor = Optional.empty();
      while (true) {
        TaxiiRepository.Page page =
            store
                .taxii()
                .objects(
                    TaxiiCollections.idOf(org, tlp),
                    TaxiiRepository.Filter.everything(),
                    cursor,
                    5_000);
        for (TaxiiRepository.StoredObject o : page.objects()) {
          out.merge(o.objectId() + "|" + o.versionText(), 1, Integer::sum);
        }
        if (!page.more()) {
          break;
        }
        TaxiiRepository.StoredObject end = page.objects().get(page.objects().size() - 1);
        cursor =
            Optional.of(
                new TaxiiRepository.Cursor(
                    end.dateAddedMicros(), end.objectId(), end.versionMicros()));
      }
    }
    return out;
  }

  private Viewer viewer(String username, String org, String partnerOrg) {
    User u = home.store.accounts().userByName(username).orElseThrow();
    return new Viewer(u.id(), u.username(), org, new TreeSet<>(Set.of(partnerOrg)), Role.ANALYST);
  }

  private static Client.Reply send(String url, String bearer) {
    try {
      var response =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(URI.create(url))
                      .header("Authorization", "Bearer " + bearer)
                      .header("Accept", TaxiiPull.MEDIA)
                      .GET()
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      JsonNode json = JSON.readTree(response.body());
      return new Client.Reply(response.statusCode(), json, response.body(), response);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private long pullsDone() {
    return home.store.jobs().list(JobState.DONE, 10_000).stream()
        .filter(j -> j.kind().equals(TaxiiPullSchedule.KIND))
        .count();
  }
}
