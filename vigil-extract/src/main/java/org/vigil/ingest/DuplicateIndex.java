/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The documents seen so far, for telling whether a new one copies one of them: exactly (same
 * normalised text) or nearly (a syndicated copy with a new headline or a changed paragraph).
 *
 * <p>Candidates are found by locality-sensitive hashing over bands of the MinHash signature, then
 * scored on the whole signature, so a check costs about the same however many documents are held.
 * Safe for concurrent use.
 */
public final class DuplicateIndex {
  private static final int BANDS = 32;
  private static final int ROWS = ContentFingerprint.SIGNATURE_SIZE / BANDS;

  private final double nearThreshold;
  private final Map<String, String> byExactHash = new HashMap<>();
  private final Map<String, ContentFingerprint> fingerprints = new LinkedHashMap<>();
  private final List<Map<Long, List<String>>> bands = new ArrayList<>();

  /**
   * @param nearThreshold the estimated shingle overlap from which a document is a near copy, such
   *     as 0.7
   */
  public DuplicateIndex(double nearThreshold) {
    if (!(nearThreshold > 0.0 && nearThreshold <= 1.0)) {
      throw new IllegalArgumentException("nearThreshold " + nearThreshold + " is not in (0, 1]");
    }
    this.nearThreshold = nearThreshold;
    for (int b = 0; b < BANDS; b++) {
      bands.add(new HashMap<>());
    }
  }

  /**
   * Checks {@code text} against the documents held, then holds it under {@code documentId} unless
   * it is an exact copy (an exact copy is stored once, under its original).
   */
  public synchronized DuplicateCheck add(String documentId, String text) {
    ContentFingerprint fingerprint = ContentFingerprint.of(text);
    String original = byExactHash.get(fingerprint.exactHash());
    if (original != null) {
      return new DuplicateCheck(DuplicateCheck.Kind.EXACT_DUPLICATE, Optional.of(original), 1.0);
    }
    DuplicateCheck check = nearest(fingerprint);
    byExactHash.put(fingerprint.exactHash(), documentId);
    fingerprints.put(documentId, fingerprint);
    long[] signature = fingerprint.signature();
    for (int b = 0; b < BANDS; b++) {
      bands.get(b).computeIfAbsent(bandKey(signature, b), k -> new ArrayList<>()).add(documentId);
    }
    return check;
  }

  /** How many distinct documents are held. */
  public synchronized int size() {
    return fingerprints.size();
  }

  private DuplicateCheck nearest(ContentFingerprint fingerprint) {
    long[] signature = fingerprint.signature();
    String best = null;
    double bestScore = 0.0;
    for (int b = 0; b < BANDS; b++) {
      for (String candidate : bands.get(b).getOrDefault(bandKey(signature, b), List.of())) {
        double score = fingerprint.similarity(fingerprints.get(candidate));
        if (score > bestScore) {
          best = candidate;
          bestScore = score;
        }
      }
    }
    if (best != null && bestScore >= nearThreshold) {
      return new DuplicateCheck(DuplicateCheck.Kind.NEAR_DUPLICATE, Optional.of(best), bestScore);
    }
    return new DuplicateCheck(DuplicateCheck.Kind.NEW, Optional.empty(), 0.0);
  }

  private static long bandKey(long[] signature, int band) {
    long key = band;
    for (int r = 0; r < ROWS; r++) {
      key = key * 0x9E3779B97F4A7C15L + signature[band * ROWS + r];
    }
    return key;
  }
}
