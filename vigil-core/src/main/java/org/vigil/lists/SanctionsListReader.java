/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.lists;

import java.io.IOException;
import java.nio.file.Path;

/** Reads one published list format. Implementations are stateless and thread-safe. */
public interface SanctionsListReader {

  /** A short name of the format, such as "OFAC legacy CSV". */
  String format();

  /**
   * Whether {@code path} (a file, or a directory for multi-file formats) looks like this format,
   * judged by its name and first bytes.
   */
  boolean accepts(Path path) throws IOException;

  /**
   * Reads a release.
   *
   * @throws ListFormatException naming the file, line or element when it is truncated or malformed
   */
  ListRelease read(Path path) throws IOException;
}
