/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import java.nio.file.Path;

/** The case contract on embedded H2, a fresh database file per test. */
class H2CaseStoreContractTest extends CaseStoreContract {
  @Override
  protected StoreConfig freshConfig(Path dataDir) {
    return StoreConfig.embedded(dataDir.resolve("data"));
  }
}
