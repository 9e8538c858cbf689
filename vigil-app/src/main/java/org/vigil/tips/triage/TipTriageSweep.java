/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips.triage;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.extract.Extractor;
import org.vigil.screening.Screener;
import org.vigil.store.Store;
import org.vigil.store.TipRepository;
import org.vigil.tips.OpeningKey;
import org.vigil.tips.SealedBox;
import org.vigil.tips.TeamKeyFile;

/**
 * Triage in the background, on the analyst server that holds the team's private key and never on
 * the intake listener: every few seconds it takes the tips whose triage is missing or stale (the
 * tipster added text), opens their texts, triages them ({@link TipTriager}) and stores each triage
 * sealed to the team's key. The tips waiting are the queue of work, kept by the database, so
 * nothing is lost when the server stops; a tip that cannot be triaged gets a triage that says so,
 * and the pass goes on.
 *
 * <p>Triage writes no audit row: a row at the moment a tip is triaged would date its arrival (the
 * intake's rows are batched by day for that reason). Only the first pass of a server opens the
 * triaged tips again, to rebuild the groups of copies. One pass at a time; thread-safe.
 */
public final class TipTriageSweep implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TipTriageSweep.class);

  /** Threads reading tips: two, as the job runner's default. */
  public static final int DEFAULT_THREADS = 2;

  /** Tips triaged per pass at most; the next pass takes the rest. */
  static final int BATCH = 500;

  private final Store store;
  private final TeamKeyFile key;
  private final Supplier<Extractor> extractor;
  private final Supplier<Optional<Screener>> screener;
  private final TipGroups groups = new TipGroups();
  private final Set<String> rebuilt = new HashSet<>();
  private final SecureRandom random = new SecureRandom();
  private final ScheduledExecutorService thread;
  private final ExecutorService workers;
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
    this.store = requireNonNull(store, "store");
    this.key = requireNonNull(key, "key");
    this.extractor = requireNonNull(extractor, "extractor");
    this.screener = requireNonNull(screener, "screener");
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "vigil-tip-triage");
              t.setDaemon(true);
              return t;
            });
  }

  /** Runs a pass every {@code every}, the first at once. */
  public TipTriageSweep start(Duration every) {
    thread.scheduleWithFixedDelay(this::quietPass, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  private void quietPass() {
    try {
      pass();
    } catch (RuntimeException e) {
      // The database away, say: the next pass tries again. The message may quote no tip: none is
      // logged, only the class.
      LOG.warn("tip triage pass failed: {}", e.getClass().getSimpleName());
    }
  }

  /**
   * Triages the tips waiting, up to {@link #BATCH}; the number triaged. Without the team's key it
   * triages none (and says so once in the log). Tips are grouped one after the other in the order
   * they came, so that a group is named by its first tip; then read on the sweep's threads.
   */
  public synchronized int pass() {
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
    List<Callable<Boolean>> work = new ArrayList<>();
    for (TipRepository.Untriaged tip : waiting) {
      rebuild(tip.ownerOrg(), team);
      String text = tipsterText(team, tip.tipId());
      String group = groups.add(tip.ownerOrg(), tip.tipId(), TipTriager.readPart(text));
      work.add(() -> triageOne(triager, team, tip, text, group));
    }
    int done = 0;
    try {
      for (Future<Boolean> f : workers.invokeAll(work)) {
        if (Boolean.TRUE.equals(f.get())) {
          done++;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // A store write failed: the tip stays waiting for the next pass.
      LOG.warn("a tip's triage could not be stored: {}", e.getCause().getClass().getSimpleName());
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

  /** Puts the organisation's triaged tips back in the groups once per server. */
  private void rebuild(String org, OpeningKey team) {
    if (!rebuilt.add(org)) {
      return;
    }
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

  /** Stops the passes, waiting for one under way. */
  @Override
  public void close() {
    workers.shutdown();
    thread.shutdown();
    try {
      if (!thread.awaitTermination(60, TimeUnit.SECONDS)) {
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      thread.shutdownNow();
    }
  }
}
