/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips.attachments;

import java.util.Optional;

/**
 * A photo's width and height as its header states them (PNG's IHDR chunk, JPEG's start-of-frame
 * segment), read before mat2 decodes it: a small file can state a picture so large that decoding it
 * takes all memory (a decompression bomb).
 */
record ImageSize(long width, long height) {
  /** More than the largest phone cameras (200 megapixels) take. */
  static final long MAX_PIXELS = 250_000_000L;

  long pixels() {
    return width * height;
  }

  /** The size a PNG or JPEG states, or empty when its header cannot be read. */
  static Optional<ImageSize> of(byte[] image, AttachmentType type) {
    return switch (type) {
      case PNG -> png(image);
      case JPEG -> jpeg(image);
      case PDF, DOCX, ODT, TEXT -> Optional.empty();
    };
  }

  private static Optional<ImageSize> png(byte[] c) {
    // Signature (8), then the first chunk: length (4) = 13, "IHDR", width (4), height (4).
    if (c.length < 24 || c[12] != 'I' || c[13] != 'H' || c[14] != 'D' || c[15] != 'R') {
      return Optional.empty();
    }
    return Optional.of(new ImageSize(u32(c, 16), u32(c, 20)));
  }

  private static Optional<ImageSize> jpeg(byte[] c) {
    int at = 2;
    while (at + 4 <= c.length) {
      if ((c[at] & 0xFF) != 0xFF) {
        return Optional.empty();
      }
      int marker = c[at + 1] & 0xFF;
      if (marker == 0xFF) {
        at++; // fill byte
        continue;
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        at += 2; // no length
        continue;
      }
      if (marker == 0xDA || marker == 0xD9) {
        return Optional.empty(); // image data or the end before any frame header
      }
      int length = u16(c, at + 2);
      boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8;
      if (frame && marker != 0xCC) {
        if (at + 9 > c.length) {
          return Optional.empty();
        }
        return Optional.of(new ImageSize(u16(c, at + 7), u16(c, at + 5)));
      }
      if (length < 2) {
        return Optional.empty();
      }
      at += 2 + length;
    }
    return Optional.empty();
  }

  private static int u16(byte[] c, int at) {
    return (c[at] & 0xFF) << 8 | (c[at + 1] & 0xFF);
  }

  private static long u32(byte[] c, int at) {
    return (long) u16(c, at) << 16 | u16(c, at + 2);
  }
}
