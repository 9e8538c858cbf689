/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.audit;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals audit rows with an HMAC-SHA256 keyed by a secret kept outside the database. The hash chain
 * alone shows a changed row only to someone who cannot recompute the hashes after it; anyone who
 * can write to the database can. The seal of a row covers its sequence number and its chained hash
 * (and so its content and everything before it), and cannot be recomputed without the key.
 */
public final class AuditSeal {
  /** Key length in bytes: 256 bits, as long as HMAC-SHA256's output. */
  public static final int KEY_BYTES = 32;

  private final SecretKeySpec key;

  /**
   * @throws IllegalArgumentException if the key is shorter than {@link #KEY_BYTES}
   */
  public AuditSeal(byte[] key) {
    requireNonNull(key, "key");
    if (key.length < KEY_BYTES) {
      throw new IllegalArgumentException(
          "an audit key needs at least " + KEY_BYTES + " bytes, not " + key.length);
    }
    this.key = new SecretKeySpec(Arrays.copyOf(key, key.length), "HmacSHA256");
  }

  /** The seal of {@code row}: 64 hex digits. */
  public String of(AuditRecord row) {
    requireNonNull(row, "row");
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      String content = "vigil-audit-seal-v1\u001f" + row.sequence() + "\u001f" + row.hash();
      return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }

  /** Whether {@code seal} is the seal of {@code row}, compared in constant time. */
  public boolean matches(AuditRecord row, String seal) {
    requireNonNull(seal, "seal");
    return MessageDigest.isEqual(
        of(row).getBytes(StandardCharsets.US_ASCII), seal.getBytes(StandardCharsets.US_ASCII));
  }
}
