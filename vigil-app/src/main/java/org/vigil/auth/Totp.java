/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.auth;

import static java.util.Objects.requireNonNull;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) over HMAC-SHA1 (RFC 4226), as authenticator apps make
 * them: 30-second steps from the Unix epoch, six digits, the secret shown in base32 (RFC 4648).
 */
public final class Totp {
  /** The step length of RFC 6238's default, which every authenticator app uses. */
  public static final long STEP_SECONDS = 30;

  /** Digits of a code. */
  public static final int DIGITS = 6;

  /** Steps before and after the current one whose codes are still taken (clock drift). */
  private static final int DRIFT_STEPS = 1;

  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Totp() {}

  /** A new secret of 160 bits (RFC 4226's recommended length), in base32. */
  public static String newSecret() {
    byte[] key = new byte[20];
    RANDOM.nextBytes(key);
    return base32(key);
  }

  /** The time step that {@code at} falls in. */
  public static long step(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
  }

  /**
   * The code of {@code step} for {@code key}, with {@code digits} digits (RFC 4226 section 5.3:
   * dynamic truncation of the HMAC-SHA1, modulo 10^digits, left-padded with zeros).
   */
  public static String code(byte[] key, long step, int digits) {
    requireNonNull(key, "key");
    if (digits < 6 || digits > 8) {
      throw new IllegalArgumentException("a code has 6 to 8 digits, not " + digits);
    }
    byte[] counter = new byte[8];
    for (int i = 7; i >= 0; i--) {
      counter[i] = (byte) (step >>> (8 * (7 - i)));
    }
    byte[] hash;
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      hash = mac.doFinal(counter);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA1", e);
    }
    int offset = hash[hash.length - 1] & 0x0f;
    int binary =
        ((hash[offset] & 0x7f) << 24)
            | ((hash[offset + 1] & 0xff) << 16)
            | ((hash[offset + 2] & 0xff) << 8)
            | (hash[offset + 3] & 0xff);
    int modulus = (int) Math.pow(10, digits);
    String code = Integer.toString(binary % modulus);
    return "0".repeat(digits - code.length()) + code;
  }

  /**
   * The step whose code {@code code} is, within one step of {@code now}'s; empty when it is none of
   * them. The caller refuses a step already used, so that one code signs in once.
   */
  public static OptionalLong verify(String base32Secret, String code, Instant now) {
    requireNonNull(code, "code");
    String digits = code.replace(" ", "");
    if (!digits.matches("[0-9]{" + DIGITS + "}")) {
      return OptionalLong.empty();
    }
    byte[] key = decodeBase32(base32Secret);
    long current = step(now);
    for (long s = current - DRIFT_STEPS; s <= current + DRIFT_STEPS; s++) {
      if (MessageDigest.isEqual(
          code(key, s, DIGITS).getBytes(StandardCharsets.US_ASCII),
          digits.getBytes(StandardCharsets.US_ASCII))) {
        return OptionalLong.of(s);
      }
    }
    return OptionalLong.empty();
  }

  /** The otpauth:// URI that authenticator apps read (from a QR code or typed in). */
  public static String uri(String issuer, String account, String base32Secret) {
    String label =
        URLEncoder.encode(issuer, StandardCharsets.UTF_8).replace("+", "%20")
            + ":"
            + URLEncoder.encode(account, StandardCharsets.UTF_8).replace("+", "%20");
    return "otpauth://totp/"
        + label
        + "?secret="
        + base32Secret
        + "&issuer="
        + URLEncoder.encode(issuer, StandardCharsets.UTF_8).replace("+", "%20")
        + "&algorithm=SHA1&digits="
        + DIGITS
        + "&period="
        + STEP_SECONDS;
  }

  /** RFC 4648 base32 without padding. */
  static String base32(byte[] bytes) {
    StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32.charAt((buffer >>> (bits - 5)) & 0x1f));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32.charAt((buffer << (5 - bits)) & 0x1f));
    }
    return out.toString();
  }

  /**
   * Reads RFC 4648 base32, in either case, ignoring spaces and padding.
   *
   * @throws IllegalArgumentException naming a character that is not base32
   */
  static byte[] decodeBase32(String text) {
    String clean = text.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
    byte[] out = new byte[clean.length() * 5 / 8];
    int buffer = 0;
    int bits = 0;
    int n = 0;
    for (int i = 0; i < clean.length(); i++) {
      int value = BASE32.indexOf(clean.charAt(i));
      if (value < 0) {
        throw new IllegalArgumentException(
            "'" + clean.charAt(i) + "' at " + i + " is not a base32 character");
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out[n++] = (byte) (buffer >>> (bits - 8));
        bits -= 8;
      }
    }
    return out;
  }
}
