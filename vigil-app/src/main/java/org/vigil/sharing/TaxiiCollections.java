/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.sharing;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.access.MarkingPolicy;
import org.vigil.access.Organization;
import org.vigil.access.Permission;
import org.vigil.access.Viewer;
import org.vigil.model.Tlp;
import org.vigil.stix.StixIds;
import org.vigil.store.Store;

/**
 * The TAXII collections a caller may know of: for their own organisation and each partner, one per
 * TLP level from CLEAR to AMBER+STRICT that the caller may read or write. RED is never a collection
 * (it names people, not organisations), AMBER+STRICT only ever reaches its owner, and other
 * organisations' collections are not listed at all, so a stranger learns no organisation's name.
 */
public final class TaxiiCollections {
  private static final List<Tlp> LEVELS =
      List.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER, Tlp.AMBER_STRICT);

  private final Store store;

  public TaxiiCollections(Store store) {
    this.store = requireNonNull(store, "store");
  }

  /** The collection id of an organisation's level: a UUID v5 of both. */
  public static String idOf(String orgId, Tlp tlp) {
    return StixIds.of("x-vigil-taxii-collection", orgId + "\u001f" + tlp.name())
        .substring("x-vigil-taxii-collection--".length());
  }

  /**
   * The caller's collections, own organisation first; {@code mayWrite} says whether the caller's
   * role and token allow writes at all.
   */
  public List<TaxiiCollection> visibleTo(Viewer viewer, boolean mayWrite) {
    requireNonNull(viewer, "viewer");
    List<TaxiiCollection> out = new ArrayList<>();
    List<String> orgs = new ArrayList<>();
    orgs.add(viewer.orgId());
    orgs.addAll(viewer.partnerOrgs());
    for (String orgId : orgs) {
      Optional<Organization> org = store.accounts().organization(orgId);
      if (org.isEmpty()) {
        continue;
      }
      for (Tlp tlp : LEVELS) {
        boolean canRead = MarkingPolicy.canSee(viewer, org.map(o -> org(o, tlp)).orElseThrow());
        boolean canWrite = mayWrite && viewer.may(Permission.WRITE) && orgId.equals(viewer.orgId());
        if (canRead || canWrite) {
          out.add(
              new TaxiiCollection(
                  idOf(orgId, tlp),
                  orgId,
                  tlp,
                  org.get().name() + " " + tlp.label(),
                  canRead,
                  canWrite));
        }
      }
    }
    return List.copyOf(out);
  }

  /** The collection with this id, if the caller may know of it. */
  public Optional<TaxiiCollection> find(String id, Viewer viewer, boolean mayWrite) {
    requireNonNull(id, "id");
    return visibleTo(viewer, mayWrite).stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /** Makes sure the collection's row exists, so that objects can be added to it. */
  public void ensureStored(TaxiiCollection collection) {
    store.taxii().ensureCollection(collection.id(), collection.ownerOrg(), collection.tlp());
  }

  private static org.vigil.model.Marking org(Organization o, Tlp tlp) {
    return org.vigil.model.Marking.of(tlp, o.id());
  }
}
