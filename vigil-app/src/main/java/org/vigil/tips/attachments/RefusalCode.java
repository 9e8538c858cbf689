/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips.attachments;

/**
 * Why an attachment was refused. The {@link #code()} strings are stable: surfaces map them to
 * statuses and translate the messages by them.
 */
public enum RefusalCode {
  /** The file has no bytes. */
  EMPTY("attachment_empty", true),
  /** The file is larger than the configured cap; it was not read past the cap. */
  TOO_LARGE("attachment_too_large", true),
  /** The bytes are of a kind the tip line does not take (a program, an archive, legacy Word...). */
  UNSUPPORTED_TYPE("attachment_unsupported_type", true),
  /** The name's extension says one type and the bytes another. */
  EXTENSION_MISMATCH("attachment_extension_mismatch", true),
  /** The bytes are valid as two kinds of file at once (a polyglot), or the type checks disagree. */
  AMBIGUOUS_TYPE("attachment_ambiguous_type", true),
  /** The document is encrypted or password-protected. */
  ENCRYPTED("attachment_encrypted", true),
  /**
   * An OOXML or ODF file would expand far beyond its size (a zip bomb), or holds too many parts.
   */
  ZIP_BOMB("attachment_zip_bomb", true),
  /** The file is damaged: its structure cannot be read. */
  DAMAGED("attachment_damaged", true),
  /** mat2 is not installed or cannot run: no working copy can be made on this server. */
  CLEANER_UNAVAILABLE("attachment_cleaner_unavailable", false),
  /** mat2 ran and failed, or its output did not pass the checks. */
  CLEANING_FAILED("attachment_cleaning_failed", false),
  /** mat2 ran longer than the time limit and was stopped. */
  CLEANING_TIMED_OUT("attachment_cleaning_timed_out", false),
  /**
   * As many mat2 processes as the cleaner allows ran for longer than the time limit: this file
   * waited its turn and was not cleaned.
   */
  CLEANER_BUSY("attachment_cleaner_busy", false);

  private final String code;
  private final boolean tipsterCanFix;

  RefusalCode(String code, boolean tipsterCanFix) {
    this.code = code;
    this.tipsterCanFix = tipsterCanFix;
  }

  /** The stable code, such as {@code attachment_zip_bomb}. */
  public String code() {
    return code;
  }

  /**
   * Whether the tipster can fix it by sending another file (true), or the fault is the server's
   * (false: the file itself passed every check, see {@link CleaningResult.Refused#checked()}).
   */
  public boolean tipsterCanFix() {
    return tipsterCanFix;
  }
}
