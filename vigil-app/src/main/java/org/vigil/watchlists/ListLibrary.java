/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.watchlists;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.vigil.lists.ListRelease;

/**
 * The lists folder of a data directory ({@code DATA/lists}): one folder per dataset, holding one
 * folder per release (its files and {@code manifest.json}) and a {@code current} file that names
 * the release in force. A release is assembled in a staging folder and moved into place in one
 * step, and the {@code current} file is replaced in one step, so a reader never sees half a release
 * and a failed load leaves the previous release in force. Releases are never deleted.
 */
public final class ListLibrary {
  static final String MANIFEST = "manifest.json";
  static final String CURRENT = "current";
  private static final String STAGING = ".staging";
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path root;

  private ListLibrary(Path root) {
    this.root = root;
  }

  /** The lists folder of {@code dataDir}; nothing is created until a list is loaded. */
  public static ListLibrary in(Path dataDir) {
    return new ListLibrary(requireNonNull(dataDir, "dataDir").resolve("lists"));
  }

  public Path root() {
    return root;
  }

  /** The folder name of a dataset: its name in lower case, runs of other characters as "-". */
  public static String datasetKey(String dataset) {
    String key =
        dataset.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    if (key.isEmpty()) {
      throw new org.vigil.model.InvalidValueException(
          "the dataset name '" + dataset + "' has no letters or digits");
    }
    return key.length() > 64 ? key.substring(0, 64) : key;
  }

  /** The current release of every dataset, ordered by dataset key. */
  public List<ReleaseManifest> current() throws IOException {
    List<ReleaseManifest> out = new ArrayList<>();
    for (Path dataset : datasetFolders()) {
      current(dataset.getFileName().toString()).ifPresent(out::add);
    }
    return out;
  }

  /** The current release of one dataset, if it has one. */
  public Optional<ReleaseManifest> current(String datasetKey) throws IOException {
    Path pointer = root.resolve(datasetKey).resolve(CURRENT);
    if (!Files.isRegularFile(pointer)) {
      return Optional.empty();
    }
    String releaseId = Files.readString(pointer, StandardCharsets.UTF_8).strip();
    return Optional.of(manifest(root.resolve(datasetKey).resolve(releaseId)));
  }

  /** Every release on disk, current or not, ordered by dataset key and release id. */
  public List<ReleaseManifest> releases() throws IOException {
    List<ReleaseManifest> out = new ArrayList<>();
    for (Path dataset : datasetFolders()) {
      for (Path release : folders(dataset)) {
        if (Files.isRegularFile(release.resolve(MANIFEST))) {
          out.add(manifest(release));
        }
      }
    }
    return out;
  }

  /**
   * A release named as "dataset-key/release-id", as a release id alone, or as a dataset key (its
   * current release).
   */
  public Optional<ReleaseManifest> find(String reference) throws IOException {
    String ref = reference.strip();
    for (ReleaseManifest m : releases()) {
      if (m.reference().equals(ref) || m.releaseId().equals(ref)) {
        return Optional.of(m);
      }
    }
    if (!ref.isEmpty() && !ref.contains("/") && !ref.startsWith(".")) {
      return current(ref);
    }
    return Optional.empty();
  }

  /** Reads a kept release again from its files, under the dataset name it was loaded as. */
  public ListRelease read(ReleaseManifest manifest) throws IOException {
    Path files = releaseFolder(manifest).resolve(manifest.path());
    ListRelease release = ListFormats.reader(manifest.format()).read(files);
    return release.dataset().equals(manifest.dataset())
        ? release
        : new ListRelease(
            manifest.dataset(), release.published(), release.sha256(), release.entries());
  }

  /** The current release of every dataset, read from disk. */
  public List<ListRelease> readCurrent() throws IOException {
    List<ListRelease> out = new ArrayList<>();
    for (ReleaseManifest m : current()) {
      out.add(read(m));
    }
    return out;
  }

  /** Changes whenever the current release of any dataset changes. */
  public String fingerprint() throws IOException {
    StringBuilder out = new StringBuilder();
    for (Path dataset : datasetFolders()) {
      Path pointer = dataset.resolve(CURRENT);
      if (Files.isRegularFile(pointer)) {
        out.append(dataset.getFileName())
            .append('/')
            .append(Files.readString(pointer, StandardCharsets.UTF_8).strip())
            .append('\n');
      }
    }
    return out.toString();
  }

  Path releaseFolder(ReleaseManifest manifest) {
    return root.resolve(manifest.datasetKey()).resolve(manifest.releaseId());
  }

  /** A new, empty staging folder on the same file system as the releases. */
  Path newStagingFolder() throws IOException {
    Path staging = root.resolve(STAGING).resolve(UUID.randomUUID().toString());
    Files.createDirectories(staging);
    return staging;
  }

  /**
   * Writes the manifest into {@code staging} and moves it into place as the release's folder. When
   * that release is on disk already, the staging folder is deleted and the kept manifest returned.
   */
  ReleaseManifest keep(Path staging, ReleaseManifest manifest) throws IOException {
    Path target = releaseFolder(manifest);
    if (Files.isRegularFile(target.resolve(MANIFEST))) {
      deleteTree(staging);
      return manifest(target);
    }
    Files.writeString(
        staging.resolve(MANIFEST),
        MAPPER.writeValueAsString(manifest.toJson(MAPPER)),
        StandardCharsets.UTF_8);
    Files.createDirectories(target.getParent());
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      deleteTree(staging);
      return manifest(target);
    }
    return manifest;
  }

  /** Puts {@code manifest}'s release in force for its dataset, in one step. */
  void makeCurrent(ReleaseManifest manifest) throws IOException {
    Path folder = root.resolve(manifest.datasetKey());
    Path temp = folder.resolve(CURRENT + "." + UUID.randomUUID() + ".tmp");
    Files.writeString(temp, manifest.releaseId() + "\n", StandardCharsets.UTF_8);
    try {
      Files.move(
          temp,
          folder.resolve(CURRENT),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, folder.resolve(CURRENT), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Puts no release of {@code datasetKey} in force (undoes a first release's switch). */
  void clearCurrent(String datasetKey) throws IOException {
    Files.deleteIfExists(root.resolve(datasetKey).resolve(CURRENT));
  }

  static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private ReleaseManifest manifest(Path releaseFolder) throws IOException {
    Path file = releaseFolder.resolve(MANIFEST);
    if (!Files.isRegularFile(file)) {
      throw new IOException("no release manifest at " + file);
    }
    try {
      return ReleaseManifest.fromJson(MAPPER.readTree(file.toFile()));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  private List<Path> datasetFolders() throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    return folders(root).stream().filter(p -> !p.getFileName().toString().startsWith(".")).toList();
  }

  private static List<Path> folders(Path parent) throws IOException {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> children = Files.newDirectoryStream(parent, Files::isDirectory)) {
      children.forEach(out::add);
    }
    out.sort(Comparator.comparing(p -> p.getFileName().toString()));
    return out;
  }
}
