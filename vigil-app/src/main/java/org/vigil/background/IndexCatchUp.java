/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.background;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.search.SearchUnavailableException;

/**
 * Indexing that resumes while the nodes run: a periodic job ({@value #KIND}, one node per period)
 * that indexes the entities the store journalled as left out of the search index, such as every
 * write made while the search cluster was unreachable (the statements are stored regardless, and a
 * search answers 503 meanwhile). Only rows journalled at least {@link #OLDER_THAN} ago by the
 * database's clock are taken, so that a deferred ingest batch still running indexes its own.
 *
 * <p>While the cluster is still away the job logs so and ends well (the journal keeps the rows; the
 * next period tries again), so an outage does not park one job a period. Other failures (the
 * database away) fail the job, which the queue retries.
 */
public final class IndexCatchUp {
  /** The job's kind. */
  public static final String KIND = "index-catch-up";

  /** How often one node of the deployment catches up. */
  public static final Duration EVERY = Duration.ofMinutes(1);

  /** How old a journal row must be before the catch-up takes it. */
  public static final Duration OLDER_THAN = Duration.ofMinutes(2);

  private static final Logger LOG = LoggerFactory.getLogger(IndexCatchUp.class);

  private IndexCatchUp() {}

  /** Registers the catch-up on {@code work} with the defaults; on every node, before it starts. */
  public static void register(BackgroundWork work) {
    register(work, EVERY, OLDER_THAN);
  }

  /** Registers the catch-up every {@code every}, for rows older than {@code olderThan}. */
  public static void register(BackgroundWork work, Duration every, Duration olderThan) {
    requireNonNull(work, "work");
    requireNonNull(olderThan, "olderThan");
    work.every(
        KIND,
        every,
        BackgroundWork.Reach.ONE_NODE,
        job -> {
          try {
            int indexed = work.store().indexLeftOut(olderThan);
            if (indexed > 0) {
              LOG.info("indexed {} entities and texts that failed to reach the index", indexed);
            }
          } catch (SearchUnavailableException e) {
            LOG.warn("search index catch-up waits for the search cluster: {}", e.getMessage());
          }
        });
  }
}
