/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips.attachments;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The structure checks of an OOXML or ODF file (a zip): how many parts, how far each part and all
 * together inflate (counted while inflating, since the sizes a zip declares can lie), and whether
 * an ODF manifest says the content is encrypted. Inflated bytes are counted and dropped, never
 * kept.
 */
final class ZipCheck {
  /** Parts smaller than this inflated are not held to the ratio: tiny XML compresses very well. */
  private static final long RATIO_FLOOR = 64 * 1024;

  private static final long MAX_MANIFEST = 1024 * 1024;
  private static final String ODF_MANIFEST = "META-INF/manifest.xml";

  private ZipCheck() {}

  static Optional<CleaningResult.Refused> check(Path file, CleanerSettings settings)
      throws IOException {
    long fileSize = Files.size(file);
    try (ZipFile zip = new ZipFile(file.toFile())) {
      if (zip.size() > settings.maxParts()) {
        return Optional.of(
            bomb(
                "it holds "
                    + zip.size()
                    + " parts, more than the "
                    + settings.maxParts()
                    + " allowed"));
      }
      long total = 0;
      long declaredCompressed = 0;
      byte[] buffer = new byte[64 * 1024];
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        long compressed = Math.max(entry.getCompressedSize(), 0);
        declaredCompressed += compressed;
        if (declaredCompressed > fileSize) {
          return Optional.of(damaged());
        }
        long limit = Math.max(RATIO_FLOOR, compressed * (long) settings.maxCompressionRatio());
        boolean manifest = entry.getName().equals(ODF_MANIFEST);
        ByteArrayOutputStream manifestBytes = new ByteArrayOutputStream();
        long inflated = 0;
        try (InputStream in = zip.getInputStream(entry)) {
          int n;
          while ((n = in.read(buffer)) > 0) {
            inflated += n;
            total += n;
            if (inflated > limit) {
              return Optional.of(
                  bomb(
                      "one part inflates more than "
                          + settings.maxCompressionRatio()
                          + " times its packed size"));
            }
            if (total > settings.maxUnpackedBytes()) {
              return Optional.of(
                  bomb("its parts inflate to more than " + settings.maxUnpackedBytes() + " bytes"));
            }
            if (manifest && manifestBytes.size() + n <= MAX_MANIFEST) {
              manifestBytes.write(buffer, 0, n);
            }
          }
        }
        if (manifest
            && manifestBytes.toString(StandardCharsets.UTF_8).contains("encryption-data")) {
          return Optional.of(
              new CleaningResult.Refused(
                  RefusalCode.ENCRYPTED,
                  "This document is protected with a password, so it cannot be cleaned or read."
                      + " Save it without a password and send it again."));
        }
      }
      return Optional.empty();
    } catch (ZipException | EOFException e) {
      return Optional.of(damaged());
    }
  }

  private static CleaningResult.Refused bomb(String why) {
    return new CleaningResult.Refused(
        RefusalCode.ZIP_BOMB,
        "This document would expand far beyond its size ("
            + why
            + "), which is how zip bombs work. Send the document as PDF or plain text instead.");
  }

  private static CleaningResult.Refused damaged() {
    return new CleaningResult.Refused(
        RefusalCode.DAMAGED,
        "This document is damaged: its parts cannot be read. Open it, save it again and send the"
            + " new copy, or send it as PDF.");
  }
}
