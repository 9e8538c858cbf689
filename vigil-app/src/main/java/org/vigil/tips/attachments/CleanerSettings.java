/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips.attachments;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The bounds an attachment is checked and cleaned under.
 *
 * @param maxBytes a larger attachment is refused after reading at most one byte past this
 * @param maxUnpackedBytes the most an OOXML or ODF file may inflate to, all parts together
 * @param maxCompressionRatio the most any part of an OOXML or ODF file may inflate, as a multiple
 *     of its compressed size (parts under 64 KiB inflated are not held to it)
 * @param maxParts the most parts (zip entries) an OOXML or ODF file may hold
 * @param cleaningTimeout mat2 running longer is stopped and the attachment refused
 * @param mat2 the mat2 executable (Debian's is {@code /usr/bin/mat2})
 * @param pdfCleaning how PDFs are cleaned
 * @param workRoot where the private per-attachment directories are made (the system's temp
 *     directory by default)
 */
public record CleanerSettings(
    long maxBytes,
    long maxUnpackedBytes,
    int maxCompressionRatio,
    int maxParts,
    Duration cleaningTimeout,
    Path mat2,
    PdfCleaning pdfCleaning,
    Path workRoot) {

  /** How mat2 cleans a PDF. */
  public enum PdfCleaning {
    /**
     * mat2's lightweight mode ({@code --lightweight}): the document information and XMP metadata
     * are removed and the text is kept, so the working copy can be read for extraction. That mode
     * leaves images as they are, so when the copy may still hold metadata (a photo's EXIF, an XMP
     * stream on a page or image, objects it cannot see) the PDF is cleaned again as {@link
     * #RASTERISE} does, and that working copy has no text.
     */
    KEEP_TEXT,
    /**
     * mat2's full mode: every page is redrawn as an image, which also removes hidden content,
     * annotations and attachments, but leaves no text to read.
     */
    RASTERISE
  }

  /** 32 MiB in, 256 MiB unpacked, ratio 100, 10,000 parts, 60 s, Debian's mat2, text kept. */
  public static final CleanerSettings DEFAULT =
      new CleanerSettings(
          32L * 1024 * 1024,
          256L * 1024 * 1024,
          100,
          10_000,
          Duration.ofSeconds(60),
          Path.of("/usr/bin/mat2"),
          PdfCleaning.KEEP_TEXT,
          Path.of(System.getProperty("java.io.tmpdir")));

  public CleanerSettings {
    if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "maxBytes must be between 1 and " + (Integer.MAX_VALUE - 8) + ", not " + maxBytes);
    }
    if (maxUnpackedBytes < 1) {
      throw new IllegalArgumentException(
          "maxUnpackedBytes must be positive, not " + maxUnpackedBytes);
    }
    if (maxCompressionRatio < 1) {
      throw new IllegalArgumentException(
          "maxCompressionRatio must be positive, not " + maxCompressionRatio);
    }
    if (maxParts < 1) {
      throw new IllegalArgumentException("maxParts must be positive, not " + maxParts);
    }
    requireNonNull(cleaningTimeout, "cleaningTimeout");
    if (cleaningTimeout.isNegative() || cleaningTimeout.isZero()) {
      throw new IllegalArgumentException(
          "cleaningTimeout must be positive, not " + cleaningTimeout);
    }
    requireNonNull(mat2, "mat2");
    requireNonNull(pdfCleaning, "pdfCleaning");
    requireNonNull(workRoot, "workRoot");
  }

  public CleanerSettings withMaxBytes(long bytes) {
    return new CleanerSettings(
        bytes,
        maxUnpackedBytes,
        maxCompressionRatio,
        maxParts,
        cleaningTimeout,
        mat2,
        pdfCleaning,
        workRoot);
  }

  public CleanerSettings withZipLimits(long unpackedBytes, int compressionRatio, int parts) {
    return new CleanerSettings(
        maxBytes,
        unpackedBytes,
        compressionRatio,
        parts,
        cleaningTimeout,
        mat2,
        pdfCleaning,
        workRoot);
  }

  public CleanerSettings withCleaningTimeout(Duration timeout) {
    return new CleanerSettings(
        maxBytes,
        maxUnpackedBytes,
        maxCompressionRatio,
        maxParts,
        timeout,
        mat2,
        pdfCleaning,
        workRoot);
  }

  public CleanerSettings withMat2(Path executable) {
    return new CleanerSettings(
        maxBytes,
        maxUnpackedBytes,
        maxCompressionRatio,
        maxParts,
        cleaningTimeout,
        executable,
        pdfCleaning,
        workRoot);
  }

  public CleanerSettings withPdfCleaning(PdfCleaning cleaning) {
    return new CleanerSettings(
        maxBytes,
        maxUnpackedBytes,
        maxCompressionRatio,
        maxParts,
        cleaningTimeout,
        mat2,
        cleaning,
        workRoot);
  }

  public CleanerSettings withWorkRoot(Path directory) {
    return new CleanerSettings(
        maxBytes,
        maxUnpackedBytes,
        maxCompressionRatio,
        maxParts,
        cleaningTimeout,
        mat2,
        pdfCleaning,
        directory);
  }
}
