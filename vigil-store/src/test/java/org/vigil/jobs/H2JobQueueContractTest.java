/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.jobs;

import java.nio.file.Path;
import org.vigil.store.StoreConfig;

/** The job queue contract on embedded H2: the same jobs run in process, on one node. */
class H2JobQueueContractTest extends JobQueueContract {
  @Override
  protected StoreConfig freshConfig(Path dataDir) {
    return StoreConfig.embedded(dataDir.resolve("data"));
  }
}
