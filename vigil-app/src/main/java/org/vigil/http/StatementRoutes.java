/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.function.Supplier;
import org.vigil.access.Permission;
import org.vigil.audit.AuditAction;
import org.vigil.auth.Principal;
import org.vigil.store.StatementRepository;

/** Writing statements: a source and its statements, all stored or none. */
final class StatementRoutes {
  /** What a write did. */
  record WriteResult(String sourceId, int received, int inserted, int updated) {}

  private final Supplier<Backend> backend;
  private final ObjectMapper mapper;
  private final long maxBodyBytes;
  private final Clock clock;

  StatementRoutes(Supplier<Backend> backend, ObjectMapper mapper, long maxBodyBytes, Clock clock) {
    this.backend = requireNonNull(backend, "backend");
    this.mapper = requireNonNull(mapper, "mapper");
    this.maxBodyBytes = maxBodyBytes;
    this.clock = requireNonNull(clock, "clock");
  }

  void register(Routes routes) {
    routes.post("/statements", Permission.WRITE, this::write);
  }

  private void write(Context ctx) {
    Principal who = Requests.principal(ctx);
    Backend b = backend.get();
    JsonNode body = Json.readObject(ctx, mapper, maxBodyBytes);
    WriteRequestReader.WriteRequest request =
        new WriteRequestReader(b.store().accounts(), who.viewer(), clock.instant()).read(body);
    StatementRepository.WriteSummary summary =
        b.store()
            .audited(
                () -> b.store().statements().write(request.source(), request.statements()),
                written ->
                    b.audit()
                        .event(
                            ctx,
                            who,
                            AuditAction.WRITE,
                            written.sourceId(),
                            request.statements().size()
                                + " statements ("
                                + written.inserted()
                                + " new, "
                                + written.updated()
                                + " seen again)"));
    ctx.json(
        new WriteResult(
            summary.sourceId(),
            request.statements().size(),
            summary.inserted(),
            summary.updated()));
  }
}
