/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.jobs;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A job as the queue holds it.
 *
 * @param id the queue's id
 * @param kind what to do, naming the {@link JobHandler} that does it (e.g. "rescreen")
 * @param key what it is done to, unique within the kind (e.g. a list release's id)
 * @param payload the handler's input, as text (JSON by convention)
 * @param state where it stands
 * @param attempts how many times a node has taken it, this time included
 * @param lastError the error of its last failed attempt
 */
public record Job(
    long id,
    String kind,
    String key,
    String payload,
    JobState state,
    int attempts,
    Optional<String> lastError) {
  public Job {
    JobRequest.check(kind, key, payload);
    requireNonNull(state, "state");
    requireNonNull(lastError, "lastError");
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts " + attempts + " < 0");
    }
  }
}
