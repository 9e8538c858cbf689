/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.stix;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.vigil.model.InvalidValueException;

/** STIX timestamps: RFC 3339 in UTC with a {@code Z}, here always with milliseconds. */
public final class StixTime {
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private StixTime() {}

  /** {@code when} truncated to milliseconds, such as "2024-01-29T00:00:00.000Z". */
  public static String format(Instant when) {
    return MILLIS.format(when.truncatedTo(ChronoUnit.MILLIS));
  }

  /** {@code when} with microseconds, as TAXII's date_added keeps them. */
  public static String formatMicros(Instant when) {
    return MICROS.format(when.truncatedTo(ChronoUnit.MICROS));
  }

  /**
   * Reads a STIX or TAXII timestamp.
   *
   * @throws InvalidValueException naming the text when it is not an RFC 3339 UTC timestamp
   */
  public static Instant parse(String text) {
    if (text == null || !text.endsWith("Z")) {
      throw new InvalidValueException("'" + text + "' is not a UTC timestamp ending in Z");
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidValueException("'" + text + "' is not an RFC 3339 timestamp");
    }
  }

  /** Microseconds since the epoch, the unit TAXII versions and dates are compared in. */
  public static long micros(Instant when) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, when);
  }

  public static Instant ofMicros(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }
}
