/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips.attachments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory only this process's user can enter, made for one attachment and wiped with all it
 * holds when closed, whatever happened inside.
 */
final class PrivateDirectory implements AutoCloseable {
  private final Path path;

  private PrivateDirectory(Path path) {
    this.path = path;
  }

  static PrivateDirectory create(Path root) throws IOException {
    Files.createDirectories(root);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return new PrivateDirectory(
          Files.createTempDirectory(
              root,
              "vigil-attachment-",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
    }
    return new PrivateDirectory(Files.createTempDirectory(root, "vigil-attachment-"));
  }

  Path path() {
    return path;
  }

  Path resolve(String name) {
    return path.resolve(name);
  }

  /** Deletes the directory and everything in it; a file that cannot be deleted is an error. */
  @Override
  public void close() {
    try (Stream<Path> walk = Files.walk(path)) {
      List<Path> deepestFirst = walk.sorted(Comparator.reverseOrder()).toList();
      for (Path p : deepestFirst) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot wipe the attachment directory " + path, e);
    }
  }
}
