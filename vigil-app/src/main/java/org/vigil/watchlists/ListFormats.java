/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.watchlists;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vigil.lists.SanctionsListReader;
import org.vigil.lists.SanctionsLists;
import org.vigil.model.InvalidValueException;

/** The short names commands use for the list formats the core can read. */
public final class ListFormats {
  private static final Map<String, String> SHORT_NAMES =
      Map.ofEntries(
          Map.entry("OFAC legacy CSV", "ofac-csv"),
          Map.entry("UK Sanctions List CSV tables", "uk-sanctions-list"),
          Map.entry("UN Security Council Consolidated List XML", "un-xml"),
          Map.entry("OFAC SDN XML", "sdn-xml"),
          Map.entry("UK OFSI Consolidated List CSV", "uk-conlist"),
          Map.entry("agency CSV", "agency-csv"),
          Map.entry("FtM JSON lines", "ftm-jsonl"),
          Map.entry("OFAC SDN JSON digest", "sdn-json"),
          Map.entry("US Consolidated Screening List CSV", "us-csl"),
          Map.entry("EU Financial Sanctions XML", "eu-fsf-xml"));

  private static final Map<String, SanctionsListReader> BY_NAME = byName();

  private ListFormats() {}

  /** The short names, in the order detection tries them. */
  public static List<String> names() {
    return List.copyOf(BY_NAME.keySet());
  }

  /** The short name of a reader's format. */
  public static String nameOf(SanctionsListReader reader) {
    return SHORT_NAMES.getOrDefault(
        reader.format(), reader.format().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
  }

  /**
   * The reader of a short format name.
   *
   * @throws InvalidValueException listing the known names when {@code name} is none of them
   */
  public static SanctionsListReader reader(String name) {
    SanctionsListReader reader = BY_NAME.get(name.strip().toLowerCase(Locale.ROOT));
    if (reader == null) {
      throw new InvalidValueException(
          "unknown list format '" + name + "'; known: " + String.join(", ", names()));
    }
    return reader;
  }

  /** The given format's reader, or the one that recognises {@code path}. */
  static SanctionsListReader choose(Optional<String> format, Path path) throws IOException {
    return format.isPresent() ? reader(format.get()) : SanctionsLists.detect(path);
  }

  private static Map<String, SanctionsListReader> byName() {
    Map<String, SanctionsListReader> map = new LinkedHashMap<>();
    for (SanctionsListReader reader : SanctionsLists.readers()) {
      map.put(nameOf(reader), reader);
    }
    return map;
  }
}
