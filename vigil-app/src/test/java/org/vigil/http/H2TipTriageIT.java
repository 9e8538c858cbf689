/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import java.nio.file.Path;
import org.vigil.store.StoreConfig;

/** Tip triage, release and the handler's queue on embedded H2. */
class H2TipTriageIT extends TipTriageContract {
  @Override
  protected StoreConfig freshConfig(Path dataDir) {
    return StoreConfig.embedded(dataDir);
  }
}
