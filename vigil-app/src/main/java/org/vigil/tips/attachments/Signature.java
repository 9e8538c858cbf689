/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips.attachments;

import java.util.Arrays;

/** The family a file's first bytes (its magic number) put it in. */
enum Signature {
  JPEG(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
  PNG(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
  PDF(new byte[] {'%', 'P', 'D', 'F', '-'}),
  ZIP(new byte[] {'P', 'K', 3, 4}),
  /** Microsoft's compound file: legacy Office, and encrypted OOXML. */
  OLE2(
      new byte[] {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
      }),
  /** No magic number: text, or something this list does not know. */
  NONE(new byte[0]);

  private final byte[] magic;

  Signature(byte[] magic) {
    this.magic = magic;
  }

  static Signature of(byte[] head) {
    for (Signature s : values()) {
      if (s != NONE
          && head.length >= s.magic.length
          && Arrays.equals(head, 0, s.magic.length, s.magic, 0, s.magic.length)) {
        return s;
      }
    }
    return NONE;
  }

  /** The family a file of this type must start with. */
  static Signature expectedFor(AttachmentType type) {
    return switch (type) {
      case JPEG -> JPEG;
      case PNG -> PNG;
      case PDF -> PDF;
      case DOCX, ODT -> ZIP;
      case TEXT -> NONE;
    };
  }
}
