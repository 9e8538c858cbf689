/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.vigil.ingest.WebTextCleaner;

/**
 * A news-style report from this package's test resources, read as an uploaded page is read: cleaned
 * of page furniture, then extracted. Shared by the report tests.
 */
final class ReportFixture {
  private ReportFixture() {}

  /** What the standard extractor reads in the resource {@code name}. */
  static Extraction read(String name) {
    try (InputStream in = ReportFixture.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return Extractor.standard().extract(WebTextCleaner.clean(text).text());
    } catch (IOException e) {
      throw new UncheckedIOException(name, e);
    }
  }

  /** The events of {@code kind} read. */
  static List<ExtractedEvent> events(Extraction read, String kind) {
    return read.events().stream().filter(e -> e.kind().equals(kind)).toList();
  }

  /** The names of the participants of {@code e} in {@code role}. */
  static List<String> names(ExtractedEvent e, String role) {
    return e.inRole(role).stream().map(Mention::name).toList();
  }
}
