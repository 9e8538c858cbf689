/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/**
 * Public-key encryption of one message to one {@link SealingKey} (ECIES): a fresh X25519 key pair
 * per message, HKDF-SHA256 over the shared secret to an AES-256-GCM key and nonce, the ephemeral
 * public key and the recipient's bound in as associated data. Whoever seals cannot open again: the
 * intake writes tips it cannot read. Layout: version byte 1, ephemeral public key (32 bytes),
 * ciphertext with its 16-byte tag. Thread-safe.
 */
public final class SealedBox {
  private static final byte VERSION = 1;
  private static final int HEADER = 1 + SealingKey.BYTES;
  private static final int TAG_BITS = 128;
  private static final byte[] INFO =
      "vigil sealed box v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final SecureRandom random;

  public SealedBox(SecureRandom random) {
    this.random = java.util.Objects.requireNonNull(random, "random");
  }

  /** Seals {@code plain} to {@code to}; only its opening key opens the result. */
  public byte[] seal(SealingKey to, byte[] plain) {
    OpeningKey ephemeral = OpeningKey.generate(random);
    byte[] ephemeralPublic = ephemeral.sealingKey().bytes();
    byte[] aad = associated(ephemeralPublic, to.bytes());
    byte[] keyAndNonce = derive(agree(ephemeral, to), aad);
    byte[] out = new byte[HEADER + plain.length + TAG_BITS / 8];
    out[0] = VERSION;
    System.arraycopy(ephemeralPublic, 0, out, 1, SealingKey.BYTES);
    try {
      Cipher cipher = gcm(Cipher.ENCRYPT_MODE, keyAndNonce);
      cipher.updateAAD(aad);
      cipher.doFinal(plain, 0, plain.length, out, HEADER);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable: " + e.getMessage(), e);
    } finally {
      Arrays.fill(keyAndNonce, (byte) 0);
    }
    return out;
  }

  /**
   * Opens what was sealed to {@code with}'s sealing key.
   *
   * @throws SealException if the box is not one of ours, was sealed to another key, or was altered
   */
  public static byte[] open(OpeningKey with, byte[] sealed) {
    if (sealed.length < HEADER + TAG_BITS / 8 || sealed[0] != VERSION) {
      throw new SealException("not a sealed box of version " + VERSION);
    }
    byte[] ephemeralPublic = Arrays.copyOfRange(sealed, 1, HEADER);
    byte[] aad = associated(ephemeralPublic, with.sealingKey().bytes());
    byte[] keyAndNonce;
    try {
      keyAndNonce = derive(agree(with, new SealingKey(ephemeralPublic)), aad);
    } catch (IllegalStateException e) {
      throw new SealException("the box's ephemeral key is invalid");
    }
    try {
      Cipher cipher = gcm(Cipher.DECRYPT_MODE, keyAndNonce);
      cipher.updateAAD(aad);
      return cipher.doFinal(sealed, HEADER, sealed.length - HEADER);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new SealException("the box was sealed to another key or altered");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable: " + e.getMessage(), e);
    } finally {
      Arrays.fill(keyAndNonce, (byte) 0);
    }
  }

  private static byte[] agree(OpeningKey own, SealingKey other) {
    X25519Agreement agreement = new X25519Agreement();
    agreement.init(new X25519PrivateKeyParameters(own.bytes(), 0));
    byte[] shared = new byte[agreement.getAgreementSize()];
    agreement.calculateAgreement(new X25519PublicKeyParameters(other.bytes(), 0), shared, 0);
    return shared;
  }

  private static byte[] associated(byte[] ephemeralPublic, byte[] recipient) {
    byte[] aad = new byte[1 + 2 * SealingKey.BYTES];
    aad[0] = VERSION;
    System.arraycopy(ephemeralPublic, 0, aad, 1, SealingKey.BYTES);
    System.arraycopy(recipient, 0, aad, 1 + SealingKey.BYTES, SealingKey.BYTES);
    return aad;
  }

  private static byte[] derive(byte[] shared, byte[] salt) {
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(new HKDFParameters(shared, salt, INFO));
    byte[] out = new byte[32 + 12];
    hkdf.generateBytes(out, 0, out.length);
    Arrays.fill(shared, (byte) 0);
    return out;
  }

  private static Cipher gcm(int mode, byte[] keyAndNonce) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(
        mode,
        new SecretKeySpec(keyAndNonce, 0, 32, "AES"),
        new GCMParameterSpec(TAG_BITS, keyAndNonce, 32, 12));
    return cipher;
  }
}
