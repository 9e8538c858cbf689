/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import java.nio.file.Path;

/** The TAXII contract on embedded H2. */
class H2TaxiiContractTest extends TaxiiContract {
  @Override
  protected StoreConfig freshConfig(Path dataDir) {
    return StoreConfig.embedded(dataDir.resolve("data"));
  }
}
