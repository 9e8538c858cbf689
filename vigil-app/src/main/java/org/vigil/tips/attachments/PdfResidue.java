/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips.attachments;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether a PDF that mat2 cleaned in its lightweight mode may still carry metadata: mat2 removes
 * the document's information and XMP, but keeps the images as they are, and a phone photo placed in
 * a PDF keeps its EXIF (GPS, camera) in the image's own bytes. Poppler writes the lightweight copy
 * with every object in the open (no object streams), so its bytes can be scanned; what cannot be
 * seen (an object stream, an image whose bytes are compressed again) counts as metadata.
 */
final class PdfResidue {
  private static final List<String> MARKERS =
      List.of(
          "/ObjStm", // objects packed in a compressed stream: not visible to this scan
          "/Metadata", // an XMP stream left on a page, an image or another object
          "Exif\0\0", // EXIF in a JPEG's APP1 segment
          "http://ns.adobe.com/xap/1.0/", // XMP in a JPEG's APP1 segment
          "<x:xmpmeta",
          "Photoshop 3.0"); // IPTC in a JPEG's APP13 segment

  /** A filter array that names an image codec together with another filter. */
  private static final Pattern CHAINED_IMAGE_FILTER =
      Pattern.compile("/Filter\\s*\\[[^\\]]*/(?:DCTDecode|JPXDecode)[^\\]]*\\]");

  private static final Pattern ONE_FILTER = Pattern.compile("/Filter\\s*\\[\\s*/\\w+\\s*\\]");

  private PdfResidue() {}

  static boolean mayHoldMetadata(byte[] pdf) {
    String bytes = new String(pdf, StandardCharsets.ISO_8859_1);
    for (String marker : MARKERS) {
      if (bytes.contains(marker)) {
        return true;
      }
    }
    var chained = CHAINED_IMAGE_FILTER.matcher(bytes);
    while (chained.find()) {
      if (!ONE_FILTER.matcher(chained.group()).matches()) {
        return true;
      }
    }
    return false;
  }
}
