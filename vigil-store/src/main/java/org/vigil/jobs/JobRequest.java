/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.jobs;

import static java.util.Objects.requireNonNull;

/**
 * Work to enqueue: a kind, the key of what it is done to (the same kind and key is one job, however
 * often it is enqueued), and the handler's input.
 */
public record JobRequest(String kind, String key, String payload) {
  public static final int MAX_KIND = 64;
  public static final int MAX_KEY = 256;
  public static final int MAX_PAYLOAD = 100_000;

  public JobRequest {
    check(kind, key, payload);
  }

  static void check(String kind, String key, String payload) {
    requireNonNull(kind, "kind");
    requireNonNull(key, "key");
    requireNonNull(payload, "payload");
    if (kind.isBlank() || kind.length() > MAX_KIND) {
      throw new IllegalArgumentException(
          "a job kind has 1.." + MAX_KIND + " chars: '" + kind + "'");
    }
    if (key.isBlank() || key.length() > MAX_KEY) {
      throw new IllegalArgumentException("a job key has 1.." + MAX_KEY + " chars: '" + key + "'");
    }
    if (payload.length() > MAX_PAYLOAD) {
      throw new IllegalArgumentException(
          "a job payload of " + payload.length() + " chars is over " + MAX_PAYLOAD);
    }
  }
}
