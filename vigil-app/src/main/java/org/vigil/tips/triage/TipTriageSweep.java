/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips.triage;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.background.BackgroundWork;
import org.vigil.extract.Extractor;
import org.vigil.screening.Screener;
import org.vigil.store.Store;
import org.vigil.store.TipRepository;
import org.vigil.tips.OpeningKey;
import org.vigil.tips.SealedBox;
import org.vigil.tips.TeamKeyFile;

/**
 * Triage in the background, as a periodic job on the store's queue ({@link #register}): once a
 * period, one node of those sharing the database (whichever takes the period's job) takes the tips
 * whose triage is missing or stale (the tipster added text), opens their texts with the team's
 * private key, triages them ({@link TipTriager}) and stores each triage sealed to the team's key.
 * The tips waiting are the queue of work, kept by the database, so nothing is lost when a node
 * stops, and two nodes do not triage the same tips at once: a pass takes no new tips in the last
 * {@link #MARGIN} of its period, before the next period's job can begin elsewhere. A node without
 * the key (one facing the public, say) triages nothing when its turn comes: the tips wait for the
 * next period. A tip that cannot be triaged gets a triage that says so, and the pass goes on.
 *
 * <p>The job's rows are one per period whether tips came or not, and each job only starts a pass on
 * the sweep's own thread and ends at once, so neither the rows nor their times date a tip. Triage
 * writes no audit row: a row at the moment a tip is triaged would date its arrival (the intake's
 * rows are batched by day for that reason). Each pass first takes into its groups of copies the
 * tips other nodes triaged since. One pass at a time on a node; thread-safe.
 */
public final class TipTriageSweep implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TipTriageSweep.class);

  /** Threads reading tips: two, as the job runner's default. */
  public static final int DEFAULT_THREADS = 2;

  /** Tips triaged per pass at most; the next pass takes the rest. */
  static final int BATCH = 500;

  /** The kind of the triage's periodic job. */
  public static final String JOB = "tip-triage";

  /** How often a node of the deployment triages the tips waiting. */
  public static final Duration EVERY = Duration.ofSeconds(15);

  /** A pass takes no new tips this close to its period's end. */
  static final Duration MARGIN = Duration.ofSeconds(3);

  private final Store store;
  private final TeamKeyFile key;
  private final Supplier<Extractor> extractor;
  private final Supplier<Optional<Screener>> screener;
  private final TipGroups groups = new TipGroups();
  private final SecureRandom random = new SecureRandom();
  private final ExecutorService workers;
  private final ExecutorService passes =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "vigil-tip-triage");
            t.setDaemon(true);
            return t;
          });
  private final int threads;
  private Extractor built;
  private boolean warned;

  /**
   * @param extractor built on first need (it is costly), then kept
   * @param screener the screener over the loaded lists, asked once per pass; empty without lists
   */
  public TipTriageSweep(
      Store store,
      TeamKeyFile key,
      Supplier<Extractor> extractor,
      Supplier<Optional<Screener>> screener) {
    this(store, key, extractor, screener, DEFAULT_THREADS);
  }

  /** A sweep that reads tips on {@code threads} threads. */
  public TipTriageSweep(
      Store store,
      TeamKeyFile key,
      Supplier<Extractor> extractor,
      Supplier<Optional<Screener>> screener,
      int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads " + threads);
    }
    this.workers =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "vigil-tip-triage-worker");
              t.setDaemon(true);
              return t;
            });
    this.threads = threads;
    this.store = requireNonNull(store, "store");
    this.key = requireNonNull(key, "key");
    this.extractor = requireNonNull(extractor, "extractor");
    this.screener = requireNonNull(screener, "screener");
  }

  /**
   * Registers triage on {@code work} as a job of kind {@link #JOB} run once every {@link #EVERY} by
   * one node of the deployment; on every node, with or without the key, so that no node parks the
   * job. Before {@code work} starts. The sweep is made on the first job, over the work's store, and
   * handed to {@code closer} to be closed with the server.
   */
  public static void register(
      BackgroundWork work,
      TeamKeyFile key,
      Supplier<Extractor> extractor,
      Supplier<Optional<Screener>> screener,
      Consumer<? super TipTriageSweep> closer) {
    AtomicReference<TipTriageSweep> sweep = new AtomicReference<>();
    work.every(
        JOB,
        EVERY,
        BackgroundWork.Reach.ONE_NODE,
        job -> {
          TipTriageSweep s = sweep.get();
          if (s == null) {
            s = new TipTriageSweep(work.store(), key, extractor, screener);
            if (sweep.compareAndSet(null, s)) {
              closer.accept(s);
            } else {
              s.close();
              s = sweep.get();
            }
          }
          s.passApart(untilNextPeriod(work));
        });
  }

  /**
   * Starts a pass on the sweep's own thread and returns at once, so that the job, whose start and
   * end the queue records, takes the same few milliseconds whether tips were waiting or not: a
   * job's length would otherwise tell a seized database when tips came. A pass that fails is logged
   * by the class of its error only (a message might quote a tip); the next period's job takes the
   * tips it left.
   */
  void passApart(BooleanSupplier more) {
    passes.execute(
        () -> {
          try {
            pass(more);
          } catch (RuntimeException e) {
            LOG.warn("tip triage pass failed: {}", e.getClass().getSimpleName());
          }
        });
  }

  /** Whether the current period has more than {@link #MARGIN} left, by the database's clock. */
  private static BooleanSupplier untilNextPeriod(BackgroundWork work) {
    long period = EVERY.toSeconds();
    long now = work.store().jobs().now().getEpochSecond();
    Instant stopBy = Instant.ofEpochSecond((now / period + 1) * period).minus(MARGIN);
    return () -> work.store().jobs().now().isBefore(stopBy);
  }

  /**
   * Triages the tips waiting, up to {@link #BATCH}; the number triaged. Without the team's key it
   * triages none (and says so once in the log). Tips are grouped one after the other in the order
   * they came, so that a group is named by its first tip; then read on the sweep's threads.
   */
  public int pass() {
    return pass(() -> true);
  }

  /**
   * Like {@link #pass()}, asking {@code more} before each few tips whether to go on (a job's time
   * running out); the first few are always taken.
   */
  public synchronized int pass(BooleanSupplier more) {
    List<TipRepository.Untriaged> waiting = store.tips().untriaged(BATCH);
    if (waiting.isEmpty()) {
      return 0;
    }
    OpeningKey team;
    try {
      team = key.open();
    } catch (TeamKeyFile.Unavailable e) {
      if (!warned) {
        LOG.warn("tips wait for triage: {}", e.getMessage());
        warned = true;
      }
      return 0;
    }
    if (built == null) {
      built = extractor.get();
    }
    TipTriager triager = new TipTriager(store, built, screener.get());
    Set<String> orgs = new TreeSet<>();
    waiting.forEach(t -> orgs.add(t.ownerOrg()));
    orgs.forEach(org -> rebuild(org, team));
    int done = 0;
    int chunk = 4 * threads;
    for (int from = 0; from < waiting.size(); from += chunk) {
      if (from > 0 && !more.getAsBoolean()) {
        break;
      }
      List<Callable<Boolean>> work = new ArrayList<>();
      for (TipRepository.Untriaged tip :
          waiting.subList(from, Math.min(waiting.size(), from + chunk))) {
        String text = tipsterText(team, tip.tipId());
        String group = groups.add(tip.ownerOrg(), tip.tipId(), TipTriager.readPart(text));
        work.add(() -> triageOne(triager, team, tip, text, group));
      }
      done += run(work);
    }
    return done;
  }

  private int run(List<Callable<Boolean>> work) {
    int done = 0;
    try {
      for (Future<Boolean> f : workers.invokeAll(work)) {
        try {
          if (Boolean.TRUE.equals(f.get())) {
            done++;
          }
        } catch (ExecutionException e) {
          // A store write failed: the tip stays waiting for the next pass.
          LOG.warn(
              "a tip's triage could not be stored: {}", e.getCause().getClass().getSimpleName());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return done;
  }

  private boolean triageOne(
      TipTriager triager, OpeningKey team, TipRepository.Untriaged tip, String text, String group) {
    TipTriage triage;
    try {
      triage = triager.triage(tip.ownerOrg(), text, group);
    } catch (RuntimeException e) {
      LOG.warn("tip {} could not be triaged: {}", tip.tipId(), e.getClass().getSimpleName());
      triage = failed(group, text, e);
    }
    return store
        .tips()
        .saveTriage(
            new TipRepository.SealedTriage(
                tip.tipId(),
                tip.tipsterMessages(),
                triage.seal(team.sealingKey(), new SealedBox(random))));
  }

  private static TipTriage failed(String group, String text, RuntimeException e) {
    return new TipTriage(
        TipLanguage.of(text),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        group,
        List.of("triage failed (" + e.getClass().getSimpleName() + "); read it yourself"),
        1);
  }

  /**
   * Puts the organisation's triaged tips that this node has not seen (triaged before it started, or
   * by another node) in the groups, under the groups their triages name.
   */
  private void rebuild(String org, OpeningKey team) {
    for (TipRepository.SealedTriage t : store.tips().triages(org)) {
      if (groups.knows(t.tipId())) {
        continue;
      }
      try {
        TipTriage triage = TipTriage.unseal(team, t.sealed());
        groups.remember(org, t.tipId(), tipsterText(team, t.tipId()), triage.group());
      } catch (RuntimeException e) {
        LOG.warn(
            "the triage of tip {} cannot be read: {}", t.tipId(), e.getClass().getSimpleName());
      }
    }
  }

  private String tipsterText(OpeningKey team, String tipId) {
    return store.tips().messages(tipId).stream()
        .filter(m -> m.author() == TipRepository.Author.TIPSTER)
        .map(m -> new String(SealedBox.open(team, m.sealed()), StandardCharsets.UTF_8))
        .collect(Collectors.joining("\n\n"));
  }

  /** Stops the sweep's threads, letting a pass under way finish. */
  @Override
  public void close() {
    for (ExecutorService pool : List.of(passes, workers)) {
      pool.shutdown();
      try {
        if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
          pool.shutdownNow();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        pool.shutdownNow();
      }
    }
  }
}
