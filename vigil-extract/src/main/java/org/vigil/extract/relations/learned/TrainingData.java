/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** The SHA-256 that names a set of training files, whatever folder they lie in. */
public final class TrainingData {
  private TrainingData() {}

  /**
   * The SHA-256 of the lines "NAME SHA256" of {@code files}, in the given order, NAME being each
   * file's path relative to {@code root} with '/' between its parts.
   */
  public static String sha256(Path root, List<Path> files) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (Path f : files) {
      String name = root.relativize(f).toString().replace('\\', '/');
      lines.append(name).append(' ').append(fileSha256(f)).append('\n');
    }
    return hex(digest().digest(lines.toString().getBytes(StandardCharsets.UTF_8)));
  }

  /** The SHA-256 of the bytes of {@code file}, in hex. */
  public static String fileSha256(Path file) throws IOException {
    MessageDigest md = digest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return hex(md.digest());
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
