/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * How the public intake listener runs.
 *
 * @param org the organisation whose tip line this is: only its tip handlers see what comes in
 * @param bindAddress the interface it listens on, apart from the analyst listener's (for example
 *     the loopback address an onion service forwards to)
 * @param port its TCP port; 0 picks a free one
 * @param maxFileBytes the largest attachment accepted
 * @param maxRequestBytes the largest submission accepted, text and files together
 * @param spoolDir the folder Vigil owns where the web server spools large uploads while a request
 *     runs; emptied at start, since a killed server leaves its files behind
 * @param limits the proof-of-work and the rate caps
 */
public record IntakeSettings(
    String org,
    String bindAddress,
    int port,
    long maxFileBytes,
    long maxRequestBytes,
    Path spoolDir,
    IntakeLimits limits) {
  public static final long DEFAULT_MAX_FILE_BYTES = 10L * 1024 * 1024;
  public static final long DEFAULT_MAX_REQUEST_BYTES = 25L * 1024 * 1024;

  public IntakeSettings {
    requireNonNull(org, "org");
    requireNonNull(bindAddress, "bindAddress");
    requireNonNull(spoolDir, "spoolDir");
    requireNonNull(limits, "limits");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("intake port " + port + " is outside 0..65535");
    }
    if (maxFileBytes < 1 || maxRequestBytes < maxFileBytes) {
      throw new IllegalArgumentException(
          "intake caps: file " + maxFileBytes + ", request " + maxRequestBytes);
    }
  }

  /** Default caps, spooling under {@code dataDir}. */
  public static IntakeSettings of(String org, String bindAddress, int port, Path dataDir) {
    return new IntakeSettings(
        org,
        bindAddress,
        port,
        DEFAULT_MAX_FILE_BYTES,
        DEFAULT_MAX_REQUEST_BYTES,
        dataDir.resolve("tips-spool"),
        IntakeLimits.DEFAULT);
  }

  /** The same listener with other abuse controls. */
  public IntakeSettings withLimits(IntakeLimits other) {
    return new IntakeSettings(
        org, bindAddress, port, maxFileBytes, maxRequestBytes, spoolDir, other);
  }
}
