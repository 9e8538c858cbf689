/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips.attachments;

import java.util.List;
import java.util.Locale;

/** The kinds of file a tip may carry, as told from their bytes. */
public enum AttachmentType {
  JPEG("image/jpeg", "JPEG image", List.of("jpg", "jpeg", "jpe", "jfif")),
  PNG("image/png", "PNG image", List.of("png")),
  PDF("application/pdf", "PDF document", List.of("pdf")),
  DOCX(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Word (DOCX) document",
      List.of("docx")),
  ODT("application/vnd.oasis.opendocument.text", "OpenDocument text (ODT)", List.of("odt")),
  TEXT("text/plain", "plain text file", List.of("txt", "text"));

  private final String mediaType;
  private final String description;
  private final List<String> extensions;

  AttachmentType(String mediaType, String description, List<String> extensions) {
    this.mediaType = mediaType;
    this.description = description;
    this.extensions = extensions;
  }

  /** The IANA media type, without parameters. */
  public String mediaType() {
    return mediaType;
  }

  /** How a tipster would name it ("PNG image"), for messages. */
  public String description() {
    return description;
  }

  /** The file name extensions that fit this type, lower case, the usual one first. */
  public List<String> extensions() {
    return extensions;
  }

  /** The usual extension: the working copy is named {@code attachment.<extension>}. */
  public String extension() {
    return extensions.get(0);
  }

  /** Whether a file name's extension (any case, without the dot) fits this type. */
  public boolean fitsExtension(String extension) {
    return extensions.contains(extension.toLowerCase(Locale.ROOT));
  }
}
