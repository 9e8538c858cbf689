/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Copies an upload to a file, reading at most one buffer past a cap, never all into memory. */
final class Spool {
  private static final int BUFFER = 64 * 1024;

  private Spool() {}

  /**
   * Copies {@code in} to {@code target}: its size, or empty when it is larger than {@code maxBytes}
   * (then reading stopped at the first byte past the cap, and the rest is left unread).
   */
  static OptionalLong copyAtMost(InputStream in, Path target, long maxBytes) throws IOException {
    byte[] buffer = new byte[BUFFER];
    long total = 0;
    try (OutputStream out = Files.newOutputStream(target)) {
      while (true) {
        int wanted = (int) Math.min(buffer.length, maxBytes + 1 - total);
        int n = in.read(buffer, 0, wanted);
        if (n < 0) {
          return OptionalLong.of(total);
        }
        total += n;
        if (total > maxBytes) {
          return OptionalLong.empty();
        }
        out.write(buffer, 0, n);
      }
    }
  }
}
