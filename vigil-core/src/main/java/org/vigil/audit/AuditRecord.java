/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.audit;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A written row of the audit log: its event, its sequence number, the hash of the row before it,
 * and its own hash over all of that. Changing any field of a row, or deleting one, breaks the chain
 * at that point.
 */
public record AuditRecord(long sequence, AuditEvent event, String previousHash, String hash) {

  /** The hash the first row chains to. */
  public static final String GENESIS = "0".repeat(64);

  public AuditRecord {
    requireNonNull(event, "event");
    requireNonNull(previousHash, "previousHash");
    requireNonNull(hash, "hash");
  }

  /** The row that follows {@code previousHash} with sequence number {@code sequence}. */
  public static AuditRecord chain(long sequence, AuditEvent event, String previousHash) {
    return new AuditRecord(sequence, event, previousHash, hashOf(sequence, event, previousHash));
  }

  /** Whether the row's own hash matches its content. */
  public boolean isIntact() {
    return hash.equals(hashOf(sequence, event, previousHash));
  }

  static String hashOf(long sequence, AuditEvent event, String previousHash) {
    String content =
        String.join(
            "\u001f",
            Long.toString(sequence),
            event.actor(),
            event.action().name(),
            event.target(),
            event.detail(),
            event.remoteAddress(),
            Long.toString(event.at().getEpochSecond()),
            Integer.toString(event.at().getNano()),
            previousHash);
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
