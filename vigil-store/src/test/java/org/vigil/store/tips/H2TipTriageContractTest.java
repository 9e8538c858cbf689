/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store.tips;

import java.nio.file.Path;
import org.vigil.store.StoreConfig;

/** The tip repository's triage, release and retention on embedded H2. */
class H2TipTriageContractTest extends TipTriageContract {
  @Override
  protected StoreConfig freshConfig(Path dataDir) {
    return StoreConfig.embedded(dataDir.resolve("data"));
  }
}
