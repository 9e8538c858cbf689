/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import org.vigil.access.Viewer;
import org.vigil.store.Store;

/** The viewer a command acts as: a named user (--as), else the operator. */
final class CliViewers {
  private CliViewers() {}

  static Viewer viewer(Store store, String asUser) {
    if (asUser == null) {
      return Viewer.system();
    }
    return store
        .accounts()
        .userByName(asUser)
        .map(u -> store.accounts().viewer(u))
        .orElseThrow(() -> new CliFailure("no user named '" + asUser + "'"));
  }
}
