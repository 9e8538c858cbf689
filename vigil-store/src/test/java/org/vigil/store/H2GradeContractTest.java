/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import java.nio.file.Path;

/** The grade contract on embedded H2. */
class H2GradeContractTest extends GradeContract {
  @Override
  protected StoreConfig freshConfig(Path dataDir) {
    return StoreConfig.embedded(dataDir.resolve("data"));
  }
}
