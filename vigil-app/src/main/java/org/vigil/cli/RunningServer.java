/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.vigil.app.DataLocation;

/**
 * The note a server leaves in its data directory while it runs ({@code running-server.txt}: its
 * address and process id), so that a command that finds the embedded database in use can say which
 * server holds it and how to reach it, rather than pass on the driver's "file is locked".
 */
final class RunningServer {
  static final String FILE = "running-server.txt";

  // H2's "Database may be already in use" (DATABASE_ALREADY_OPEN_1).
  private static final int H2_ALREADY_OPEN = 90020;

  /** What the note says: where the server answers and its process id. */
  private record Note(String url, String pid) {}

  private RunningServer() {}

  /** Writes the note; a data directory that cannot take it only loses the better message. */
  static void announce(Path dataDir, String url) {
    try {
      Files.createDirectories(dataDir);
      Files.writeString(
          dataDir.resolve(FILE),
          url + "\n" + ProcessHandle.current().pid() + "\n",
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      // The server runs all the same; a second process would get the plainer message.
    }
  }

  /** Removes the note when the server stops. */
  static void withdraw(Path dataDir) {
    try {
      Files.deleteIfExists(dataDir.resolve(FILE));
    } catch (IOException e) {
      // A stale note is only read after the database refused a second process.
    }
  }

  /**
   * The failure to report when opening {@code location}'s store failed with {@code error}: if the
   * embedded database is held by another process, a message naming the server and how to reach it;
   * otherwise empty (the error is something else).
   */
  static Optional<CliFailure> explain(DataLocation location, RuntimeException error) {
    if (location.dbUrl().isPresent() || !heldByAnother(error)) {
      return Optional.empty();
    }
    String where = location.describe();
    Optional<Note> note = read(location.dataDir());
    if (note.isPresent()) {
      String url = note.get().url();
      return Optional.of(
          new CliFailure(
              "the data in "
                  + where
                  + " are in use by the Vigil server at "
                  + url
                  + " (process "
                  + note.get().pid()
                  + "); the embedded database serves one process at a time. Ask that server"
                  + " instead (open "
                  + url
                  + " in a browser, or its HTTP API under "
                  + url
                  + "api/v1/, see docs/cli.md), or stop it (Ctrl-C where it runs) and run this"
                  + " command again."));
    }
    return Optional.of(
        new CliFailure(
            "the data in "
                + where
                + " are in use by another Vigil process; the embedded database serves one"
                + " process at a time. Stop that process (vigil serve or vigil demo) and run this"
                + " command again, or name other data with --data."));
  }

  private static boolean heldByAnother(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getErrorCode() == H2_ALREADY_OPEN) {
        return true;
      }
      String message = String.valueOf(t.getMessage());
      if (message.contains("Database may be already in use")) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Note> read(Path dataDir) {
    try {
      List<String> lines = Files.readAllLines(dataDir.resolve(FILE), StandardCharsets.UTF_8);
      if (lines.size() >= 2 && lines.get(0).startsWith("http")) {
        return Optional.of(new Note(lines.get(0).strip(), lines.get(1).strip()));
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
