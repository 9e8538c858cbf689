/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** One line that says what a benchmark ran on, printed above its figures. */
public final class MachineDescription {
  private MachineDescription() {}

  public static String describe() {
    Runtime rt = Runtime.getRuntime();
    return String.format(
        Locale.ROOT,
        "%s; %d cores; max heap %d MiB; %s %s; Java %s (%s)",
        cpuModel().orElse("unknown CPU"),
        rt.availableProcessors(),
        rt.maxMemory() / (1024 * 1024),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"));
  }

  private static Optional<String> cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
        if (line.startsWith("model name")) {
          return Optional.of(line.substring(line.indexOf(':') + 1).strip());
        }
      }
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
