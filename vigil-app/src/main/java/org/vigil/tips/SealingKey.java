/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An X25519 public key that tips are sealed to: the team's (held by every server, even the intake)
 * or a tipster's (derived from their receipt). It can seal but never open.
 */
public record SealingKey(byte[] bytes) {
  public static final int BYTES = 32;

  public SealingKey {
    if (bytes.length != BYTES) {
      throw new IllegalArgumentException("an X25519 public key has 32 bytes, not " + bytes.length);
    }
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The key in hex, as the tips table stores a tipster's key. */
  public String hex() {
    return HexFormat.of().formatHex(bytes);
  }

  public static SealingKey fromHex(String hex) {
    return new SealingKey(HexFormat.of().parseHex(hex));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SealingKey k && Arrays.equals(bytes, k.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "SealingKey[" + hex() + "]";
  }
}
