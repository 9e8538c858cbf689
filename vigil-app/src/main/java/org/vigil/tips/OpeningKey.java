/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;

/**
 * An X25519 private key that opens what was sealed to its {@link #sealingKey()}: the team's (kept
 * offline or on the analyst server only, never on the intake) or a tipster's (derived from their
 * receipt while they present it, then dropped). Its bytes never appear in {@link #toString()}.
 */
public final class OpeningKey {
  public static final int BYTES = 32;

  private final byte[] bytes;

  public OpeningKey(byte[] bytes) {
    if (bytes.length != BYTES) {
      throw new IllegalArgumentException("an X25519 private key has 32 bytes, not " + bytes.length);
    }
    this.bytes = bytes.clone();
  }

  /** A new random key. */
  public static OpeningKey generate(SecureRandom random) {
    byte[] k = new byte[BYTES];
    random.nextBytes(k);
    return new OpeningKey(k);
  }

  public SealingKey sealingKey() {
    return new SealingKey(
        new X25519PrivateKeyParameters(bytes, 0).generatePublicKey().getEncoded());
  }

  byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public String toString() {
    return "OpeningKey[for " + sealingKey().hex() + "]";
  }
}
