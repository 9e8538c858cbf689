/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips.attachments;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's mat2 on one file in a separate process, in the file's private directory, with an
 * environment of its own and a time limit. mat2 writes {@code name.cleaned.ext} beside the input.
 */
final class Mat2 {
  private final CleanerSettings settings;

  Mat2(CleanerSettings settings) {
    this.settings = requireNonNull(settings, "settings");
  }

  /** What one run came to. */
  sealed interface Run {
    /** mat2 wrote the cleaned file. */
    record Wrote(Path cleaned) implements Run {}

    /** mat2 ended without a cleaned file; {@code why} says how, without its output. */
    record Failed(String why) implements Run {}

    /** mat2 was stopped at the time limit. */
    record TimedOut() implements Run {}
  }

  /** Whether the executable is there to run. */
  boolean installed() {
    return Files.isRegularFile(settings.mat2()) && Files.isExecutable(settings.mat2());
  }

  /**
   * Cleans {@code input} (a file named {@code attachment.<ext>} in {@code directory}), in mat2's
   * lightweight mode when asked (for PDFs: text kept, images untouched). A cleaned file left by an
   * earlier run is replaced.
   */
  Run clean(Path directory, Path input, boolean lightweight)
      throws IOException, InterruptedException {
    String name = input.getFileName().toString();
    int dot = name.lastIndexOf('.');
    Path cleaned = directory.resolve(name.substring(0, dot) + ".cleaned" + name.substring(dot));
    Files.deleteIfExists(cleaned);
    List<String> command = new ArrayList<>();
    command.add(settings.mat2().toString());
    if (lightweight) {
      command.add("--lightweight");
    }
    // Parts of an OOXML or ODF file that mat2 does not know are dropped, not kept uncleaned.
    command.add("--unknown-members");
    command.add("omit");
    command.add(name);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Map<String, String> environment = builder.environment();
    environment.clear();
    environment.put("PATH", "/usr/bin:/bin");
    environment.put("HOME", directory.toString());
    environment.put("TMPDIR", directory.toString());
    environment.put("LANG", "C.UTF-8");
    Process process = builder.start();
    process.getOutputStream().close();
    if (!process.waitFor(settings.cleaningTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      return new Run.TimedOut();
    }
    if (process.exitValue() != 0 || !Files.isRegularFile(cleaned)) {
      // Only the status: mat2's output names the server's paths, which are not the tipster's to
      // read.
      return new Run.Failed("mat2 ended with status " + process.exitValue());
    }
    return new Run.Wrote(cleaned);
  }
}
