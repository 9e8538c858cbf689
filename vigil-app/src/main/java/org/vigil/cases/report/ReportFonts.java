/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cases.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The font every report is set in, shipped inside Vigil: DejaVu Sans (Bitstream Vera licence,
 * DejaVu changes public domain; see NOTICE), which holds the Latin, Cyrillic, Arabic and Persian
 * letters of the reporting, so a report looks the same on every machine, fonts installed or not.
 */
final class ReportFonts {
  static final String REGULAR = "fonts/DejaVuSans.ttf";
  static final String BOLD = "fonts/DejaVuSans-Bold.ttf";

  private static final Font AWT = load();

  private ReportFonts() {}

  /** The font file's bytes as a stream the caller closes. */
  static InputStream open(String path) {
    InputStream in = ReportFonts.class.getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("the report font " + path + " is missing from the build");
    }
    return in;
  }

  /**
   * The regular face for Java2D drawing; loading it also registers it, so SVG drawn by Batik finds
   * the family by name.
   */
  static Font awt() {
    return AWT;
  }

  private static Font load() {
    try {
      Font regular;
      try (InputStream in = open(REGULAR)) {
        regular = Font.createFont(Font.TRUETYPE_FONT, in);
      }
      try (InputStream in = open(BOLD)) {
        GraphicsEnvironment.getLocalGraphicsEnvironment()
            .registerFont(Font.createFont(Font.TRUETYPE_FONT, in));
      }
      GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(regular);
      return regular;
    } catch (IOException e) {
      throw new UncheckedIOException("reading the report font", e);
    } catch (FontFormatException e) {
      throw new IllegalStateException("the report font is not a TrueType font", e);
    }
  }
}
