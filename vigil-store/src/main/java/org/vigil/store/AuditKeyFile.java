/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.vigil.audit.AuditSeal;

/**
 * The file that holds the audit log's HMAC key: one line of base64 after a comment. It is created
 * with owner-only permissions where the file system has them.
 */
final class AuditKeyFile {
  private AuditKeyFile() {}

  /** The key in {@code file}, if the file exists. */
  static Optional<byte[]> read(Path file) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String text = line.strip();
        if (!text.isEmpty() && !text.startsWith("#")) {
          byte[] key = Base64.getDecoder().decode(text);
          if (key.length < AuditSeal.KEY_BYTES) {
            throw new StoreException(
                "the audit key in " + file + " has " + key.length + " bytes; it needs 32", null);
          }
          return Optional.of(key);
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new StoreException("cannot read the audit key " + file + ": " + e.getMessage(), e);
    }
    throw new StoreException("the audit key file " + file + " holds no key", null);
  }

  /** Creates {@code file} with a new random key and returns the key. */
  static byte[] create(Path file) {
    byte[] key = new byte[AuditSeal.KEY_BYTES];
    new SecureRandom().nextBytes(key);
    String content =
        "# Vigil audit log key: seals every audit row (HMAC-SHA256). Keep it secret, back it up"
            + " apart from the database;\n# without it `vigil audit verify` cannot tell a sealed"
            + " row from a forged one. See docs/operations.md.\n"
            + Base64.getEncoder().encodeToString(key)
            + "\n";
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(file);
      }
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (FileAlreadyExistsException e) {
      return read(file).orElseThrow();
    } catch (IOException e) {
      throw new StoreException("cannot create the audit key " + file + ": " + e.getMessage(), e);
    }
    return key;
  }
}
