/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cases.report;

import java.util.Locale;
import org.vigil.model.InvalidValueException;

/** The forms a report is written in. */
public enum ReportFormat {
  PDF("application/pdf", "pdf"),
  DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
  HTML("text/html; charset=utf-8", "html");

  private final String mediaType;
  private final String extension;

  ReportFormat(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  /**
   * Reads "pdf", "docx" or "html", in any case.
   *
   * @throws InvalidValueException naming the text and the forms there are
   */
  public static ReportFormat parse(String text) {
    String code = text.strip().toLowerCase(Locale.ROOT);
    for (ReportFormat f : values()) {
      if (f.extension.equals(code)) {
        return f;
      }
    }
    throw new InvalidValueException(
        "'" + text + "' is not a report format; write pdf, docx or html");
  }
}
