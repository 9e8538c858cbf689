/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

/**
 * An evaluation that cannot run for a reason the user can act on (the shared data or the models jar
 * is not where it was looked for); the command line prints it as one line and exits with 1.
 */
public final class EvaluationFailure extends RuntimeException {
  EvaluationFailure(String message) {
    super(message, null, false, false);
  }
}
