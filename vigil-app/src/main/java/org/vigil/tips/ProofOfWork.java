/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The intake's proof-of-work: challenges the server issues with each form, and the check of a
 * browser's answer. A challenge is random, short-lived and signed (HMAC-SHA256 under a key made at
 * start and held in memory only), so issuing one stores nothing; a verified answer's challenge is
 * remembered (its random part and expiry, nothing about the caller) until it expires, so an answer
 * is accepted once.
 *
 * <p>The puzzle: for each {@code i} below the challenge's count, a 32-bit nonce {@code n} such that
 * Argon2id(password = LE32(i) || LE32(n), salt = the challenge's bytes, the challenge's memory, one
 * pass, one lane, 32-byte tag) starts with the challenge's number of zero bits. Several small
 * puzzles rather than one large one keep the browser's time close to the mean. The browser's solver
 * is {@code pow.js}, served by the intake listener; a check costs {@code count} Argon2id runs.
 *
 * <p>Thread-safe.
 */
public final class ProofOfWork {
  private static final byte VERSION = 1;
  private static final int RANDOM_BYTES = 16;
  private static final int MAC_BYTES = 16;
  // version, bits, count, memory (KiB, 2 bytes), expiry (epoch seconds, 8 bytes), random, MAC
  private static final int BODY_BYTES = 1 + 1 + 1 + 2 + 8 + RANDOM_BYTES;
  private static final int TOKEN_BYTES = BODY_BYTES + MAC_BYTES;

  /** At most this many spent challenges are remembered; beyond it, new answers wait. */
  static final int MAX_SPENT = 200_000;

  /** What one form carries: the signed challenge and the puzzle's size, for the solver. */
  public record Challenge(String token, int bits, int count, int memoryKib) {
    public Challenge {
      requireNonNull(token, "token");
    }
  }

  /** The check of an answer. */
  public enum Verdict {
    /** No answer (the form was sent without JavaScript). */
    NONE,
    /** A right answer to a live challenge, now spent. */
    VALID,
    /** A right answer to a challenge past its life: treated as no answer. */
    EXPIRED,
    /** A challenge not ours, altered, or a wrong answer. */
    INVALID,
    /** An answer to a challenge already spent. */
    REPLAYED,
    /** Too many answers spent and still live to remember another. */
    FULL
  }

  private final byte[] key;
  private final SecureRandom random;
  private final Clock clock;
  private final long lifetimeSeconds;
  private final Map<String, Long> spent = new ConcurrentHashMap<>();

  public ProofOfWork(SecureRandom random, Clock clock, long lifetimeSeconds) {
    this.random = requireNonNull(random, "random");
    this.clock = requireNonNull(clock, "clock");
    if (lifetimeSeconds < 1) {
      throw new IllegalArgumentException("a challenge's life of " + lifetimeSeconds + " s");
    }
    this.lifetimeSeconds = lifetimeSeconds;
    this.key = new byte[32];
    random.nextBytes(key);
  }

  /** A new challenge of {@code bits} zero bits per puzzle, {@code count} puzzles. */
  public Challenge issue(int bits, int count, int memoryKib) {
    checkSize(bits, count, memoryKib);
    byte[] rnd = new byte[RANDOM_BYTES];
    random.nextBytes(rnd);
    ByteBuffer body =
        ByteBuffer.allocate(TOKEN_BYTES)
            .put(VERSION)
            .put((byte) bits)
            .put((byte) count)
            .putShort((short) memoryKib)
            .putLong(clock.instant().getEpochSecond() + lifetimeSeconds)
            .put(rnd);
    byte[] token = body.array();
    System.arraycopy(mac(token), 0, token, BODY_BYTES, MAC_BYTES);
    return new Challenge(
        Base64.getUrlEncoder().withoutPadding().encodeToString(token), bits, count, memoryKib);
  }

  /**
   * Checks {@code answer} (nonces, comma-separated) to {@code token}; a right answer spends the
   * challenge. The bits it was solved at come back through {@link #bitsOf} for a valid one.
   */
  public Verdict verify(String token, String answer) {
    if (answer == null || answer.isBlank()) {
      return Verdict.NONE;
    }
    Optional<byte[]> raw = decode(token);
    if (raw.isEmpty()) {
      return Verdict.INVALID;
    }
    byte[] t = raw.get();
    ByteBuffer b = ByteBuffer.wrap(t);
    b.get();
    int bits = b.get() & 0xff;
    int count = b.get() & 0xff;
    int memoryKib = b.getShort() & 0xffff;
    long expiry = b.getLong();
    long now = clock.instant().getEpochSecond();
    if (now > expiry) {
      // Past its life the answer counts for nothing, so it is not worth checking.
      return Verdict.EXPIRED;
    }
    if (spent.containsKey(id(t))) {
      return Verdict.REPLAYED;
    }
    Optional<int[]> nonces = nonces(answer, count);
    if (nonces.isEmpty()) {
      return Verdict.INVALID;
    }
    for (int i = 0; i < count; i++) {
      if (!solves(t, i, nonces.get()[i], bits, memoryKib)) {
        return Verdict.INVALID;
      }
    }
    return spend(t, expiry, now);
  }

  /** The zero bits per puzzle of a well-formed token (0 when it is not one of ours). */
  int bitsOf(String token) {
    return decode(token).map(t -> t[1] & 0xff).orElse(0);
  }

  private Verdict spend(byte[] token, long expiry, long now) {
    if (spent.size() >= MAX_SPENT) {
      forgetExpired(now);
      if (spent.size() >= MAX_SPENT) {
        return Verdict.FULL;
      }
    }
    if (spent.putIfAbsent(id(token), expiry) != null) {
      return Verdict.REPLAYED;
    }
    if (spent.size() % 1024 == 0) {
      forgetExpired(now);
    }
    return Verdict.VALID;
  }

  private static String id(byte[] token) {
    return HexFormat.of().formatHex(token, BODY_BYTES - RANDOM_BYTES, BODY_BYTES);
  }

  private void forgetExpired(long now) {
    for (Iterator<Long> it = spent.values().iterator(); it.hasNext(); ) {
      if (it.next() < now) {
        it.remove();
      }
    }
  }

  /** How many spent challenges are remembered (for tests). */
  int remembered() {
    return spent.size();
  }

  /** The token's bytes when it is ours, well-formed and unaltered. */
  private Optional<byte[]> decode(String token) {
    if (token == null || token.length() > 2 * TOKEN_BYTES) {
      return Optional.empty();
    }
    byte[] t;
    try {
      t = Base64.getUrlDecoder().decode(token.strip());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (t.length != TOKEN_BYTES || t[0] != VERSION) {
      return Optional.empty();
    }
    byte[] expected = mac(t);
    byte[] given = Arrays.copyOfRange(t, BODY_BYTES, TOKEN_BYTES);
    if (!MessageDigest.isEqual(Arrays.copyOf(expected, MAC_BYTES), given)) {
      return Optional.empty();
    }
    int bits = t[1] & 0xff;
    int count = t[2] & 0xff;
    int memoryKib = ((t[3] & 0xff) << 8) | (t[4] & 0xff);
    try {
      checkSize(bits, count, memoryKib);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.of(t);
  }

  private static Optional<int[]> nonces(String answer, int count) {
    String[] parts = answer.strip().split(",", -1);
    if (parts.length != count || answer.length() > 12 * count) {
      return Optional.empty();
    }
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      try {
        long n = Long.parseLong(parts[i].strip());
        if (n < 0 || n > 0xffff_ffffL) {
          return Optional.empty();
        }
        out[i] = (int) n;
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.of(out);
  }

  /** Whether nonce {@code n} solves puzzle {@code index} of the challenge {@code token}. */
  static boolean solves(byte[] token, int index, int n, int bits, int memoryKib) {
    byte[] tag = tag(token, index, n, memoryKib);
    for (int i = 0; i < bits; i++) {
      if (((tag[i >> 3] >>> (7 - (i & 7))) & 1) != 0) {
        return false;
      }
    }
    return true;
  }

  static byte[] tag(byte[] token, int index, int n, int memoryKib) {
    Argon2BytesGenerator argon = new Argon2BytesGenerator();
    argon.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memoryKib)
            .withIterations(1)
            .withParallelism(1)
            .withSalt(token)
            .build());
    byte[] password =
        ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(index).putInt(n).array();
    byte[] tag = new byte[32];
    argon.generateBytes(password, tag);
    return tag;
  }

  /**
   * Solves {@code challenge} as the browser does (for tests and the benchmark): the answer to post.
   */
  public static String solve(Challenge challenge) {
    byte[] token = Base64.getUrlDecoder().decode(challenge.token());
    StringBuilder answer = new StringBuilder();
    for (int i = 0; i < challenge.count(); i++) {
      int n = 0;
      while (!solves(token, i, n, challenge.bits(), challenge.memoryKib())) {
        n++;
      }
      answer.append(i == 0 ? "" : ",").append(Integer.toUnsignedString(n));
    }
    return answer.toString();
  }

  private byte[] mac(byte[] token) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(new SecretKeySpec(key, "HmacSHA256"));
      m.update(token, 0, BODY_BYTES);
      return m.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
    }
  }

  private static void checkSize(int bits, int count, int memoryKib) {
    if (bits < 0 || bits > 24 || count < 1 || count > 16 || memoryKib < 8 || memoryKib > 65_535) {
      throw new IllegalArgumentException(
          "a proof-of-work of "
              + count
              + " puzzles of "
              + bits
              + " bits at "
              + memoryKib
              + " KiB is outside 0..24 bits, 1..16 puzzles, 8..65535 KiB");
    }
  }
}
