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
    return explain(location, error, List.of(), List.of());
  }

  /**
   * As {@link #explain(DataLocation, RuntimeException)}, and, for a read command the server's HTTP
   * API answers too, the API calls that give the same answer.
   *
   * @param command the command's names below {@code vigil}, such as [graph, path]
   * @param arguments its positional arguments, such as the two entity names of a path
   */
  static Optional<CliFailure> explain(
      DataLocation location, RuntimeException error, List<String> command, List<String> arguments) {
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
                  + " command again."
                  + apiCalls(url, command, arguments).map(c -> " " + c).orElse("")));
    }
    return Optional.of(
        new CliFailure(
            "the data in "
                + where
                + " are in use by another Vigil process; the embedded database serves one"
                + " process at a time. Stop that process (vigil serve or vigil demo) and run this"
                + " command again, or name other data with --data."));
  }

  /**
   * The API calls that answer like {@code command} with {@code arguments}, on the server at {@code
   * url}; empty for a command the API has no read for.
   */
  static Optional<String> apiCalls(String url, List<String> command, List<String> arguments) {
    String api = url + "api/v1/";
    String ids =
        "find an entity's id with GET "
            + api
            + "entities?q="
            + (arguments.isEmpty() ? "NAME" : encode(arguments.get(0)));
    String call =
        switch (String.join(" ", command)) {
          case "graph path" -> ids + ", then GET " + api + "graph/path?from=ID&to=ID";
          case "graph neighbours" -> ids + ", then GET " + api + "graph/neighbours?entity=ID";
          case "graph timeline" -> ids + ", then GET " + api + "graph/timeline?entity=ID";
          case "graph communities" -> "GET " + api + "graph/communities";
          case "graph centrality" -> "GET " + api + "graph/centrality";
          case "entities", "entities search" -> ids;
          default -> "";
        };
    if (call.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "Through the API: "
            + call
            + " (the demo signs in requests from this machine; vigil serve needs an API token"
            + " from POST "
            + api
            + "me/tokens, sent as Authorization: Bearer TOKEN).");
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
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
