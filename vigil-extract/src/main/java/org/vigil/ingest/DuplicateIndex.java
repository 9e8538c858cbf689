/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The documents seen so far, for telling whether a new one copies one of them: exactly (same
 * normalised text) or nearly (a syndicated copy with a new headline or a changed paragraph).
 *
 * <p>Candidates are found by locality-sensitive hashing over bands of the MinHash signature, then
 * scored on the whole signature, so a check costs about the same however many documents are held. A
 * check may be limited to the documents a caller may compare with (those the uploader may read):
 * the others are neither named nor scored in its answer. Safe for concurrent use.
 */
public final class DuplicateIndex {
  private static final int BANDS = 32;
  private static final int ROWS = ContentFingerprint.SIGNATURE_SIZE / BANDS;

  private final double nearThreshold;
  private final Map<String, List<String>> byExactHash = new HashMap<>();
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
  public DuplicateCheck add(String documentId, String text) {
    return add(documentId, text, id -> true);
  }

  /**
   * Checks {@code text} against those documents held that {@code comparable} accepts, then holds it
   * under {@code documentId} unless it is an exact copy of one of them. {@code comparable} is asked
   * only about documents that copy the text exactly or nearly, best first.
   */
  public synchronized DuplicateCheck add(
      String documentId, String text, Predicate<String> comparable) {
    ContentFingerprint fingerprint = ContentFingerprint.of(text);
    List<String> copies = byExactHash.getOrDefault(fingerprint.exactHash(), List.of());
    for (String original : copies) {
      if (comparable.test(original)) {
        return new DuplicateCheck(DuplicateCheck.Kind.EXACT_DUPLICATE, Optional.of(original), 1.0);
      }
    }
    DuplicateCheck check = nearest(fingerprint, comparable);
    if (!fingerprints.containsKey(documentId)) {
      byExactHash.computeIfAbsent(fingerprint.exactHash(), k -> new ArrayList<>()).add(documentId);
      fingerprints.put(documentId, fingerprint);
      long[] signature = fingerprint.signature();
      for (int b = 0; b < BANDS; b++) {
        bands.get(b).computeIfAbsent(bandKey(signature, b), k -> new ArrayList<>()).add(documentId);
      }
    }
    return check;
  }

  /** How many distinct documents are held. */
  public synchronized int size() {
    return fingerprints.size();
  }

  private DuplicateCheck nearest(ContentFingerprint fingerprint, Predicate<String> comparable) {
    long[] signature = fingerprint.signature();
    Map<String, Double> scores = new HashMap<>();
    for (int b = 0; b < BANDS; b++) {
      for (String candidate : bands.get(b).getOrDefault(bandKey(signature, b), List.of())) {
        if (!scores.containsKey(candidate)) {
          scores.put(candidate, fingerprint.similarity(fingerprints.get(candidate)));
        }
      }
    }
    List<Map.Entry<String, Double>> near = new ArrayList<>();
    for (Map.Entry<String, Double> e : scores.entrySet()) {
      if (e.getValue() >= nearThreshold) {
        near.add(e);
      }
    }
    near.sort(
        Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()));
    for (Map.Entry<String, Double> e : near) {
      if (comparable.test(e.getKey())) {
        return new DuplicateCheck(
            DuplicateCheck.Kind.NEAR_DUPLICATE, Optional.of(e.getKey()), e.getValue());
      }
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
