/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.ingest;

/** What became of one document read. */
public enum ReadStatus {
  /** All its text was read. */
  READ(true),
  /** Its text was longer than the limit; the first part was kept. */
  TRUNCATED(true),
  /** The file is empty or holds no text. */
  EMPTY(false),
  /** The file is larger than the limit and was not read. */
  TOO_LARGE(false),
  /** The parse took longer than the limit and was abandoned. */
  TIMED_OUT(false),
  /** The document is encrypted or password-protected. */
  ENCRYPTED(false),
  /** The document expands far beyond its size (a zip bomb). */
  ZIP_BOMB(false),
  /** The document is damaged, or the parser failed on it. */
  CORRUPT(false),
  /** The file is not there, or this process could not open it (permissions, a device error). */
  NOT_OPENED(false),
  /** No parser reads this kind of file. */
  UNSUPPORTED(false),
  /** The bytes decode to no readable text (binary junk or an unknown encoding). */
  UNREADABLE(false);

  private final boolean hasText;

  ReadStatus(boolean hasText) {
    this.hasText = hasText;
  }

  /** Whether the outcome carries text to go on with. */
  public boolean hasText() {
    return hasText;
  }
}
