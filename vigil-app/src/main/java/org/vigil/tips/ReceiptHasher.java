/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * Turns a receipt's secret into what is stored and what it unlocks: one Argon2id run (OWASP's 19
 * MiB, 2 passes, 1 lane) over the secret and a per-tip salt, split by HKDF into a verifier (the
 * only trace of the receipt in the database) and the tipster's opening key (never stored; replies
 * are sealed to its public half). Checks run the same work, and compare in constant time, whether
 * the receipt exists or not. Thread-safe.
 */
public final class ReceiptHasher {
  static final int SALT_BYTES = 16;
  private static final byte[] VERIFIER_INFO = bytes("vigil receipt verifier v1");
  private static final byte[] KEY_INFO = bytes("vigil receipt reply key v1");

  /** What a receipt derives to under one salt. */
  record Derived(String salt, String verifier, OpeningKey tipsterKey) {}

  private final int memoryKib;
  private final int iterations;
  private final SecureRandom random;

  /** OWASP's minimum cost for Argon2id. */
  public static ReceiptHasher standard(SecureRandom random) {
    return new ReceiptHasher(19 * 1024, 2, random);
  }

  ReceiptHasher(int memoryKib, int iterations, SecureRandom random) {
    if (memoryKib < 8 || iterations < 1) {
      throw new IllegalArgumentException("Argon2 cost " + memoryKib + " KiB x " + iterations);
    }
    this.memoryKib = memoryKib;
    this.iterations = iterations;
    this.random = java.util.Objects.requireNonNull(random, "random");
  }

  /** Derives a new receipt's stored check and key, under a new salt. */
  Derived derive(Receipt receipt) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return derive(receipt.secret(), salt);
  }

  /**
   * Derives {@code secret} under {@code saltHex} and compares with {@code verifierHex} in constant
   * time; the key is returned only when they match.
   */
  java.util.Optional<OpeningKey> check(String secret, String saltHex, String verifierHex) {
    byte[] salt;
    byte[] expected;
    try {
      salt = HexFormat.of().parseHex(saltHex);
      expected = HexFormat.of().parseHex(verifierHex);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a stored receipt check is not hex: " + e.getMessage());
    }
    Derived d = derive(secret, salt);
    boolean same = MessageDigest.isEqual(HexFormat.of().parseHex(d.verifier()), expected);
    return same ? java.util.Optional.of(d.tipsterKey()) : java.util.Optional.empty();
  }

  /** The same work as a check, for a receipt that finds no tip: it answers in the same time. */
  void decoy(String secret) {
    derive(secret, new byte[SALT_BYTES]);
  }

  private Derived derive(String secret, byte[] salt) {
    Argon2BytesGenerator argon = new Argon2BytesGenerator();
    argon.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memoryKib)
            .withIterations(iterations)
            .withParallelism(1)
            .withSalt(salt)
            .build());
    byte[] out = new byte[32];
    argon.generateBytes(secret.getBytes(StandardCharsets.US_ASCII), out);
    byte[] verifier = expand(out, VERIFIER_INFO);
    byte[] key = expand(out, KEY_INFO);
    Arrays.fill(out, (byte) 0);
    Derived d =
        new Derived(
            HexFormat.of().formatHex(salt),
            HexFormat.of().formatHex(verifier),
            new OpeningKey(key));
    Arrays.fill(key, (byte) 0);
    return d;
  }

  private static byte[] expand(byte[] ikm, byte[] info) {
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(HKDFParameters.skipExtractParameters(ikm, info));
    byte[] out = new byte[32];
    hkdf.generateBytes(out, 0, out.length);
    return out;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
