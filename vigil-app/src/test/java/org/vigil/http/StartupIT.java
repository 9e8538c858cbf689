/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.vigil.store.Store;
import org.vigil.store.StoreException;

/**
 * The server listens before its store is open, and says so clearly if the store fails. One process
 * whose own store failed to open: not on the node pair (-Pnode-pair), whose nodes' stores open.
 */
class StartupIT {
  @Test
  void healthAnswersWhileTheStoreIsNotThereAndOtherRoutesSay503() {
    CompletableFuture<Store> failed = new CompletableFuture<>();
    failed.completeExceptionally(new StoreException("disk on fire", new IllegalStateException()));
    try (ApiServer server =
        ApiServer.start(failed, ServerSettings.of("127.0.0.1", 0, "test"), Clock.systemUTC())) {
      Client client = new Client("http://127.0.0.1:" + server.port());
      assertThat(client.get("/health").status()).isEqualTo(200);
      Client.Reply ready = client.get("/health/ready");
      assertThat(ready.status()).isEqualTo(503);
      assertThat(ready.json().path("status").asText()).isEqualTo("unreachable");
      assertThat(ready.body()).doesNotContain("disk on fire");
      assertThat(client.get("/openapi.json").status()).isEqualTo(200);
      // Without credentials the answer is 401 whatever the store; with some, they must be checked.
      assertThat(client.get("/me").status()).isEqualTo(401);
      Client.Reply me = client.withBearer("some-token").get("/me");
      assertThat(me.status()).isEqualTo(503);
      assertThat(me.errorCode()).isEqualTo("unavailable");
      assertThat(me.body()).doesNotContain("disk on fire");
    }
  }
}
