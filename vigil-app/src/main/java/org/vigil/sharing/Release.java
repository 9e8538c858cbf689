/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.sharing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.vigil.access.Organization;
import org.vigil.access.Role;
import org.vigil.access.Viewer;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditEvent;
import org.vigil.model.InvalidValueException;
import org.vigil.store.Store;

/**
 * What every export to another organisation does alike: it reads as that organisation, and it
 * writes the ids it released into the audit log.
 */
public final class Release {
  /** The longest list of ids in one audit row; a longer release takes several rows. */
  private static final int AUDIT_DETAIL = 1_800;

  private Release() {}

  /**
   * An organisation as a reader: no user of it is named, so no RED statement reaches it.
   *
   * @throws InvalidValueException when no organisation has the id
   */
  public static Viewer organisationViewer(Store store, String orgId) {
    Organization org =
        store
            .accounts()
            .organization(orgId)
            .orElseThrow(() -> new InvalidValueException("no organisation '" + orgId + "'"));
    return new Viewer(
        "org:" + org.id(),
        "org:" + org.id(),
        org.id(),
        new TreeSet<>(org.partners()),
        Role.ANALYST);
  }

  /**
   * Records that {@code ids} left for {@code target}, in as many EXPORT rows as their length needs,
   * each naming its place ("released 3 STIX objects (1/1): a,b,c").
   *
   * @param what what the ids name, in the plural ("STIX objects")
   */
  public static void audit(
      Store store,
      String actor,
      String address,
      String target,
      String what,
      List<String> ids,
      Instant at) {
    List<String> rows = new ArrayList<>();
    StringBuilder row = new StringBuilder();
    for (String id : ids) {
      if (row.length() + id.length() + 1 > AUDIT_DETAIL) {
        rows.add(row.toString());
        row.setLength(0);
      }
      row.append(row.length() == 0 ? "" : ",").append(id);
    }
    rows.add(row.toString());
    for (int i = 0; i < rows.size(); i++) {
      String detail =
          "released " + ids.size() + " " + what + " (" + (i + 1) + "/" + rows.size() + "): ";
      store
          .audit()
          .append(
              new AuditEvent(actor, AuditAction.EXPORT, target, detail + rows.get(i), address, at));
    }
  }
}
