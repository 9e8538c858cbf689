/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vigil.claims.AchAnalysis;
import org.vigil.model.InvalidValueException;
import org.vigil.weighing.AchJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil ach}: analyses a matrix of competing hypotheses read from a JSON file. */
@Command(
    name = "ach",
    mixinStandardHelpOptions = true,
    description = {
      "Analyses competing hypotheses (Heuer's ACH) from a JSON file: each analyst's"
          + " inconsistency scores, the diagnosticity of each item, the linchpin warning, and the"
          + " cells analysts rate differently. Nothing is stored. docs/analysis.md has the format"
          + " and a worked example."
    })
final class AchCommand implements Callable<Integer> {
  /** The largest matrix file read. */
  static final long MAX_BYTES = 4L << 20;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The matrix, as JSON.")
  Path file;

  @Override
  public Integer call() {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    JsonNode body;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new CliFailure(file + " is larger than " + MAX_BYTES + " bytes");
      }
      body = mapper.readTree(file.toFile());
    } catch (IOException e) {
      throw new CliFailure("cannot read " + file + ": " + e.getMessage());
    }
    try {
      spec.commandLine()
          .getOut()
          .println(
              mapper.writeValueAsString(AchJson.analysis(AchAnalysis.of(AchJson.matrix(body)))));
    } catch (InvalidValueException e) {
      throw new CliFailure(e.getMessage());
    } catch (IOException e) {
      throw new IllegalStateException("cannot print the analysis", e);
    }
    spec.commandLine().getOut().flush();
    return 0;
  }
}
