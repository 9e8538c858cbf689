/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * Starts a real PostgreSQL from the embedded binaries on Maven Central (io.zonky.test), also when
 * the tests run as root.
 *
 * <p>PostgreSQL's {@code initdb}, {@code postgres} and {@code pg_ctl} refuse to run as root, and
 * zonky runs them as whoever runs the JVM, which in many containers and CI images is root. So the
 * binary bundle is repacked once per JVM: each of the three programs is renamed {@code *.real} and
 * replaced by a small shell script that, only when started as root, hands the data directory to the
 * unprivileged user 65534 (nobody) and runs the real program as that user with {@code setpriv};
 * otherwise it simply runs the real program.
 */
public final class RootlessPostgres {
  private static final Set<String> PROGRAMS = Set.of("bin/initdb", "bin/postgres", "bin/pg_ctl");

  private static final String WRAPPER =
      "#!/bin/sh\n"
          + "# PostgreSQL refuses to run as root: as root, run the real program as nobody.\n"
          + "real=\"$0.real\"\n"
          + "if [ \"$(id -u)\" != \"0\" ]; then\n"
          + "  exec \"$real\" \"$@\"\n"
          + "fi\n"
          + "previous=\"\"\n"
          + "for arg in \"$@\"; do\n"
          + "  if [ \"$previous\" = \"-D\" ]; then\n"
          + "    chown -R 65534:65534 \"$arg\"\n"
          + "  fi\n"
          + "  previous=\"$arg\"\n"
          + "done\n"
          + "exec setpriv --reuid=65534 --regid=65534 --clear-groups \"$real\" \"$@\"\n";

  private static final PgBinaryResolver REPACKED = new RepackingResolver();
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private RootlessPostgres() {}

  public static EmbeddedPostgres start() throws IOException {
    return EmbeddedPostgres.builder().setPgBinaryResolver(REPACKED).start();
  }

  /**
   * Starts PostgreSQL on {@code dataDir} (made on the first start, kept by {@code close()}) and
   * {@code port}: closing it and starting it again on the same folder and port restarts the server
   * process, as an operator's restart or a crash recovery would, with every committed row kept.
   */
  public static EmbeddedPostgres startKeeping(Path dataDir, int port) throws IOException {
    return EmbeddedPostgres.builder()
        .setPgBinaryResolver(REPACKED)
        .setDataDirectory(dataDir)
        .setCleanDataDirectory(false)
        .setPort(port)
        .start();
  }

  /**
   * A store configuration on a new, empty database of {@code postgres}, so that each test starts
   * clean while the server is started once per class.
   */
  public static StoreConfig freshDatabase(EmbeddedPostgres postgres, Path dataDir)
      throws SQLException {
    String name = "vigil_" + DATABASES.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return new StoreConfig(
        postgres.getJdbcUrl("postgres", name),
        Optional.of("postgres"),
        Optional.empty(),
        dataDir.resolve("index"));
  }

  /** Serves zonky's own bundle with the three programs wrapped; repacks once per JVM. */
  private static final class RepackingResolver implements PgBinaryResolver {
    private byte[] repacked;

    @Override
    public synchronized InputStream getPgBinary(String system, String machineHardware)
        throws IOException {
      if (repacked == null) {
        try (InputStream original =
            DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware)) {
          repacked = repack(original);
        }
      }
      return new ByteArrayInputStream(repacked);
    }

    private static byte[] repack(InputStream txz) throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream(32 << 20);
      // The lowest xz preset: this archive is unpacked once, on this machine, a moment later.
      try (TarArchiveInputStream in = new TarArchiveInputStream(new XZCompressorInputStream(txz));
          TarArchiveOutputStream tar =
              new TarArchiveOutputStream(
                  new XZOutputStream(out, new LZMA2Options(LZMA2Options.PRESET_MIN)))) {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        TarArchiveEntry entry;
        while ((entry = in.getNextEntry()) != null) {
          String name =
              entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
          boolean wrapped = PROGRAMS.contains(name);
          if (wrapped) {
            entry.setName(entry.getName() + ".real");
          }
          tar.putArchiveEntry(entry);
          if (!entry.isDirectory() && !entry.isSymbolicLink()) {
            in.transferTo(tar);
          }
          tar.closeArchiveEntry();
          if (wrapped) {
            byte[] script = WRAPPER.getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry wrapper = new TarArchiveEntry(entry.getName().replace(".real", ""));
            wrapper.setMode(0100755);
            wrapper.setSize(script.length);
            tar.putArchiveEntry(wrapper);
            tar.write(script);
            tar.closeArchiveEntry();
          }
        }
      }
      return out.toByteArray();
    }
  }
}
