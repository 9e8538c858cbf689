/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The TAXII contract on a real PostgreSQL server (embedded binaries from Maven Central, started
 * once for the class; see {@link RootlessPostgres}), a fresh database per test.
 */
class PostgresTaxiiContractIT extends TaxiiContract {
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = RootlessPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  @Override
  protected StoreConfig freshConfig(Path dataDir) throws SQLException {
    return RootlessPostgres.freshDatabase(postgres, dataDir);
  }
}
