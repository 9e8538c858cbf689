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

  /** The name under which nodes sharing one database register this key's fingerprint. */
  public static final String SHARED_NAME = "name-id";

  /**
   * Reads (or first creates) the key of {@code dataDir} and makes it this process's.
   *
   * @return the key's fingerprint ({@link #fingerprint})
   */
  public static String install(Path dataDir) {
    byte[] key = readOrCreate(dataDir.resolve(FILE_NAME));
    NameIdKey.use(key);
    return fingerprint(key);
  }

  /**
   * What tells two copies of a key apart without telling the key: HMAC-SHA-256 of a fixed text
   * under it, in hex.
   */
  static String fingerprint(byte[] key) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
      return java.util.HexFormat.of()
          .formatHex(
              mac.doFinal(
                  "vigil name id key fingerprint"
                      .getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("the JVM has no HmacSHA256", e);
    }
  }

  /** The key in {@code file}, which is created with a new random key if it does not exist. */
  public static byte[] readOrCreate(Path file) {
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
