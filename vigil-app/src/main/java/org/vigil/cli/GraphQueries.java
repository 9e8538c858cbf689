/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import org.vigil.app.DataLocation;
import org.vigil.store.Store;

/** What the graph commands share: opening the store their options name. */
final class GraphQueries {
  private GraphQueries() {}

  static Store open(GraphCommand parent, GraphOptions options) {
    return parent.root.openStore(
        options.store.location(DataLocation.DEFAULT_DATA_DIR, parent.root.env()));
  }
}
