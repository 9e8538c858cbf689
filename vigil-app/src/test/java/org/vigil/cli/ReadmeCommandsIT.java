/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.app.DemoData;
import org.vigil.auth.PasswordHasher;
import org.vigil.resolution.CrossReferencing;
import org.vigil.resolution.ResolutionRun;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.watchlists.ListLibrary;
import org.vigil.watchlists.ListScreening;

/**
 * Every command of the README's {@code sh} blocks, run exactly as written by bash with the {@code
 * vigil} script, in a fresh folder laid out like a checkout: the script, the built jar, the shared
 * data beside it, and the demo's data in ./vigil-demo-data as {@code vigil demo} loads them before
 * its corpus. Two commands are checked elsewhere: {@code ./mvnw verify} is the build that runs this
 * test, and {@code ./vigil demo} is a server (its start is measured by {@code vigil bench demo} and
 * its pages by the browser tests).
 */
class ReadmeCommandsIT {
  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path ROOT = MODULE.getParent();
  private static Path folder;
  private static Path checkout;

  @BeforeAll
  static void layOutACheckoutWithTheDemosData() throws IOException {
    Path jar = MODULE.resolve("target/vigil.jar");
    assertThat(jar).as("the build packages vigil.jar before the integration tests").exists();
    folder = Files.createTempDirectory("vigil-readme");
    checkout = folder.resolve("vigil");
    Files.createDirectories(checkout.resolve("vigil-app/target"));
    Files.copy(ROOT.resolve("vigil"), checkout.resolve("vigil"));
    checkout.resolve("vigil").toFile().setExecutable(true);
    Files.createSymbolicLink(checkout.resolve("vigil-app/target/vigil.jar"), jar);
    Path shared = ROOT.resolveSibling("shared");
    if (Files.isDirectory(shared)) {
      Files.createSymbolicLink(folder.resolve("shared"), shared);
    }
    Path data = checkout.resolve(DemoCommand.DEFAULT_DATA_DIR);
    Clock clock = Clock.systemUTC();
    PrintWriter log = new PrintWriter(new StringWriter(), true);
    // The demo loads its data in `vigil`'s process, which runs in the root locale
    // (VigilCommand.main: CoreNLP lowercases by the default locale); so does this copy of it.
    Locale testLocale = Locale.getDefault();
    Locale.setDefault(Locale.ROOT);
    try (Store store = Store.open(StoreConfig.embedded(data))) {
      DemoData.load(store, PasswordHasher.standard(), clock, log);
      DemoData.loadLists(store, data, clock, log);
      DemoData.loadDocuments(store, clock, log);
      new ResolutionRun(
              ListScreening.over(ListLibrary.in(data)), CrossReferencing.DEFAULT_THRESHOLD, clock)
          .run(store);
    } finally {
      Locale.setDefault(testLocale);
    }
  }

  @AfterAll
  static void removeTheFolder() throws IOException {
    if (folder == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void everyReadmeCommandRunsAsWritten() throws IOException, InterruptedException {
    List<String> commands = commands(Files.readString(ROOT.resolve("README.md")));
    assertThat(commands).as("commands found in README.md").hasSizeGreaterThanOrEqualTo(4);
    for (String command : commands) {
      Path output = Files.createTempFile(folder, "out", ".txt");
      Process process =
          new ProcessBuilder("bash", "-c", command)
              .directory(checkout.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      boolean ended = process.waitFor(10, TimeUnit.MINUTES);
      if (!ended) {
        process.destroyForcibly().waitFor();
      }
      String printed = Files.readString(output, StandardCharsets.UTF_8);
      assertThat(ended).as("%s ended within 10 minutes", command).isTrue();
      assertThat(process.exitValue()).as("%s printed:%n%s", command, printed).isZero();
      assertThat(printed).as(command).isNotBlank().doesNotContain("Exception");
    }
    assertThat(checkout.resolve("vigil-data")).as("no empty ./vigil-data is made").doesNotExist();
  }

  /** The command lines of the sh blocks, but for the build and the demo server. */
  static List<String> commands(String readme) {
    List<String> out = new ArrayList<>();
    boolean inside = false;
    for (String line : readme.split("\n", -1)) {
      String trimmed = line.strip();
      if (!inside && trimmed.equals("```sh")) {
        inside = true;
      } else if (inside && trimmed.equals("```")) {
        inside = false;
      } else if (inside
          && !trimmed.isEmpty()
          && !trimmed.startsWith("#")
          && !trimmed.startsWith("./mvnw ")
          && !trimmed.startsWith("./vigil demo")) {
        out.add(trimmed);
      }
    }
    return out;
  }
}
