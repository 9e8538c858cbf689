/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.vigil.extract.NameIdKey;

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
    if (Files.exists(file)) {
      return read(file);
    }
    byte[] key = new byte[NameIdKey.MIN_BYTES];
    new SecureRandom().nextBytes(key);
    String content =
        "# Vigil name id key: the ids of names read from text are keyed with it (HMAC-SHA256),"
            + " so that no one can compute\n# the id of a guessed name. Keep it secret and keep it:"
            + " a new key gives the same names new ids.\n"
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
      return key;
    } catch (FileAlreadyExistsException e) {
      return read(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the name id key " + file, e);
    }
  }

  private static byte[] read(Path file) {
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String text = line.strip();
        if (!text.isEmpty() && !text.startsWith("#")) {
          byte[] key = Base64.getDecoder().decode(text);
          if (key.length < NameIdKey.MIN_BYTES) {
            throw new IllegalStateException(
                "the name id key in " + file + " has " + key.length + " bytes; it needs 32");
          }
          return key;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the name id key " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the name id key in " + file + " is not base64", e);
    }
    throw new IllegalStateException("the name id key file " + file + " holds no key");
  }
}
