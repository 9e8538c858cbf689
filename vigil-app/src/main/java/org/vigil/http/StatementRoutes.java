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
import org.vigil.store.SourceConflictException;
import org.vigil.store.StatementRepository;

/**
 * Writing statements: a source and its statements, all stored or none. Sources are named in the
 * writer's organisation's own id space ({@link SourceIds}); a stored source keeps its owner and
 * marking.
 */
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
    SourceIds sourceIds = new SourceIds(b.store().statements(), who.viewer());
    WriteRequestReader.WriteRequest request =
        new WriteRequestReader(
                b.store().accounts(), who.viewer(), sourceIds::resolve, clock.instant())
            .read(body);
    String sourceId = request.source().id();
    StatementRepository.WriteSummary summary;
    try {
      // The statements and their audit row are one transaction.
      summary =
          b.store()
              .audited(
                  () ->
                      b.store()
                          .statements()
                          .write(request.source(), request.statements(), who.viewer()),
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
    } catch (SourceConflictException e) {
      throw refusal(e, sourceIds.isOwnVisibleSource(sourceId));
    }
    ctx.json(
        new WriteResult(
            summary.sourceId(),
            request.statements().size(),
            summary.inserted(),
            summary.updated()));
  }

  /**
   * The answer to a write the store refused. About a source the writer may see, the refusal says
   * why; about any other (only an id in the writer's own space that someone else holds, such as a
   * colleague's TLP:RED source), one fixed answer that says nothing of what is there.
   */
  private static ApiException refusal(SourceConflictException e, boolean visible) {
    if (visible && e.kind() == SourceConflictException.Kind.MARKING_FIXED) {
      return new ApiException(
          409,
          "marking_conflict",
          "source.marking: "
              + e.getMessage()
              + "; send the marking it is stored under, or write to a new source");
    }
    return new ApiException(
        409,
        "source_unavailable",
        "source.id: this id cannot be written by you; choose another source id");
  }
}
