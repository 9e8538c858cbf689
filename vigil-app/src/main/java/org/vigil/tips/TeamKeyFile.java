/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The tip team's private key file given to the analyst server ({@code --tip-key}), read on first
 * use and kept in memory until the server stops: the tip routes, the handler pages and triage share
 * one. Thread-safe.
 */
public final class TeamKeyFile {
  /** Why no tip can be opened. */
  public enum Problem {
    /** The server was started without {@code --tip-key}. */
    MISSING,
    /** The file given cannot be read as a key (removable media not mounted, say). */
    UNREADABLE
  }

  /** Thrown when the key is not there to open tips with. */
  public static final class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Problem problem;

    Unavailable(Problem problem) {
      super(
          problem == Problem.MISSING
              ? "this server opens no tips: start it with --tip-key FILE (docs/tips.md)"
              : "the tip team's private key cannot be read (docs/tips.md)");
      this.problem = problem;
    }

    public Problem problem() {
      return problem;
    }
  }

  private final Optional<Path> file;
  private volatile OpeningKey key;

  public TeamKeyFile(Optional<Path> file) {
    this.file = requireNonNull(file, "file");
  }

  /** Whether the server was given a key file at all. */
  public boolean configured() {
    return file.isPresent();
  }

  /**
   * The team's private key.
   *
   * @throws Unavailable when none was given or it cannot be read (tried again on the next call)
   */
  public OpeningKey open() {
    OpeningKey k = key;
    if (k != null) {
      return k;
    }
    Path path = file.orElseThrow(() -> new Unavailable(Problem.MISSING));
    try {
      k = TeamKeys.openingKey(path);
    } catch (RuntimeException e) {
      throw new Unavailable(Problem.UNREADABLE);
    }
    key = k;
    return k;
  }
}
