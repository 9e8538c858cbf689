/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * npm {@code @alephdata/followthemoney} 3.8.4 (installed once into target/ftm-js) reading a file of
 * FtM JSON lines with check_ftm.js: every line must load in its model, every entity reference must
 * resolve inside the file.
 */
public final class FtmModel {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FtmModel() {}

  /**
   * The checker's summary of {@code lines}: {@code lines}, {@code loaded}, {@code failures}, {@code
   * references}, {@code dangling}.
   *
   * @param work a folder for the script and its error output
   */
  public static JsonNode check(Path lines, Path work) {
    try {
      Path script = work.resolve("check_ftm.js");
      if (!Files.exists(script)) {
        try (InputStream in = FtmModel.class.getResourceAsStream("check_ftm.js")) {
          Files.copy(in, script);
        }
      }
      ProcessBuilder pb = new ProcessBuilder("node", script.toString(), lines.toString());
      pb.environment().put("NODE_PATH", install().toString());
      Path err = work.resolve("node.err");
      pb.redirectError(err.toFile());
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor()).as(Files.readString(err)).isZero();
      return JSON.readTree(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static synchronized Path install() throws IOException, InterruptedException {
    Path prefix = Path.of("target", "ftm-js").toAbsolutePath();
    Path modules = prefix.resolve("node_modules");
    if (!Files.isDirectory(modules.resolve("@alephdata/followthemoney"))) {
      Files.createDirectories(prefix);
      Process p =
          new ProcessBuilder(
                  "npm",
                  "install",
                  "--no-audit",
                  "--no-fund",
                  "--prefix",
                  prefix.toString(),
                  "@alephdata/followthemoney@3.8.4")
              .redirectErrorStream(true)
              .start();
      String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor()).as("npm install @alephdata/followthemoney:\n" + log).isZero();
    }
    return modules;
  }
}
