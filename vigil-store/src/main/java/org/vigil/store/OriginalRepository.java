/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import java.util.List;
import java.util.Optional;

/**
 * The original files of rejected and truncated documents, kept with their status until a retry
 * settles them. Administrative: no marking applies to the list itself (a kept file's statements,
 * once stored, carry its marking). Rows are keyed by the owner organisation of their marking and
 * the file's hash: two organisations offering the same bytes each have their own row, and one's
 * offer never rewrites the other's name, marking or owner.
 */
public interface OriginalRepository {

  /**
   * Records an offer of a file in its own transaction: inserts its row, or updates the row of the
   * same owner and bytes (status, reason, name, attempts). The bytes are copied when the row has
   * none yet and the attempt brings them; a settled status lets them go.
   *
   * @throws StoreException when the bytes cannot be read or stored; nothing is written then
   */
  void record(OriginalAttempt attempt);

  /** Every kept original, first seen first. */
  List<KeptOriginal> list();

  /** The kept original of these bytes offered by this organisation, if any. */
  Optional<KeptOriginal> find(String ownerOrg, String fileHash);

  /** The kept bytes of a file this organisation offered, if they are kept. */
  Optional<byte[]> content(String ownerOrg, String fileHash);
}
