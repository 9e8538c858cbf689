/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.vigil.auth.Authenticator;
import org.vigil.auth.PasswordHasher;
import org.vigil.store.Store;

/**
 * What the routes work on: the store and the services built on it. The server starts listening
 * before the store has finished opening (migrations, a remote database), so routes reach the
 * backend through {@link #pending}, which waits a little and then answers 503.
 */
public record Backend(Store store, Authenticator authenticator, AuditTrail audit) {
  /** How long a request waits for a store that is still opening before it gets 503. */
  static final Duration OPENING_WAIT = Duration.ofSeconds(20);

  public Backend {
    requireNonNull(store, "store");
    requireNonNull(authenticator, "authenticator");
    requireNonNull(audit, "audit");
  }

  static Backend on(Store store, ServerSettings settings, Clock clock) {
    return new Backend(
        store,
        new Authenticator(
            store, PasswordHasher.standard(), clock, settings.sessionTtl(), settings.sessionIdle()),
        new AuditTrail(store.audit(), clock));
  }

  /** The backend once {@code store} has opened; before that, a wait and then 503. */
  static Supplier<Backend> pending(
      CompletionStage<Store> store, ServerSettings settings, Clock clock) {
    CompletableFuture<Backend> backend =
        store.thenApply(s -> on(s, settings, clock)).toCompletableFuture();
    return () -> await(backend);
  }

  private static Backend await(CompletableFuture<Backend> backend) {
    try {
      return backend.get(OPENING_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new ApiException(503, "unavailable", "Vigil is still starting; try again shortly");
    } catch (ExecutionException e) {
      throw new ApiException(503, "unavailable", "the store could not be opened");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(503, "unavailable", "the request was interrupted");
    }
  }
}
