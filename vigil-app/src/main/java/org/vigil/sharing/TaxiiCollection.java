/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.sharing;

import static java.util.Objects.requireNonNull;

import org.vigil.model.Marking;
import org.vigil.model.Tlp;

/**
 * A TAXII collection: the STIX objects one organisation shares at one TLP level, and what the
 * caller may do with it.
 *
 * @param id the collection's UUID, the same on every installation for this organisation and level
 * @param ownerOrg the organisation whose collection it is
 * @param tlp the level of everything in it
 * @param title what a TAXII client shows
 * @param canRead whether the caller's organisation may read this marking
 * @param canWrite whether the caller belongs to the owner and may write
 */
public record TaxiiCollection(
    String id, String ownerOrg, Tlp tlp, String title, boolean canRead, boolean canWrite) {
  public TaxiiCollection {
    requireNonNull(id, "id");
    requireNonNull(ownerOrg, "ownerOrg");
    requireNonNull(tlp, "tlp");
    requireNonNull(title, "title");
  }

  /** The marking every object in the collection carries. */
  public Marking marking() {
    return Marking.of(tlp, ownerOrg);
  }
}
