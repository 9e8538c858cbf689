/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.vigil.access.Role;
import org.vigil.access.User;
import org.vigil.auth.PasswordHasher;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.watchlists.ListLibrary;
import org.vigil.watchlists.ListLoader;
import org.vigil.watchlists.ListScreening;

/**
 * A real server on a free port over an H2 store in a temporary folder (or a given store); or, when
 * the API suite runs on node pairs ({@link NodePair}, {@code -Pnode-pair}), two servers over stores
 * of their own on one PostgreSQL database and one OpenSearch index, whose clients alternate between
 * them request by request.
 */
public final class TestServer implements AutoCloseable {
  public static final String PASSWORD = "correct horse battery staple";

  // One hash reused for every test user: Argon2 is deliberately slow, and the tests are about
  // the API, not the hashing.
  private static final String PASSWORD_HASH = PasswordHasher.standard().hash(PASSWORD);

  /** Node A's store (the only one unless on a node pair): set-up and checks go through it. */
  public final Store store;

  /** Node B's store on a node pair, else empty. */
  private final Optional<Store> second;

  private final Optional<NodePair.Place> place;
  private final ServerSettings settings;
  private final Clock clock;
  private final ListScreening screening;
  private final AtomicLong turn = new AtomicLong();
  ApiServer server;
  private Optional<ApiServer> serverB = Optional.empty();
  private List<String> bases = List.of();

  private TestServer(
      Store store,
      Optional<Store> second,
      Optional<NodePair.Place> place,
      ServerSettings settings,
      Clock clock,
      ListScreening screening) {
    this.store = store;
    this.second = second;
    this.place = place;
    this.settings = settings;
    this.clock = clock;
    this.screening = screening;
    listen();
  }

  static TestServer start(Path dir) {
    return start(dir, s -> s);
  }

  static TestServer start(Path dir, UnaryOperator<ServerSettings> settings) {
    return start(StoreConfig.embedded(dir), settings, ListScreening.none());
  }

  /**
   * A server over the store {@code config} names (H2 or PostgreSQL), screening with {@code
   * screening}.
   */
  public static TestServer start(
      StoreConfig config, UnaryOperator<ServerSettings> settings, ListScreening screening) {
    return start(config, settings, Clock.systemUTC(), store -> screening);
  }

  /**
   * A server over an embedded store in {@code dir}, screening with the public list files {@code
   * lists}, which node A loads before any node listens.
   */
  static TestServer withLists(Path dir, List<Path> lists) {
    return start(
        StoreConfig.embedded(dir), s -> s, Clock.systemUTC(), opened -> load(dir, opened, lists));
  }

  /**
   * Loads the public list files {@code lists} into {@code dir}'s list library and {@code store};
   * the screening over that library.
   */
  static ListScreening load(Path dir, Store store, List<Path> lists) {
    ListLibrary library = ListLibrary.in(dir);
    new ListLoader(library, Optional.of(store), "public", Clock.systemUTC())
        .loadAll(lists, Optional.empty(), Optional.empty(), line -> {});
    return ListScreening.over(library);
  }

  /**
   * A server over the store {@code config} names (H2 or PostgreSQL) on {@code clock}, screening
   * with what {@code prepare} makes from node A's store before any node listens (it may write to
   * that store: load a list excerpt, say). On a node pair both nodes use that screening and clock.
   */
  public static TestServer start(
      StoreConfig config,
      UnaryOperator<ServerSettings> settings,
      Clock clock,
      Function<Store, ListScreening> prepare) {
    ServerSettings applied = settings.apply(ServerSettings.of("127.0.0.1", 0, "test"));
    if (!NodePair.enabled()) {
      Store store = Store.open(config);
      try {
        return new TestServer(
            store, Optional.empty(), Optional.empty(), applied, clock, prepare.apply(store));
      } catch (RuntimeException | Error e) {
        store.close();
        throw e;
      }
    }
    NodePair.Place place = NodePair.place(config, config.indexDir().getParent());
    Store a = place.open(place.a());
    Store b = null;
    try {
      b = place.open(place.b());
      return new TestServer(
          a, Optional.of(b), Optional.of(place), applied, clock, prepare.apply(a));
    } catch (RuntimeException | Error e) {
      a.close();
      if (b != null) {
        b.close();
      }
      NodePair.drop(place);
      throw e;
    }
  }

  /** A server over a store the caller opened (its search index on OpenSearch, say); closes it. */
  public static TestServer over(Store store) {
    // one node over the caller's store, also under -Pnode-pair: the caller chose the store
    return new TestServer(
        store,
        Optional.empty(),
        Optional.empty(),
        ServerSettings.of("127.0.0.1", 0, "test"),
        Clock.systemUTC(),
        ListScreening.none());
  }

  /**
   * Stops the server, which waits for the resolution runs that uploads started, and starts a new
   * one on the same store and a new port: after it, the store holds everything those runs wrote.
   * Clients made before it talk to the old port; make new ones.
   */
  public void restart() {
    server.close();
    serverB.ifPresent(ApiServer::close);
    listen();
  }

  private void listen() {
    server = ApiServer.start(store, settings, clock, screening);
    serverB = second.map(b -> ApiServer.start(b, settings, clock, screening));
    List<String> all = new ArrayList<>(List.of("http://127.0.0.1:" + server.port()));
    serverB.ifPresent(b -> all.add("http://127.0.0.1:" + b.port()));
    bases = List.copyOf(all);
  }

  /**
   * The address of the node the next request goes to: the only one, or on a node pair each node in
   * turn, so that consecutive requests alternate between the nodes.
   */
  public String base() {
    return bases.get((int) (turn.getAndIncrement() % bases.size()));
  }

  /** How many nodes serve this server's clients: 1, or 2 on a node pair. */
  public int nodes() {
    return bases.size();
  }

  public void org(String id, String... partners) {
    store.accounts().createOrganization(id, "Organisation " + id);
    for (String partner : partners) {
      store.accounts().addPartners(id, partner);
    }
  }

  /**
   * The marking tests' three analysts and their organisations: alice of org-a, bob of org-b (no
   * partner of org-a's) and carol of org-c, a partner of org-a.
   */
  public void threeAnalysts() {
    org("org-a");
    org("org-b");
    org("org-c", "org-a");
    user("alice", "org-a", Role.ANALYST);
    user("bob", "org-b", Role.ANALYST);
    user("carol", "org-c", Role.ANALYST);
  }

  public User user(String username, String orgId, Role role) {
    return store.accounts().createUser(username, orgId, role, PASSWORD_HASH);
  }

  /** A client whose requests go to {@link #base()}: alternating between the nodes of a pair. */
  public Client client() {
    return new Client(this::base);
  }

  /** Every route of the running server, pages included, with the permission each needs. */
  public java.util.List<Routes.Route> routes() {
    return server.routes();
  }

  @Override
  public void close() {
    try {
      server.close();
      serverB.ifPresent(ApiServer::close);
    } finally {
      try {
        store.close();
        second.ifPresent(Store::close);
      } finally {
        place.ifPresent(NodePair::drop);
      }
    }
  }
}
