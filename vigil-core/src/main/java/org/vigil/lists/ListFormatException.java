/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.lists;

/**
 * A list file that cannot be read as its format: truncated, malformed, or of no known format. The
 * message names the file, the line or element, and the problem. Its {@link #code()} is stable.
 */
public class ListFormatException extends RuntimeException {

  /** The stable error code for callers that map errors to HTTP statuses or exit codes. */
  public static final String CODE = "LIST_FORMAT";

  private final String file;
  private final String location;

  public ListFormatException(String file, String location, String problem) {
    super(file + (location.isEmpty() ? "" : " (" + location + ")") + ": " + problem);
    this.file = file;
    this.location = location;
  }

  public ListFormatException(String file, String location, String problem, Throwable cause) {
    this(file, location, problem);
    initCause(cause);
  }

  public String code() {
    return CODE;
  }

  public String file() {
    return file;
  }

  /** The line ("line 12") or element ("INDIVIDUAL 3") where the problem is; may be empty. */
  public String location() {
    return location;
  }
}
