/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.auth;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.vigil.store.RootlessPostgres;
import org.vigil.store.Store;

/** {@link KnownSignInAddressesTest} on a real PostgreSQL (embedded binaries), as nodes share it. */
class PostgresKnownSignInAddressesIT extends KnownSignInAddressesTest {
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
  Store open(Path dir) throws Exception {
    return Store.open(RootlessPostgres.freshDatabase(postgres, dir));
  }
}
