/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.vigil.store.KeyFile;

/**
 * The tip-handling team's key pair on disk. The public half lives in the data directory ({@value
 * #PUBLIC_FILE}), where the intake reads it to seal; the private half lives wherever its path says
 * (removable media, a directory only the analyst server's account can read) and is read only by the
 * analyst server, to open. Copying the data directory copies no private key unless someone put it
 * there (the demo does, and says so).
 */
public final class TeamKeys {
  /** The public key's file in the data directory. */
  public static final String PUBLIC_FILE = "tips-team-public.key";

  private TeamKeys() {}

  /** The team's sealing key from the data directory, if one was made. */
  public static Optional<SealingKey> sealingKey(Path dataDir) {
    return keyFile(dataDir.resolve(PUBLIC_FILE), "tip team public key")
        .read()
        .map(b -> new SealingKey(Arrays.copyOf(b, SealingKey.BYTES)));
  }

  /**
   * The team's opening key from {@code file}; a file that is missing or holds no key is an error.
   */
  public static OpeningKey openingKey(Path file) {
    byte[] key =
        keyFile(file, "tip team private key")
            .read()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no tip team private key at " + file + " (see docs/tips.md)"));
    return new OpeningKey(Arrays.copyOf(key, OpeningKey.BYTES));
  }

  /**
   * Makes a new key pair: the private key in {@code privateFile} (owner-only, not overwritten if it
   * exists: then its key is used), the public key in the data directory.
   */
  public static OpeningKey generate(Path privateFile, Path dataDir) {
    KeyFile file =
        new KeyFile(
            privateFile,
            "tip team private key",
            OpeningKey.BYTES,
            "# Vigil tip team private key (X25519): opens every tip, reply and attachment. Keep it"
                + " off the intake server;\n# see docs/tips.md for keeping it offline.\n");
    OpeningKey key = new OpeningKey(Arrays.copyOf(file.readOrCreate(), OpeningKey.BYTES));
    Path publicFile = dataDir.resolve(PUBLIC_FILE);
    try {
      Files.createDirectories(dataDir);
      Files.writeString(
          publicFile,
          "# Vigil tip team public key (X25519): the intake seals tips to it. Not secret.\n"
              + Base64.getEncoder().encodeToString(key.sealingKey().bytes())
              + "\n",
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + publicFile, e);
    }
    return key;
  }

  private static KeyFile keyFile(Path file, String what) {
    return new KeyFile(file, what, 32, "#\n");
  }
}
