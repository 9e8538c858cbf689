/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;

/**
 * Tells a file's type from its bytes alone with Apache Tika's detectors (magic numbers, and the
 * OOXML and ODF container detectors that look inside a zip), the same detection the document reader
 * uses. No name is given to Tika, so a name cannot sway it.
 */
final class TypeDetection {
  private static final Map<String, AttachmentType> ACCEPTED =
      Map.of(
          "image/jpeg",
          AttachmentType.JPEG,
          "image/png",
          AttachmentType.PNG,
          "application/pdf",
          AttachmentType.PDF,
          AttachmentType.DOCX.mediaType(),
          AttachmentType.DOCX,
          AttachmentType.ODT.mediaType(),
          AttachmentType.ODT,
          "text/plain",
          AttachmentType.TEXT);

  /** What Tika calls an OOXML file encrypted with a password (a compound file inside). */
  static final String ENCRYPTED_OOXML = "application/x-tika-ooxml-protected";

  private final Detector detector;

  TypeDetection() {
    this.detector = TikaConfig.getDefaultConfig().getDetector();
  }

  /** The media type Tika tells from the file's bytes, without parameters, in lower case. */
  String mediaType(Path file) throws IOException {
    try (InputStream in = TikaInputStream.get(file)) {
      return detector.detect(in, new Metadata()).getBaseType().toString().toLowerCase(Locale.ROOT);
    }
  }

  static Optional<AttachmentType> accepted(String mediaType) {
    return Optional.ofNullable(ACCEPTED.get(mediaType));
  }
}
