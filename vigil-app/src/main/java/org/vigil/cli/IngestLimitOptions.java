/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.time.Duration;
import org.vigil.ingest.IngestLimits;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The limits every document is read under, the same way for {@code ingest} and {@code serve}:
 * {@code --max-document-bytes}, {@code --max-document-chars} and {@code --parse-timeout}; what is
 * not given keeps its default from {@link IngestLimits#DEFAULT}.
 */
final class IngestLimitOptions {
  @Option(
      names = "--max-document-bytes",
      paramLabel = "BYTES",
      description = "A larger document is rejected unread (default: 67108864, 64 MiB).")
  Long maxBytes;

  @Option(
      names = "--max-document-chars",
      paramLabel = "CHARS",
      description =
          "Text beyond this many chars is cut off and the document marked truncated (default:"
              + " 5000000).")
  Integer maxChars;

  @Option(
      names = "--parse-timeout",
      paramLabel = "SECONDS",
      description = "A parse that runs longer is abandoned (default: 60).")
  Integer parseTimeoutSeconds;

  /** The limits given, over the defaults; a value that is not positive is a usage error. */
  IngestLimits limits(CommandSpec spec) {
    IngestLimits limits = IngestLimits.DEFAULT;
    if (maxBytes != null) {
      limits = limits.withMaxBytes(positive(spec, "--max-document-bytes", maxBytes));
    }
    if (maxChars != null) {
      limits = limits.withMaxChars((int) positive(spec, "--max-document-chars", maxChars));
    }
    if (parseTimeoutSeconds != null) {
      limits =
          limits.withParseTimeout(
              Duration.ofSeconds(positive(spec, "--parse-timeout", parseTimeoutSeconds)));
    }
    return limits;
  }

  private static long positive(CommandSpec spec, String option, long value) {
    if (value < 1) {
      throw new ParameterException(spec.commandLine(), option + " must be positive, not " + value);
    }
    return value;
  }
}
