/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.app;

import java.nio.file.Path;
import org.vigil.extract.NameIdKey;
import org.vigil.store.KeyFile;

/**
 * The data folder's key for the ids of names read from text ({@link NameIdKey}): one line of base64
 * after a comment in {@value #FILE_NAME}, created with a new random key (owner-only permissions
 * where the file system has them) the first time the folder is used. Servers sharing one PostgreSQL
 * must share this file.
 */
public final class NameIdKeyFile {
  /** The file's name in the data folder. */
  public static final String FILE_NAME = "name-id.key";

  private NameIdKeyFile() {}

  /** Reads (or first creates) the key of {@code dataDir} and makes it this process's. */
  public static void install(Path dataDir) {
    NameIdKey.use(readOrCreate(dataDir.resolve(FILE_NAME)));
  }

  static byte[] readOrCreate(Path file) {
    return new KeyFile(
            file,
            "name id key",
            NameIdKey.MIN_BYTES,
            "# Vigil name id key: the ids of names read from text are keyed with it (HMAC-SHA256),"
                + " so that no one can compute\n# the id of a guessed name. Keep it secret and keep"
                + " it: a new key gives the same names new ids.\n")
        .readOrCreate();
  }
}
