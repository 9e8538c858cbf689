/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --shared} option of {@code vigil eval} and {@code vigil bench}: where the shared data
 * sets are, and the one wording of their absence.
 */
final class SharedData {
  /** Where the shared data are when {@code --shared} is not given. */
  static final Path DEFAULT = Path.of("..", "shared", "data");

  @Option(
      names = "--shared",
      paramLabel = "DIR",
      description = "The shared data directory (default: ../shared/data).")
  Path given;

  /** The directory given, else the default; it may not exist. */
  Path dir() {
    return given == null ? DEFAULT : given;
  }

  /**
   * The directory, which exists.
   *
   * @throws EvaluationFailure when it does not
   */
  Path existing() {
    if (!Files.isDirectory(dir())) {
      throw new EvaluationFailure("no shared data directory at " + shown() + "; pass --shared DIR");
    }
    return dir();
  }

  /**
   * The failure of an evaluation whose files are missing: "{@code what} under DIR; pass --shared
   * DIR", {@code what} saying what is missing ("no covert networks").
   */
  EvaluationFailure missing(String what) {
    return new EvaluationFailure(what + " under " + shown() + "; pass --shared DIR");
  }

  /** The directory as messages and reports name it. */
  String shown() {
    return dir().toAbsolutePath().normalize().toString();
  }
}
