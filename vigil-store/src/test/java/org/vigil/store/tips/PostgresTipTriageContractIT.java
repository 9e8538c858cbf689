/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store.tips;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.vigil.store.RootlessPostgres;
import org.vigil.store.StoreConfig;

/** The tip repository's triage, release and retention on a real PostgreSQL server. */
class PostgresTipTriageContractIT extends TipTriageContract {
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
