/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips.attachments;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds a second file format inside an attachment: a zip directory at the end of an image or PDF
 * (zip readers start from the end), a PDF header in the first KiB of anything else (PDF readers
 * look that far), or HTML, SVG or script markup in the first KiB of a binary file (browsers that
 * sniff content would run it). Trailing data of other kinds is left to mat2, whose working copy
 * drops it; the sealed original is never opened by Vigil.
 */
final class Polyglots {
  private static final int HEAD = 1024;

  /** A zip's end record is 22 bytes and may be followed by a comment of up to 65,535. */
  private static final int ZIP_TAIL = 22 + 65_535;

  private static final List<String> MARKUP =
      List.of("<html", "<script", "<svg", "<!doctype", "<?php", "<iframe", "<body");

  private Polyglots() {}

  /** The other format found, such as "a ZIP archive", if any. */
  static Optional<String> secondFormat(byte[] content, AttachmentType type) {
    if (Signature.expectedFor(type) != Signature.ZIP && hasZipEnd(content)) {
      return Optional.of("a ZIP archive");
    }
    String head =
        new String(content, 0, Math.min(HEAD, content.length), StandardCharsets.ISO_8859_1)
            .toLowerCase(Locale.ROOT);
    if (type != AttachmentType.PDF && head.contains("%pdf-")) {
      return Optional.of("a PDF document");
    }
    if (type != AttachmentType.TEXT) {
      for (String tag : MARKUP) {
        if (head.contains(tag)) {
          return Optional.of("a web page or script");
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the last 64 KiB hold a zip end record that a zip reader would accept: its disk numbers
   * zero, its entry counts agreeing, and its directory inside the file before it.
   */
  static boolean hasZipEnd(byte[] content) {
    int from = Math.max(0, content.length - ZIP_TAIL);
    for (int i = content.length - 22; i >= from; i--) {
      if (content[i] == 'P'
          && content[i + 1] == 'K'
          && content[i + 2] == 5
          && content[i + 3] == 6
          && plausibleEnd(content, i)) {
        return true;
      }
    }
    return false;
  }

  private static boolean plausibleEnd(byte[] c, int at) {
    int disk = u16(c, at + 4);
    int directoryDisk = u16(c, at + 6);
    int entriesHere = u16(c, at + 8);
    int entries = u16(c, at + 10);
    long directorySize = u32(c, at + 12);
    long directoryOffset = u32(c, at + 16);
    int commentLength = u16(c, at + 20);
    return disk == 0
        && directoryDisk == 0
        && entriesHere == entries
        && directoryOffset + directorySize <= at
        && at + 22L + commentLength <= c.length;
  }

  private static int u16(byte[] c, int at) {
    return (c[at] & 0xFF) | (c[at + 1] & 0xFF) << 8;
  }

  private static long u32(byte[] c, int at) {
    return (u16(c, at) | (long) u16(c, at + 2) << 16);
  }
}
