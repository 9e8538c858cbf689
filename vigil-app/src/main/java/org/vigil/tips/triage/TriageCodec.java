/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips.triage;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A {@link TipTriage} as the bytes that are sealed, and back. */
final class TriageCodec {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private TriageCodec() {}

  static byte[] write(TipTriage triage) {
    try {
      return MAPPER.writeValueAsBytes(triage);
    } catch (IOException e) {
      throw new UncheckedIOException("a triage could not be written: " + e.getMessage(), e);
    }
  }

  /**
   * @throws IllegalArgumentException when the bytes are not a triage this version reads
   */
  static TipTriage read(byte[] bytes) {
    try {
      return MAPPER.readValue(bytes, TipTriage.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a tip triage: " + e.getMessage(), e);
    }
  }
}
