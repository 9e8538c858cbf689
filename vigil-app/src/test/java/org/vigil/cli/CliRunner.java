/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;

/** Runs the command line in-process, and finds the list fixtures, for the CLI tests. */
final class CliRunner {
  record Run(int code, String out, String err) {}

  private CliRunner() {}

  static Run vigil(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        VigilCommand.commandLine(
                new ByteArrayInputStream(new byte[0]),
                name -> Optional.empty(),
                new PrintWriter(out, true),
                new PrintWriter(err, true))
            .execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  static Path fixture(String name) {
    try {
      return Path.of(CliRunner.class.getResource("/lists/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
