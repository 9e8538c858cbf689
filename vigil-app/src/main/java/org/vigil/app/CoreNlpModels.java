/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.app;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CoreNLP's full models jar, for the commands that run CoreNLP's default pipeline as a baseline.
 * Vigil's own jar carries only the one model its extractor loads, and CoreNLP reads models through
 * the system class loader, so such a command runs again in a child JVM with the full jar added to
 * the class path.
 */
public final class CoreNlpModels {
  /** The CoreNLP version whose models are wanted. */
  public static final String VERSION = "4.5.10";

  /** Set in the child JVM, so that a child never starts another. */
  private static final String CHILD_PROPERTY = "vigil.corenlpModelsChild";

  private CoreNlpModels() {}

  /** Where Maven puts the models jar: ~/.m2/repository/edu/stanford/nlp/... */
  public static Path defaultJar() {
    return Path.of(System.getProperty("user.home"), ".m2", "repository")
        .resolve(Path.of("edu", "stanford", "nlp", "stanford-corenlp", VERSION))
        .resolve("stanford-corenlp-" + VERSION + "-models.jar");
  }

  /** Whether this process is the child started by {@link #runWithJar}. */
  public static boolean isChild() {
    return Boolean.getBoolean(CHILD_PROPERTY);
  }

  /**
   * Checks that {@code jar} is a file.
   *
   * @throws IOException when it is not, naming it and how to fetch it
   */
  public static void requireJar(Path jar) throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IOException(
          "CoreNLP's models jar is not at "
              + jar.toAbsolutePath()
              + "; fetch it with ./mvnw dependency:get"
              + " -Dartifact=edu.stanford.nlp:stanford-corenlp:"
              + VERSION
              + ":jar:models, or pass its path with --corenlp-models");
    }
  }

  /**
   * Runs {@code mainClass} with {@code args} in a child JVM whose class path is this one's plus
   * {@code jar}, with this JVM's options; copies its standard output to {@code out} line by line
   * (standard error goes to this process's). Returns the child's exit code.
   *
   * @throws IOException when {@code jar} is not there, naming it, or the child cannot start
   */
  public static int runWithJar(Path jar, String mainClass, List<String> args, PrintWriter out)
      throws IOException, InterruptedException {
    requireJar(jar);
    if (isChild()) {
      throw new IOException(
          jar + " does not hold the CoreNLP models this command needs (such as the POS tagger)");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!option.startsWith("-agentlib") && !option.startsWith("-javaagent")) {
        command.add(option);
      }
    }
    command.add("-D" + CHILD_PROPERTY + "=true");
    command.add("-cp");
    command.add(System.getProperty("java.class.path") + File.pathSeparator + jar.toAbsolutePath());
    command.add(mainClass);
    command.addAll(args);
    Process child =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    child.getOutputStream().close();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        out.println(line);
        out.flush();
      }
    }
    return child.waitFor();
  }
}
