/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.vigil.background.BackgroundWork;
import org.vigil.background.IndexCatchUp;
import org.vigil.documents.IngestProgress;
import org.vigil.documents.ListGazetteer;
import org.vigil.documents.QueuedIngest;
import org.vigil.resolution.BackgroundResolution;
import org.vigil.resolution.ContinuousScreening;
import org.vigil.store.Store;
import org.vigil.tips.TeamKeyFile;
import org.vigil.tips.TipHandling;
import org.vigil.tips.TipRetention;
import org.vigil.tips.triage.TipTriageSweep;
import org.vigil.watchlists.ExampleMatching;
import org.vigil.watchlists.ListScreening;
import org.vigil.web.AlertsPage;
import org.vigil.web.CasePages;
import org.vigil.web.ClaimPage;
import org.vigil.web.DocumentPage;
import org.vigil.web.EntityPage;
import org.vigil.web.GradePages;
import org.vigil.web.HomePage;
import org.vigil.web.NetworkPage;
import org.vigil.web.ScreeningPage;
import org.vigil.web.SearchPage;
import org.vigil.web.SignInPage;
import org.vigil.web.TipPages;
import org.vigil.web.UploadPage;

/**
 * The HTTP API's front door: {@link #start} builds the routes on a store and listens; {@link
 * #close} stops listening (the store stays open; its owner closes it).
 */
public final class ApiServer implements AutoCloseable {
  private final Javalin app;
  private final List<Routes.Route> routes;
  private final BackgroundWork work;
  private final Optional<ContinuousScreening> continuous;
  private final List<Runnable> tipWork;

  private ApiServer(
      Javalin app,
      List<Routes.Route> routes,
      BackgroundWork work,
      Optional<ContinuousScreening> continuous,
      List<Runnable> tipWork) {
    this.work = work;
    this.continuous = continuous;
    this.tipWork = tipWork;
    this.app = app;
    this.routes = List.copyOf(routes);
  }

  /** Starts listening on a store that is already open. */
  public static ApiServer start(Store store, ServerSettings settings, Clock clock) {
    return start(
        CompletableFuture.completedFuture(requireNonNull(store, "store")), settings, clock);
  }

  /**
   * Starts listening on {@code settings}' address and port at once, while {@code store} may still
   * be opening: the health and OpenAPI routes answer immediately, the others wait for the store
   * (and answer 503 if it takes too long or fails). Nothing slow happens before the socket is open;
   * password hashing waits for the first login.
   */
  public static ApiServer start(
      CompletionStage<Store> store, ServerSettings settings, Clock clock) {
    return start(store, settings, clock, ListScreening.none());
  }

  /** Starts listening on a store that is already open, screening against {@code screening}. */
  public static ApiServer start(
      Store store, ServerSettings settings, Clock clock, ListScreening screening) {
    return start(
        CompletableFuture.completedFuture(requireNonNull(store, "store")),
        settings,
        clock,
        screening);
  }

  /**
   * Like {@link #start(CompletionStage, ServerSettings, Clock)}, with {@code POST /screen} and
   * {@code GET /lists} answered from {@code screening} (the process's one screener).
   */
  public static ApiServer start(
      CompletionStage<Store> store, ServerSettings settings, Clock clock, ListScreening screening) {
    return start(store, settings, clock, screening, IngestProgress.none());
  }

  /**
   * Like {@link #start(CompletionStage, ServerSettings, Clock, ListScreening)}, with the pages
   * showing how far {@code corpus} (a batch ingest running in the background, such as the demo's
   * first start) has got while it runs.
   */
  public static ApiServer start(
      CompletionStage<Store> store,
      ServerSettings settings,
      Clock clock,
      ListScreening screening,
      IngestProgress corpus) {
    requireNonNull(store, "store");
    requireNonNull(corpus, "corpus");
    requireNonNull(screening, "screening");
    requireNonNull(settings, "settings");
    requireNonNull(clock, "clock");
    ObjectMapper mapper = Json.mapper();
    Supplier<Backend> backend = Backend.pending(store, settings, clock);
    RequestGuard guard = new RequestGuard(backend, settings, clock);
    List<Routes.Route> registered = new ArrayList<>();
    BackgroundWork work = BackgroundWork.withDefaults();
    BackgroundResolution resolution = new BackgroundResolution(screening, clock, work);
    TipHandling tips =
        new TipHandling(
            new TeamKeyFile(settings.tipKey()),
            () -> ListGazetteer.extractor(screening),
            settings.ingestLimits(),
            resolution,
            clock);
    Javalin app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.startupWatcherEnabled = false;
              config.jsonMapper(new JavalinJackson(mapper, false));
              config.http.maxRequestSize = settings.maxBodyBytes();
              config.http.prefer405over404 = true;
              config.router.mount(
                  router -> {
                    router.before(RequestGuard::securityHeaders);
                    // Another node's writes are seen by every request that follows them; the
                    // health probes read no data, and must answer while the database is away.
                    router.beforeMatched(
                        ctx -> {
                          if (!HealthRoutes.isProbe(ctx.path())) {
                            catchUp(store);
                          }
                        });
                    router.beforeMatched(guard::check);
                    // Reads that record nothing themselves, and refusals, get their audit row.
                    router.after(
                        ctx -> {
                          if (AuditTrail.concerns(ctx)) {
                            auditAfter(ctx, backend);
                          }
                        });
                    Routes routes = new Routes(router);
                    api(routes, backend, mapper, settings, clock, screening, resolution);
                    new HealthRoutes(settings.version(), store).register(routes);
                    new TipRoutes(backend, mapper, settings.maxBodyBytes(), tips).register(routes);
                    pages(routes, backend, settings, clock, screening, corpus);
                    new TipPages(backend, tips).register(routes);
                    registered.addAll(routes.registered());
                  });
            });
    return started(app, registered, work, resolution, store, settings, clock, screening, tips);
  }

  /**
   * Starts listening, and once the store is open, continuous screening over the screening's library
   * and the background jobs.
   */
  private static ApiServer started(
      Javalin app,
      List<Routes.Route> registered,
      BackgroundWork work,
      BackgroundResolution resolution,
      CompletionStage<Store> store,
      ServerSettings settings,
      Clock clock,
      ListScreening screening,
      TipHandling tips) {
    ApiErrors.install(app);
    app.start(settings.bindAddress(), settings.port());
    Optional<ContinuousScreening> continuous =
        background(work, resolution, settings, clock, screening);
    List<Runnable> tipWork = new java.util.concurrent.CopyOnWriteArrayList<>();
    TipTriageSweep.register(
        work,
        tips.key(),
        tips::extractor,
        () ->
            screening.library().isPresent()
                ? Optional.of(screening.current().screener())
                : Optional.empty(),
        sweep -> tipWork.add(sweep::close));
    store.thenAccept(
        s -> {
          continuous.ifPresent(c -> c.start(s));
          work.start(s);
        });
    store.thenAccept(s -> tipWork.addAll(tipUpkeep(s, settings, clock)));
    return new ApiServer(app, registered, work, continuous, tipWork);
  }

  /**
   * The kinds of background jobs this server runs besides resolution after an upload (registered by
   * {@link BackgroundResolution}): queued ingest, the search index catch-up, continuous
   * screening's; a feature with work that outlives a request registers its kind on {@code work}
   * here, the same on every node (see {@link BackgroundWork}).
   */
  private static Optional<ContinuousScreening> background(
      BackgroundWork work,
      BackgroundResolution resolution,
      ServerSettings settings,
      Clock clock,
      ListScreening screening) {
    new QueuedIngest(
            settings.ingestLimits(), () -> ListGazetteer.extractor(screening), resolution, clock)
        .register(work);
    IndexCatchUp.register(work);
    return screening
        .library()
        .map(l -> new ContinuousScreening(screening, settings.listsUpdateEvery(), clock, work));
  }

  /**
   * The tip line's upkeep on the analyst server: retention (triage is a job on {@code work}, {@link
   * TipTriageSweep#register}).
   */
  /** Lets the store act on other nodes' writes before a request, once it is open. */
  private static void catchUp(CompletionStage<Store> store) {
    CompletableFuture<Store> open = store.toCompletableFuture();
    if (open.isDone() && !open.isCompletedExceptionally()) {
      open.join().catchUp();
    }
  }

  private static List<Runnable> tipUpkeep(Store store, ServerSettings settings, Clock clock) {
    List<Runnable> started = new ArrayList<>();
    TipRetention retention =
        new TipRetention(store, settings.tipRetentionDays(), clock).start(Duration.ofHours(1));
    started.add(retention::close);
    return started;
  }

  /** The JSON API's routes, under {@code /api/v1} (and TAXII's under {@code /taxii2}). */
  private static void api(
      Routes routes,
      Supplier<Backend> backend,
      ObjectMapper mapper,
      ServerSettings settings,
      Clock clock,
      ListScreening screening,
      BackgroundResolution resolution) {
    new OpenApiRoutes().register(routes);
    new SessionRoutes(backend, mapper, clock).register(routes);
    new AccountRoutes(backend, mapper, clock).register(routes);
    new EntityRoutes(backend, screening).register(routes);
    new NetworkRoutes(backend).register(routes);
    new StatementRoutes(backend, mapper, settings.maxBodyBytes(), clock).register(routes);
    new ScreeningRoutes(backend, screening, mapper, settings.maxBodyBytes()).register(routes);
    sharing(routes, backend, mapper, settings, screening, clock);
    new DocumentRoutes(
            backend,
            settings.maxBodyBytes(),
            settings.ingestLimits(),
            clock,
            () -> ListGazetteer.extractor(screening),
            resolution)
        .register(routes);
    new DocumentFileRoutes(backend).register(routes);
    new ResolutionRoutes(backend, mapper, settings.maxBodyBytes(), clock).register(routes);
    new ClaimRoutes(backend, mapper, settings.maxBodyBytes(), clock).register(routes);
    new AssetRoutes().register(routes);
    new TaxiiRoutes(backend, settings.maxBodyBytes(), clock).register(routes);
    new CaseRoutes(backend, mapper, settings.maxBodyBytes(), clock).register(routes);
  }

  /**
   * Screening for other people's clients (yente's /match and the reconciliation API), and the MISP
   * feed and FtM entities a partner pulls.
   */
  private static void sharing(
      Routes routes,
      Supplier<Backend> backend,
      ObjectMapper mapper,
      ServerSettings settings,
      ListScreening screening,
      Clock clock) {
    ExampleMatching matching = new ExampleMatching(screening);
    new MatchRoutes(backend, matching, mapper, settings.maxBodyBytes()).register(routes);
    new ReconcileRoutes(backend, matching, mapper).register(routes);
    new FeedRoutes(backend, mapper, clock).register(routes);
  }

  /** The web UI's pages, on the same routes, guard and backend as the API. */
  private static void pages(
      Routes routes,
      Supplier<Backend> backend,
      ServerSettings settings,
      Clock clock,
      ListScreening screening,
      IngestProgress corpus) {
    new SignInPage(backend, clock).register(routes);
    new HomePage(backend, screening, corpus).register(routes);
    new SearchPage(backend).register(routes);
    new DocumentPage(backend).register(routes);
    new UploadPage(settings.maxBodyBytes()).register(routes);
    new ScreeningPage(backend, screening).register(routes);
    new EntityPage(backend, screening).register(routes);
    new NetworkPage(backend).register(routes);
    new AlertsPage(backend, clock).register(routes);
    new ClaimPage(backend).register(routes);
    new GradePages(backend, clock).register(routes);
    new CasePages(backend, clock).register(routes);
  }

  /** The port it listens on (the chosen one when started on port 0). */
  public int port() {
    return app.port();
  }

  /**
   * The server's continuous screening: present when it screens against a list library, which it
   * watches and updates on schedule.
   */
  public Optional<ContinuousScreening> continuousScreening() {
    return continuous;
  }

  /** Every route, with the permission it needs. */
  public List<Routes.Route> routes() {
    return routes;
  }

  /** The server's background jobs on the store's queue. */
  public BackgroundWork background() {
    return work;
  }

  @Override
  public void close() {
    try {
      app.stop();
    } finally {
      try {
        // the jobs first: a list update job waits on continuous screening's thread
        work.close();
      } finally {
        try {
          continuous.ifPresent(ContinuousScreening::close);
        } finally {
          tipWork.forEach(Runnable::run);
        }
      }
    }
  }

  /**
   * Records a read or a refusal once the answer is decided. A store that could not be opened holds
   * no audit log to write to, and the request touched no data: the caller keeps the answer it was
   * given (a 401 stays a 401) instead of the store's 503.
   */
  private static void auditAfter(Context ctx, Supplier<Backend> backend) {
    Backend open;
    try {
      open = backend.get();
    } catch (ApiException e) {
      if (e.status() == 503) {
        return;
      }
      throw e;
    }
    open.audit().afterRequest(ctx);
  }
}
