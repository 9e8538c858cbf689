/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.watchlists;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditEvent;
import org.vigil.lists.ListFormatException;
import org.vigil.lists.ListRelease;
import org.vigil.lists.SanctionsListReader;
import org.vigil.lists.SanctionsLists;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Marking;
import org.vigil.model.Source;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;
import org.vigil.store.StatementRepository.IndexUpdate;
import org.vigil.store.Store;

/**
 * Loads list files into a {@link ListLibrary} and, when given a store, into the store as statements
 * (TLP:CLEAR, owned by the loading organisation) so that listed entities can be searched and read.
 *
 * <p>Each file is copied into a staging folder (a {@code .gz} file decompressed on the way), read
 * there with the core readers, kept as a release, written to the store, and only then put in force.
 * A file that cannot be read leaves its dataset's previous release in force; a batch goes on past
 * it.
 */
public final class ListLoader {
  /** No list comes near this once decompressed; a larger {@code .gz} is refused. */
  static final long MAX_DECOMPRESSED_BYTES = 512L * 1024 * 1024;

  private final ListLibrary library;
  private final Optional<Store> store;
  private final String ownerOrg;
  private final Clock clock;

  /**
   * @param store where listed entities are written as statements; empty to keep the files only
   * @param ownerOrg the organisation that owns the statements' TLP:CLEAR marking
   */
  public ListLoader(ListLibrary library, Optional<Store> store, String ownerOrg, Clock clock) {
    this.library = requireNonNull(library, "library");
    this.store = requireNonNull(store, "store");
    this.ownerOrg = requireNonNull(ownerOrg, "ownerOrg");
    this.clock = requireNonNull(clock, "clock");
    Marking.of(Tlp.CLEAR, ownerOrg);
  }

  /**
   * Loads every file in order, reporting each on {@code progress}, and rebuilds the search index
   * once at the end if anything was written.
   *
   * @param format the format's short name; empty to detect each file's
   * @param dataset the dataset name to load under; empty for the name the list gives
   */
  public List<LoadOutcome> loadAll(
      List<Path> files,
      Optional<String> format,
      Optional<String> dataset,
      Consumer<String> progress) {
    List<LoadOutcome> outcomes = new ArrayList<>();
    int written = 0;
    for (Path file : files) {
      progress.accept("Reading " + file + " ...");
      LoadOutcome outcome = load(file, format, dataset);
      outcomes.add(outcome);
      written += outcome.statements();
      progress.accept(describe(outcome));
    }
    if (written > 0 && store.isPresent()) {
      progress.accept("Rebuilding the search index ...");
      long indexed = store.get().reindex();
      progress.accept("Indexed " + indexed + " entities.");
    }
    return outcomes;
  }

  /** One line about an outcome, for people. */
  public static String describe(LoadOutcome outcome) {
    if (outcome.error().isPresent()) {
      return "FAILED " + outcome.error().get();
    }
    ReleaseManifest m = outcome.release().orElseThrow();
    String what =
        m.dataset()
            + " "
            + m.published().map(Object::toString).orElse("(undated)")
            + ": "
            + m.entries()
            + " entries ("
            + m.reference()
            + ")";
    return outcome.unchanged()
        ? "Unchanged " + what + ", already in force"
        : "Loaded "
            + what
            + (outcome.statements() > 0 ? ", " + outcome.statements() + " statements" : "");
  }

  /**
   * Loads one file or folder. The store's search index is not updated (see {@link #loadAll}). Never
   * throws for a bad file: the outcome says what went wrong.
   */
  public LoadOutcome load(Path file, Optional<String> format, Optional<String> dataset) {
    String shown = file.toString();
    if (!Files.exists(file)) {
      return LoadOutcome.failed(shown, shown + ": no such file or folder");
    }
    Path staging = null;
    try {
      staging = library.newStagingFolder();
      Path staged = stage(file, staging);
      Optional<ReleaseManifest> same = alreadyInForce(staged, dataset);
      if (same.isPresent()) {
        return new LoadOutcome(shown, same, true, 0, Optional.empty());
      }
      SanctionsListReader reader = ListFormats.choose(format, staged);
      ListRelease release = reader.read(staged);
      if (dataset.isPresent()) {
        release =
            new ListRelease(
                dataset.get().strip(), release.published(), release.sha256(), release.entries());
      }
      if (release.entries().isEmpty()) {
        return LoadOutcome.failed(shown, shown + ": no entries could be read; is it truncated?");
      }
      String key = ListLibrary.datasetKey(release.dataset());
      Optional<ReleaseManifest> current = library.current(key);
      if (current.isPresent() && current.get().sha256().equals(release.sha256())) {
        return new LoadOutcome(shown, current, true, 0, Optional.empty());
      }
      Instant now = clock.instant();
      ReleaseManifest manifest =
          library.keep(
              staging,
              new ReleaseManifest(
                  release.dataset(),
                  key,
                  release.published().map(Object::toString).orElse("undated")
                      + "-"
                      + release.sha256().substring(0, 12),
                  ListFormats.nameOf(reader),
                  release.published(),
                  release.sha256(),
                  release.entries().size(),
                  now,
                  staging.relativize(staged).toString()));
      staging = null;
      int statements = switchRelease(release, manifest, now);
      return new LoadOutcome(shown, Optional.of(manifest), false, statements, Optional.empty());
    } catch (ListFormatException e) {
      return LoadOutcome.failed(shown, renamed(e.getMessage(), staging, file));
    } catch (InvalidValueException e) {
      return LoadOutcome.failed(shown, shown + ": " + renamed(e.getMessage(), staging, file));
    } catch (IOException e) {
      return LoadOutcome.failed(
          shown,
          shown + ": cannot be read: " + renamed(String.valueOf(e.getMessage()), staging, file));
    } finally {
      if (staging != null) {
        try {
          ListLibrary.deleteTree(staging);
        } catch (IOException e) {
          // A staging folder left behind is harmless: it is never read as a release.
        }
      }
    }
  }

  /**
   * Puts {@code manifest} in force. With a store, its statements are written, the statements of the
   * dataset's other releases retired (so that entries no longer listed leave search), the pointer
   * switched and an audit row appended, all in one database transaction: the pointer moves last,
   * and if the commit fails it is moved back, so the store and the library never disagree about the
   * release in force.
   */
  private int switchRelease(ListRelease release, ReleaseManifest manifest, Instant now)
      throws IOException {
    if (store.isEmpty()) {
      library.makeCurrent(manifest);
      return 0;
    }
    Store into = store.get();
    Optional<ReleaseManifest> before = library.current(manifest.datasetKey());
    Source source = SanctionsLists.source(release, Marking.of(Tlp.CLEAR, ownerOrg), now);
    List<String> superseded = new ArrayList<>();
    for (ReleaseManifest m : library.releases()) {
      String id = SanctionsLists.sourceId(m.dataset(), m.published(), m.sha256());
      if (m.datasetKey().equals(manifest.datasetKey()) && !id.equals(source.id())) {
        superseded.add(id);
      }
    }
    List<Statement> statements = SanctionsLists.toStatements(release, source);
    try {
      return into.audited(
          () -> {
            into.statements().write(source, statements, IndexUpdate.DEFERRED);
            into.statements().retireSources(superseded);
            try {
              library.makeCurrent(manifest);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            return statements.size();
          },
          n ->
              new AuditEvent(
                  "lists",
                  AuditAction.ADMIN,
                  "list:" + manifest.reference(),
                  "release put in force: "
                      + manifest.entries()
                      + " entries, "
                      + n
                      + " statements; "
                      + superseded.size()
                      + " earlier releases retired from search",
                  "local",
                  now));
    } catch (RuntimeException e) {
      if (before.isPresent()) {
        library.makeCurrent(before.get());
      } else {
        library.clearCurrent(manifest.datasetKey());
      }
      if (e instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw e;
    }
  }

  // A single file whose bytes are those of the release in force needs no second reading.
  private Optional<ReleaseManifest> alreadyInForce(Path staged, Optional<String> dataset)
      throws IOException {
    if (!Files.isRegularFile(staged)) {
      return Optional.empty();
    }
    String sha256 = sha256(staged);
    for (ReleaseManifest m : library.current()) {
      if (m.sha256().equals(sha256)
          && dataset.map(d -> ListLibrary.datasetKey(d).equals(m.datasetKey())).orElse(true)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** Copies {@code file} (or a folder's files) into {@code staging}; returns what to read. */
  private static Path stage(Path file, Path staging) throws IOException {
    String name = file.toAbsolutePath().normalize().getFileName().toString();
    if (Files.isDirectory(file)) {
      Path folder = staging.resolve(name);
      Files.createDirectories(folder);
      try (DirectoryStream<Path> children = Files.newDirectoryStream(file, Files::isRegularFile)) {
        for (Path child : children) {
          copy(child, folder);
        }
      }
      return folder;
    }
    return copy(file, staging);
  }

  private static Path copy(Path file, Path folder) throws IOException {
    String name = file.getFileName().toString();
    if (!name.endsWith(".gz")) {
      Path target = folder.resolve(name);
      Files.copy(file, target);
      return target;
    }
    Path target = folder.resolve(name.substring(0, name.length() - 3));
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
        OutputStream out = Files.newOutputStream(target)) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      int n;
      while ((n = in.read(buffer)) != -1) {
        total += n;
        if (total > MAX_DECOMPRESSED_BYTES) {
          throw new ListFormatException(
              file.toString(),
              "",
              "decompresses to more than " + MAX_DECOMPRESSED_BYTES + " bytes");
        }
        out.write(buffer, 0, n);
      }
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw new ListFormatException(
          file.toString(), "", "not a complete gzip file: " + e.getMessage(), e);
    }
    return target;
  }

  static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  // Errors name the staged copy; the user knows the file by the name they gave.
  private static String renamed(String message, Path staging, Path file) {
    if (staging == null || message == null) {
      return String.valueOf(message);
    }
    String staged =
        staging.resolve(file.toAbsolutePath().normalize().getFileName().toString()).toString();
    String plain = staged.endsWith(".gz") ? staged.substring(0, staged.length() - 3) : staged;
    return message.replace(plain, file.toString()).replace(staging.toString(), file.toString());
  }
}
