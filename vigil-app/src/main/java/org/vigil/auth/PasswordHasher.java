/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.auth;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes passwords with Argon2id and checks them, in the PHC string format that other tools read:
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (base64 without padding). Verification reads
 * the cost parameters from the stored string, so raising them later leaves old hashes usable.
 */
public final class PasswordHasher {

  /**
   * The cost of a new hash. The default is OWASP's minimum for Argon2id (19 MiB, 2 passes, 1 lane),
   * chosen so that a login costs well under a second on a small shared machine.
   */
  public record Cost(int memoryKib, int iterations, int parallelism) {
    public static final Cost DEFAULT = new Cost(19_456, 2, 1);

    public Cost {
      if (memoryKib < 8 * parallelism || memoryKib > 4 * 1024 * 1024) {
        throw new IllegalArgumentException("Argon2 memory " + memoryKib + " KiB is out of range");
      }
      if (iterations < 1 || iterations > 100) {
        throw new IllegalArgumentException("Argon2 iterations " + iterations + " is out of range");
      }
      if (parallelism < 1 || parallelism > 16) {
        throw new IllegalArgumentException("Argon2 parallelism " + parallelism + " out of range");
      }
    }
  }

  private static final Pattern PHC =
      Pattern.compile(
          "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,88})\\$([A-Za-z0-9+/]{16,88})");
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

  private final Cost cost;
  private final SecureRandom random;

  public PasswordHasher(Cost cost, SecureRandom random) {
    this.cost = requireNonNull(cost, "cost");
    this.random = requireNonNull(random, "random");
  }

  public static PasswordHasher standard() {
    return new PasswordHasher(Cost.DEFAULT, new SecureRandom());
  }

  /** A new PHC string for {@code password}, with a fresh random salt. */
  public String hash(String password) {
    requireNonNull(password, "password");
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = derive(password, salt, cost, HASH_BYTES);
    return String.format(
        Locale.ROOT,
        "$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s",
        cost.memoryKib(),
        cost.iterations(),
        cost.parallelism(),
        B64.encodeToString(salt),
        B64.encodeToString(hash));
  }

  /**
   * Whether {@code password} matches the PHC string. A string that is not a well-formed Argon2id
   * hash matches nothing; the comparison of the hashes takes the same time wherever they differ.
   */
  public boolean verify(String password, String phc) {
    requireNonNull(password, "password");
    requireNonNull(phc, "phc");
    Matcher m = PHC.matcher(phc);
    if (!m.matches()) {
      return false;
    }
    Cost stored;
    byte[] salt;
    byte[] expected;
    try {
      stored =
          new Cost(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)));
      salt = B64_DECODER.decode(m.group(4));
      expected = B64_DECODER.decode(m.group(5));
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (salt.length < 8 || expected.length < 16) {
      return false;
    }
    byte[] actual = derive(password, salt, stored, expected.length);
    return MessageDigest.isEqual(actual, expected);
  }

  /** Whether a stored hash was made with a lower cost than the current one and should be redone. */
  public boolean needsRehash(String phc) {
    Matcher m = PHC.matcher(phc);
    return !m.matches()
        || Integer.parseInt(m.group(1)) < cost.memoryKib()
        || Integer.parseInt(m.group(2)) < cost.iterations();
  }

  private static byte[] derive(String password, byte[] salt, Cost cost, int length) {
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(cost.memoryKib())
            .withIterations(cost.iterations())
            .withParallelism(cost.parallelism())
            .withSalt(salt)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] out = new byte[length];
    byte[] secret = password.getBytes(StandardCharsets.UTF_8);
    try {
      generator.generateBytes(secret, out);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
    return out;
  }
}
