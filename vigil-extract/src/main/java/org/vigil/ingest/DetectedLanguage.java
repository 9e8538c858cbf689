/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.ingest;

import static java.util.Objects.requireNonNull;

/**
 * A language found in a text.
 *
 * @param code the ISO 639-1 code, such as "en" or "fa"
 * @param confidence from 0 to 1
 */
public record DetectedLanguage(String code, double confidence) {
  public DetectedLanguage {
    requireNonNull(code, "code");
    if (!(confidence >= 0.0 && confidence <= 1.0)) {
      throw new IllegalArgumentException("confidence " + confidence + " is outside [0, 1]");
    }
  }
}
