/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.watchlists;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigil.screening.Screener;

/**
 * The one screener of a process, over the current releases of a {@link ListLibrary}. It is built at
 * first use (or ahead of it, by {@link #prepareInBackground}) and built again when the current
 * release of any dataset changes, for instance after {@code vigil lists load} in another process.
 * While it is rebuilt, other threads go on screening with the previous one.
 *
 * <p>Thread-safe.
 */
public final class ListScreening {
  private static final Logger LOG = LoggerFactory.getLogger(ListScreening.class);

  /** A built screener and what it was built from. */
  public record Built(String fingerprint, Screener screener, List<ReleaseManifest> releases) {
    public Built {
      releases = List.copyOf(releases);
    }
  }

  private final Optional<ListLibrary> library;
  private final ReentrantLock building = new ReentrantLock();
  private volatile Built built;

  private ListScreening(Optional<ListLibrary> library) {
    this.library = library;
  }

  /** Screening over the lists loaded in {@code library}. */
  public static ListScreening over(ListLibrary library) {
    return new ListScreening(Optional.of(library));
  }

  /** Screening over no lists at all: every query answers with no match. */
  public static ListScreening none() {
    return new ListScreening(Optional.empty());
  }

  /** The library whose current lists this screening is over; empty for {@link #none()}. */
  public Optional<ListLibrary> library() {
    return library;
  }

  /** Starts building the screener on a daemon thread, so that the first query waits less. */
  public void prepareInBackground() {
    Thread thread =
        new Thread(
            () -> {
              try {
                current();
              } catch (RuntimeException e) {
                LOG.warn("the screening lists could not be read: {}", e.getMessage());
              }
            },
            "vigil-screener-build");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * The screener built last, if one was built, without building one (which takes seconds over the
   * full lists): for pages that would rather say "not ready" than wait. It may predate a release
   * loaded since; {@link #current()} catches up.
   */
  public Optional<Built> ifBuilt() {
    return Optional.ofNullable(built);
  }

  /**
   * The screener over the current releases, built or rebuilt first if needed.
   *
   * @throws UncheckedIOException when the lists cannot be read and no screener was built before
   */
  public Built current() {
    if (library.isEmpty()) {
      Built none = built;
      if (none == null) {
        none = new Built("", Screener.build(List.of()), List.of());
        built = none;
      }
      return none;
    }
    Built known = built;
    String fingerprint;
    try {
      fingerprint = library.get().fingerprint();
    } catch (IOException e) {
      if (known != null) {
        return known;
      }
      throw new UncheckedIOException(e);
    }
    if (known != null && known.fingerprint().equals(fingerprint)) {
      return known;
    }
    if (known != null && !building.tryLock()) {
      return known;
    }
    if (known == null) {
      building.lock();
    }
    try {
      Built again = built;
      if (again != null && again.fingerprint().equals(fingerprint)) {
        return again;
      }
      Built fresh = build();
      built = fresh;
      return fresh;
    } catch (IOException | RuntimeException e) {
      if (known != null) {
        LOG.warn("keeping the previous screener: the lists could not be read: {}", e.getMessage());
        return known;
      }
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    } finally {
      building.unlock();
    }
  }

  private Built build() throws IOException {
    ListLibrary lists = library.orElseThrow();
    // Read the pointers once more under the lock, so the fingerprint matches what is read.
    String fingerprint = lists.fingerprint();
    List<ReleaseManifest> releases = lists.current();
    long started = System.nanoTime();
    Screener screener =
        Screener.build(
            releases.stream()
                .map(
                    m -> {
                      try {
                        return lists.read(m);
                      } catch (IOException e) {
                        throw new UncheckedIOException(e);
                      }
                    })
                .toList());
    LOG.debug(
        "screening {} entries of {} lists (built in {} ms)",
        screener.entryCount(),
        releases.size(),
        (System.nanoTime() - started) / 1_000_000);
    return new Built(fingerprint, screener, releases);
  }
}
