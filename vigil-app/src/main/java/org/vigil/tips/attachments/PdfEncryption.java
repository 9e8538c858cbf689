/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips.attachments;

/**
 * Whether a PDF is encrypted: its trailer (or cross-reference stream, whose dictionary is never
 * compressed) names an {@code /Encrypt} dictionary. A byte scan, so no PDF parser runs on the
 * original.
 */
final class PdfEncryption {
  private static final byte[] KEY = {'/', 'E', 'n', 'c', 'r', 'y', 'p', 't'};

  private PdfEncryption() {}

  static boolean isEncrypted(byte[] pdf) {
    outer:
    for (int i = 0; i + KEY.length <= pdf.length; i++) {
      for (int j = 0; j < KEY.length; j++) {
        if (pdf[i + j] != KEY[j]) {
          continue outer;
        }
      }
      // "/EncryptMetadata" and the like are other names; the key ends at a delimiter or space.
      if (i + KEY.length == pdf.length || endsName(pdf[i + KEY.length])) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsName(byte b) {
    return switch (b) {
      case ' ', '\t', '\r', '\n', '\f', 0, '/', '<', '>', '[', ']', '(', ')', '{', '}', '%' -> true;
      default -> false;
    };
  }
}
