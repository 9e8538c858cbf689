/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.lists;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** List files published gzip-compressed: recognised by name, decompressed with a size bound. */
final class GzipLists {
  private GzipLists() {}

  static boolean isGzip(Path path) {
    return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".gz");
  }

  /**
   * Decompresses {@code file} into {@code folder} under its name without ".gz".
   *
   * @throws ListFormatException when it is not a complete gzip file or decompresses to more than
   *     {@link ListFiles#MAX_BYTES}
   */
  static Path decompress(Path file, Path folder) throws IOException {
    String name = file.getFileName().toString();
    Path target = folder.resolve(name.substring(0, name.length() - ".gz".length()));
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
        OutputStream out = Files.newOutputStream(target)) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      int n;
      while ((n = in.read(buffer)) != -1) {
        total += n;
        if (total > ListFiles.MAX_BYTES) {
          throw new ListFormatException(
              file.toString(), "", "decompresses to more than " + ListFiles.MAX_BYTES + " bytes");
        }
        out.write(buffer, 0, n);
      }
    } catch (ZipException | EOFException e) {
      throw new ListFormatException(
          file.toString(), "", "not a complete gzip file: " + e.getMessage(), e);
    }
    return target;
  }

  static void deleteTree(Path folder) throws IOException {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(folder)) {
      paths = walk.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path p : paths) {
      Files.deleteIfExists(p);
    }
  }
}
