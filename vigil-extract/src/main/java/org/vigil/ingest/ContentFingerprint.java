/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What makes two texts the same or nearly the same: an exact hash of the text with case, spacing
 * and punctuation set aside, and a MinHash signature over word shingles whose agreement estimates
 * the share of shingles two texts have in common (their Jaccard similarity).
 *
 * @param exactHash "sha256:" and the hex digest of the normalised text
 * @param signature the MinHash signature, {@link #SIGNATURE_SIZE} values
 */
public record ContentFingerprint(String exactHash, long[] signature) {
  /** Hash functions in a signature; the similarity estimate's error is about 1/sqrt of this. */
  public static final int SIGNATURE_SIZE = 128;

  static final int SHINGLE_WORDS = 4;
  private static final long[] SEEDS = seeds();

  public ContentFingerprint {
    if (signature.length != SIGNATURE_SIZE) {
      throw new IllegalArgumentException(
          "a signature has " + SIGNATURE_SIZE + " values, not " + signature.length);
    }
    signature = signature.clone();
  }

  @Override
  public long[] signature() {
    return signature.clone();
  }

  /** The fingerprint of {@code text}. */
  public static ContentFingerprint of(String text) {
    List<String> words = words(text);
    return new ContentFingerprint(exactHash(String.join(" ", words)), minHash(words));
  }

  /** The estimated share of word shingles the two texts have in common, from 0 to 1. */
  public double similarity(ContentFingerprint other) {
    if (exactHash.equals(other.exactHash)) {
      return 1.0;
    }
    int same = 0;
    for (int i = 0; i < SIGNATURE_SIZE; i++) {
      if (signature[i] == other.signature[i]) {
        same++;
      }
    }
    return same / (double) SIGNATURE_SIZE;
  }

  /** Whether the two texts are the same once case, spacing and punctuation are set aside. */
  public boolean sameTextAs(ContentFingerprint other) {
    return exactHash.equals(other.exactHash);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContentFingerprint f
        && exactHash.equals(f.exactHash)
        && java.util.Arrays.equals(signature, f.signature);
  }

  @Override
  public int hashCode() {
    return exactHash.hashCode();
  }

  @Override
  public String toString() {
    return "ContentFingerprint[" + exactHash + "]";
  }

  static List<String> words(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    for (String w : folded.split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return words;
  }

  private static long[] minHash(List<String> words) {
    long[] signature = new long[SIGNATURE_SIZE];
    java.util.Arrays.fill(signature, -1L); // the largest value, read unsigned
    int shingles = Math.max(1, words.size() - SHINGLE_WORDS + 1);
    for (int s = 0; s < shingles; s++) {
      long h = 0xcbf29ce484222325L;
      for (int w = s; w < Math.min(words.size(), s + SHINGLE_WORDS); w++) {
        h = fnv(h, words.get(w));
        h = (h ^ ' ') * 0x100000001b3L;
      }
      for (int i = 0; i < SIGNATURE_SIZE; i++) {
        long v = mix(h ^ SEEDS[i]);
        if (Long.compareUnsigned(v, signature[i]) < 0) {
          signature[i] = v;
        }
      }
    }
    return signature;
  }

  private static long fnv(long h, String word) {
    for (int i = 0; i < word.length(); i++) {
      h = (h ^ word.charAt(i)) * 0x100000001b3L;
    }
    return h;
  }

  /** MurmurHash3's 64-bit finaliser: spreads every input bit over the output. */
  private static long mix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  private static long[] seeds() {
    SplittableRandom random = new SplittableRandom(0x5eed_1234L);
    long[] seeds = new long[SIGNATURE_SIZE];
    for (int i = 0; i < SIGNATURE_SIZE; i++) {
      seeds[i] = random.nextLong();
    }
    return seeds;
  }

  private static String exactHash(String normalised) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
