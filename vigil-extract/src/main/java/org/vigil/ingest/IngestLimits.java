/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.ingest;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The bounds that every document is read under.
 *
 * @param maxBytes a larger file is rejected unread
 * @param maxChars text beyond this many chars is cut off, and the document marked truncated
 * @param parseTimeout a parse that runs longer is abandoned
 */
public record IngestLimits(long maxBytes, int maxChars, Duration parseTimeout) {

  /** 64 MiB in, 5 million chars out, 60 seconds. */
  public static final IngestLimits DEFAULT =
      new IngestLimits(64L * 1024 * 1024, 5_000_000, Duration.ofSeconds(60));

  public IngestLimits {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive, not " + maxBytes);
    }
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars must be positive, not " + maxChars);
    }
    requireNonNull(parseTimeout, "parseTimeout");
    if (parseTimeout.isNegative() || parseTimeout.isZero()) {
      throw new IllegalArgumentException("parseTimeout must be positive, not " + parseTimeout);
    }
  }

  public IngestLimits withMaxBytes(long bytes) {
    return new IngestLimits(bytes, maxChars, parseTimeout);
  }

  public IngestLimits withMaxChars(int chars) {
    return new IngestLimits(maxBytes, chars, parseTimeout);
  }

  public IngestLimits withParseTimeout(Duration timeout) {
    return new IngestLimits(maxBytes, maxChars, timeout);
  }
}
