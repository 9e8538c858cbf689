/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips.attachments;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** What became of one attachment: a cleaned working copy, or a refusal with its reason. */
public sealed interface CleaningResult {

  /**
   * The attachment passed every check and mat2 cleaned a copy of it.
   *
   * @param original the bytes exactly as received, for the caller to seal as evidence; never handed
   *     to mat2 or any parser
   * @param workingCopy the bytes mat2 wrote, of the same {@code type}; parse them only through the
   *     document reader's limits
   */
  record Cleaned(CheckedOriginal original, byte[] workingCopy) implements CleaningResult {
    public Cleaned {
      requireNonNull(original, "original");
      requireNonNull(workingCopy, "workingCopy");
      if (workingCopy.length == 0) {
        throw new IllegalArgumentException("a cleaned working copy cannot be empty");
      }
      workingCopy = workingCopy.clone();
    }

    /** The type told from the bytes; the working copy is of the same type. */
    public AttachmentType type() {
      return original.type();
    }

    /** A copy of the cleaned bytes. */
    @Override
    public byte[] workingCopy() {
      return workingCopy.clone();
    }

    /**
     * The replaced file name for the working copy, {@code attachment.<extension>}; the tipster's
     * name is never kept.
     */
    public String workingCopyName() {
      return "attachment." + type().extension();
    }
  }

  /**
   * The attachment was refused; no working copy exists.
   *
   * @param code why, stable across versions
   * @param message a sentence for the tipster that says what to do, in English; it never repeats
   *     the file's name or content
   * @param checked the original, present only when the file passed every check and the server
   *     failed to clean it ({@code code.tipsterCanFix()} is false), so the caller may still seal it
   */
  record Refused(RefusalCode code, String message, Optional<CheckedOriginal> checked)
      implements CleaningResult {
    public Refused {
      requireNonNull(code, "code");
      requireNonNull(message, "message");
      requireNonNull(checked, "checked");
      if (message.isBlank()) {
        throw new IllegalArgumentException("a refusal needs a message, code " + code);
      }
      if (checked.isPresent() && code.tipsterCanFix()) {
        throw new IllegalArgumentException(
            "a file refused as " + code + " did not pass the checks: no checked original");
      }
    }

    Refused(RefusalCode code, String message) {
      this(code, message, Optional.empty());
    }
  }

  /**
   * An original that passed the type, size and structure checks.
   *
   * @param type the type told from its bytes
   * @param bytes the bytes exactly as received
   */
  record CheckedOriginal(AttachmentType type, byte[] bytes) {
    public CheckedOriginal {
      requireNonNull(type, "type");
      requireNonNull(bytes, "bytes");
      if (bytes.length == 0) {
        throw new IllegalArgumentException("an original cannot be empty");
      }
      bytes = bytes.clone();
    }

    /** A copy of the original bytes. */
    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    /** Its size in bytes. */
    public int size() {
      return bytes.length;
    }
  }
}
