/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

/** A failure the user can understand and act on; printed as one line, exit code 1. */
final class CliFailure extends RuntimeException {
  CliFailure(String message) {
    super(message, null, false, false);
  }
}
