/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * A secret key kept in a file of the data folder: one line of base64 after comment lines ({@code
 * #}), created with a new random key and owner-only permissions where the file system has them. The
 * audit log's key and the name id key are such files. A file that cannot be read or holds no key of
 * the size asked for is a {@link StoreException} naming the file.
 *
 * @param file where the key is kept
 * @param what what the key is, for messages ("audit key")
 * @param bytes the key's size in bytes; a shorter key in the file is refused
 * @param comment the lines written above a new key, each starting with {@code #}, ending in a line
 *     break
 */
public record KeyFile(Path file, String what, int bytes, String comment) {
  public KeyFile {
    requireNonNull(file, "file");
    requireNonNull(what, "what");
    requireNonNull(comment, "comment");
    if (bytes < 16) {
      throw new IllegalArgumentException("a key of " + bytes + " bytes is too short");
    }
    for (String line : comment.split("\n")) {
      if (!line.startsWith("#")) {
        throw new IllegalArgumentException("a key file's comment line must start with #: " + line);
      }
    }
  }

  /** The key in the file, if the file exists. */
  public Optional<byte[]> read() {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String text = line.strip();
        if (!text.isEmpty() && !text.startsWith("#")) {
          byte[] key = Base64.getDecoder().decode(text);
          if (key.length < bytes) {
            throw new StoreException(
                "the " + what + " in " + file + " has " + key.length + " bytes; it needs " + bytes,
                null);
          }
          return Optional.of(key);
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new StoreException("cannot read the " + what + " " + file + ": " + e.getMessage(), e);
    }
    throw new StoreException("the " + what + " file " + file + " holds no key", null);
  }

  /**
   * Creates the file with a new random key and returns the key; when another process created it
   * first, its key.
   */
  public byte[] create() {
    byte[] key = new byte[bytes];
    new SecureRandom().nextBytes(key);
    String content = comment + Base64.getEncoder().encodeToString(key) + "\n";
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
      return read().orElseThrow();
    } catch (IOException e) {
      throw new StoreException("cannot create the " + what + " " + file + ": " + e.getMessage(), e);
    }
    return key;
  }

  /** The key in the file, created first when there is none. */
  public byte[] readOrCreate() {
    return read().orElseGet(this::create);
  }
}
