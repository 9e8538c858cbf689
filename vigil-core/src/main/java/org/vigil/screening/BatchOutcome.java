/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.screening;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The outcome of one item of a batch: a result, or the reason the item was rejected. A bad item
 * never stops the batch.
 *
 * @param index the item's position in the batch
 * @param result the result, when the item was a valid query
 * @param error why the item was rejected, when it was not
 */
public record BatchOutcome(int index, Optional<ScreeningResult> result, Optional<String> error) {
  public BatchOutcome {
    requireNonNull(result, "result");
    requireNonNull(error, "error");
    if (result.isPresent() == error.isPresent()) {
      throw new IllegalArgumentException("a batch outcome has either a result or an error");
    }
  }
}
