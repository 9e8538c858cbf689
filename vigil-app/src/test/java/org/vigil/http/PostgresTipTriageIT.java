/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.vigil.store.RootlessPostgres;
import org.vigil.store.StoreConfig;

/** Tip triage, release and the handler's queue on a real PostgreSQL server. */
class PostgresTipTriageIT extends TipTriageContract {
  private EmbeddedPostgres postgres;

  @Override
  protected StoreConfig freshConfig(Path dataDir) throws Exception {
    postgres = RootlessPostgres.start();
    return RootlessPostgres.freshDatabase(postgres, dataDir);
  }

  @AfterAll
  void stopPostgres() throws java.io.IOException {
    postgres.close();
  }
}
