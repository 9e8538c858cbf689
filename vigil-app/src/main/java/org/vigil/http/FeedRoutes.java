/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Supplier;
import org.vigil.access.Permission;
import org.vigil.audit.AuditAction;
import org.vigil.auth.Principal;
import org.vigil.sharing.FeedCache;
import org.vigil.sharing.FtmExport;
import org.vigil.sharing.MispFeed;

/**
 * What a partner's system pulls with its own credentials: a MISP feed (manifest.json, hashes.csv
 * and one UUID.json per event, the layout MISP's feed fetcher and PyMISP read under a feed URL) and
 * the FollowTheMoney entities as JSON lines. Each is made, on every request, only of what the
 * caller's organisation may read (the recipient rules of {@link MispFeed} and {@link FtmExport}:
 * TLP:RED never, AMBER+STRICT only to its owner), and every id it releases is audited. Built feeds
 * are kept per organisation view in a {@link FeedCache} until the store changes, and at most two
 * are built at once; a request that waits too long for a build is answered 503.
 */
final class FeedRoutes {
  static final String MISP = "/feeds/misp";
  static final String JSON_LINES = "application/x-ndjson";

  private final Supplier<Backend> backend;
  private final ObjectMapper mapper;
  private final Clock clock;
  private FeedCache cache;

  FeedRoutes(Supplier<Backend> backend, ObjectMapper mapper, Clock clock) {
    this.backend = requireNonNull(backend, "backend");
    this.mapper = requireNonNull(mapper, "mapper");
    this.clock = requireNonNull(clock, "clock");
  }

  void register(Routes routes) {
    // Before {event}.json, which the manifest's name would also match.
    routes.get(MISP + "/manifest.json", Permission.EXPORT, this::mispManifest);
    routes.get(MISP + "/hashes.csv", Permission.EXPORT, this::mispHashes);
    routes.get(MISP + "/{event}.json", Permission.EXPORT, this::mispEvent);
    routes.get("/feeds/ftm", Permission.EXPORT, this::ftm);
  }

  private void mispManifest(Context ctx) {
    Principal who = Requests.principal(ctx);
    MispFeed.Outcome feed =
        busy(() -> misp().feedFor(who.user().orgId(), who.user().id(), address(ctx), cache()));
    noted(ctx, who, "misp:" + who.user().orgId(), "MISP feed manifest.json");
    send(ctx, "application/json", json(MispFeed.manifest(feed)));
  }

  private void mispHashes(Context ctx) {
    Principal who = Requests.principal(ctx);
    MispFeed.Outcome feed =
        busy(() -> misp().feedFor(who.user().orgId(), who.user().id(), address(ctx), cache()));
    noted(ctx, who, "misp:" + who.user().orgId(), "MISP feed hashes.csv");
    send(ctx, "text/csv; charset=utf-8", MispFeed.hashes(feed));
  }

  private void mispEvent(Context ctx) {
    Principal who = Requests.principal(ctx);
    String uuid = ctx.pathParam("event");
    MispFeed.FeedEvent event =
        busy(() ->
                misp().eventFor(who.user().orgId(), uuid, who.user().id(), address(ctx), cache()))
            // The same answer whether the event is another organisation's or never existed.
            .orElseThrow(() -> ApiException.notFound("no such event in your feed"));
    noted(ctx, who, "misp:" + who.user().orgId(), "MISP feed event " + event.uuid());
    send(ctx, "application/json", json(event.document()));
  }

  private void ftm(Context ctx) {
    Principal who = Requests.principal(ctx);
    FtmExport.Outcome outcome =
        busy(
            () ->
                new FtmExport(backend.get().store(), clock)
                    .exportFor(who.user().orgId(), who.user().id(), address(ctx), cache()));
    noted(
        ctx,
        who,
        "ftm:" + who.user().orgId(),
        "FtM entities: " + outcome.entities().size() + " lines");
    ctx.status(200);
    ctx.contentType(JSON_LINES);
    try (OutputStream out = ctx.outputStream()) {
      for (ObjectNode entity : outcome.entities()) {
        out.write(mapper.writeValueAsBytes(entity));
        out.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One row naming the route that released (the released ids are in the rows the sharing code
   * wrote); it also keeps the request from getting a second, generic read row.
   */
  private void noted(Context ctx, Principal who, String target, String what) {
    backend.get().audit().record(ctx, who, AuditAction.EXPORT, target, what);
  }

  /** The server's feed cache, made with the store once it is open. */
  private synchronized FeedCache cache() {
    if (cache == null) {
      cache = FeedCache.standard(backend.get().store(), clock);
    }
    return cache;
  }

  /** How many feeds this server has built rather than served from its cache. */
  synchronized long builds() {
    return cache == null ? 0 : cache.builds();
  }

  private static <T> T busy(Supplier<T> work) {
    try {
      return work.get();
    } catch (FeedCache.Busy e) {
      throw new ApiException(
          503, "busy", e.getMessage(), java.util.Optional.of(java.time.Duration.ofSeconds(5)));
    }
  }

  private MispFeed misp() {
    return new MispFeed(backend.get().store(), clock);
  }

  private String json(ObjectNode node) {
    try {
      return mapper.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void send(Context ctx, String type, String body) {
    ctx.status(200);
    ctx.contentType(type);
    ctx.result(body.getBytes(StandardCharsets.UTF_8));
  }

  private static String address(Context ctx) {
    return Requests.remoteAddress(ctx);
  }
}
