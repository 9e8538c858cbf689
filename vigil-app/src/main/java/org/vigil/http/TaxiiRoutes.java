/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.vigil.access.Permission;
import org.vigil.audit.AuditAction;
import org.vigil.auth.Principal;
import org.vigil.model.InvalidValueException;
import org.vigil.sharing.DanglingReferences;
import org.vigil.sharing.TaxiiCollection;
import org.vigil.sharing.TaxiiCollections;
import org.vigil.stix.StixIds;
import org.vigil.stix.StixTime;
import org.vigil.store.TaxiiRepository;
import org.vigil.store.TaxiiRepository.Cursor;
import org.vigil.store.TaxiiRepository.Filter;
import org.vigil.store.TaxiiRepository.NewObject;
import org.vigil.store.TaxiiRepository.Page;
import org.vigil.store.TaxiiRepository.StoredObject;

/**
 * The TAXII 2.1 server under {@code /taxii2/}: discovery, one API root, the caller's collections
 * ({@link TaxiiCollections}), objects with paging by a (date added, id, version) cursor, manifest,
 * versions, add with a status resource, and delete. Every answer is TAXII's media type; every read
 * is audited with the ids of the objects it released.
 */
final class TaxiiRoutes {
  static final int DEFAULT_LIMIT = 1_000;
  static final int MAX_LIMIT = 10_000;
  private static final String ROOT = Routes.TAXII_PREFIX + "/api/";
  private static final String STIX_TYPE = "application/stix+json;version=2.1";

  private final Supplier<Backend> backend;
  private final ObjectMapper json = Json.mapper();
  private final long maxBodyBytes;
  private final Clock clock;

  TaxiiRoutes(Supplier<Backend> backend, long maxBodyBytes, Clock clock) {
    this.backend = requireNonNull(backend, "backend");
    this.maxBodyBytes = maxBodyBytes;
    this.clock = requireNonNull(clock, "clock");
  }

  void register(Routes routes) {
    String c = "/api/collections/{collection}";
    routes.taxii(HandlerType.GET, "/", Permission.READ, this::discovery);
    routes.taxii(HandlerType.GET, "/api/", Permission.READ, this::apiRoot);
    routes.taxii(HandlerType.GET, "/api/status/{status}/", Permission.READ, this::status);
    routes.taxii(HandlerType.GET, "/api/collections/", Permission.READ, this::collections);
    routes.taxii(HandlerType.GET, c + "/", Permission.READ, this::collection);
    routes.taxii(HandlerType.GET, c + "/objects/", Permission.READ, this::objects);
    routes.taxii(HandlerType.POST, c + "/objects/", Permission.WRITE, this::add);
    routes.taxii(HandlerType.GET, c + "/objects/{object}/", Permission.READ, this::object);
    routes.taxii(HandlerType.DELETE, c + "/objects/{object}/", Permission.WRITE, this::delete);
    routes.taxii(
        HandlerType.GET, c + "/objects/{object}/versions/", Permission.READ, this::versions);
    routes.taxii(HandlerType.GET, c + "/manifest/", Permission.READ, this::manifest);
  }

  private void discovery(Context ctx) {
    TaxiiMedia.checkAccept(ctx);
    ObjectNode out = json.createObjectNode();
    out.put("title", "Vigil TAXII 2.1");
    out.put(
        "description", "What your organisation may read, one collection per owner and TLP level.");
    out.put("default", ROOT);
    out.putArray("api_roots").add(ROOT);
    TaxiiMedia.send(ctx, 200, out);
  }

  private void apiRoot(Context ctx) {
    TaxiiMedia.checkAccept(ctx);
    ObjectNode out = json.createObjectNode();
    out.put("title", "Vigil");
    out.putArray("versions").add(TaxiiMedia.TYPE);
    out.put("max_content_length", maxBodyBytes);
    TaxiiMedia.send(ctx, 200, out);
  }

  private void collections(Context ctx) {
    TaxiiMedia.checkAccept(ctx);
    Principal who = Requests.principal(ctx);
    ArrayNode list = json.createArrayNode();
    for (TaxiiCollection c : collectionsOf().visibleTo(who.viewer(), who.may(Permission.WRITE))) {
      list.add(describe(c));
    }
    ObjectNode out = json.createObjectNode();
    out.set("collections", list);
    TaxiiMedia.send(ctx, 200, out);
  }

  private void collection(Context ctx) {
    TaxiiMedia.checkAccept(ctx);
    TaxiiMedia.send(ctx, 200, describe(find(ctx)));
  }

  private ObjectNode describe(TaxiiCollection c) {
    ObjectNode o = json.createObjectNode();
    o.put("id", c.id());
    o.put("title", c.title());
    o.put("description", "Objects " + c.ownerOrg() + " shares as " + c.tlp().label());
    o.put("can_read", c.canRead());
    o.put("can_write", c.canWrite());
    o.putArray("media_types").add(STIX_TYPE);
    return o;
  }

  private TaxiiCollection find(Context ctx) {
    Principal who = Requests.principal(ctx);
    String id = ctx.pathParam("collection");
    return collectionsOf()
        .find(id, who.viewer(), who.may(Permission.WRITE))
        .orElseThrow(() -> ApiException.notFound("no collection " + safe(id)));
  }

  private TaxiiCollection readable(Context ctx) {
    TaxiiCollection c = find(ctx);
    if (!c.canRead()) {
      throw ApiException.forbidden("this collection is not readable by your organisation");
    }
    return c;
  }

  private void objects(Context ctx) {
    TaxiiMedia.checkAccept(ctx);
    TaxiiCollection c = readable(ctx);
    Filter filter = TaxiiQuery.filter(ctx, List.of(), "last");
    Page page = page(ctx, c, filter);
    ArrayNode objects = json.createArrayNode();
    for (StoredObject o : page.objects()) {
      objects.add(parse(o.json()));
    }
    released(ctx, c, page);
    TaxiiMedia.send(ctx, 200, envelope(page, "objects", objects));
  }

  private void object(Context ctx) {
    TaxiiMedia.checkAccept(ctx);
    TaxiiCollection c = readable(ctx);
    String objectId = ctx.pathParam("object");
    Filter filter = TaxiiQuery.filter(ctx, List.of(objectId), "last");
    Page page = page(ctx, c, filter);
    if (page.objects().isEmpty()) {
      released(ctx, c, page);
      throw ApiException.notFound("no object " + safe(objectId) + " in this collection");
    }
    ArrayNode objects = json.createArrayNode();
    page.objects().forEach(o -> objects.add(parse(o.json())));
    released(ctx, c, page);
    TaxiiMedia.send(ctx, 200, envelope(page, "objects", objects));
  }

  private void manifest(Context ctx) {
    TaxiiMedia.checkAccept(ctx);
    TaxiiCollection c = readable(ctx);
    Page page = page(ctx, c, TaxiiQuery.filter(ctx, List.of(), "last"));
    ArrayNode records = json.createArrayNode();
    for (StoredObject o : page.objects()) {
      ObjectNode r = records.addObject();
      r.put("id", o.objectId());
      r.put("date_added", StixTime.formatMicros(StixTime.ofMicros(o.dateAddedMicros())));
      r.put("version", o.versionText());
      r.put("media_type", STIX_TYPE);
    }
    released(ctx, c, page);
    TaxiiMedia.send(ctx, 200, envelope(page, "objects", records));
  }

  private void versions(Context ctx) {
    TaxiiMedia.checkAccept(ctx);
    TaxiiCollection c = readable(ctx);
    String objectId = ctx.pathParam("object");
    Filter filter = TaxiiQuery.filter(ctx, List.of(objectId), "all");
    Page all = store().objects(c.id(), filter, Optional.empty(), MAX_LIMIT);
    List<StoredObject> sorted = new ArrayList<>(all.objects());
    sorted.sort(Comparator.comparingLong(StoredObject::versionMicros));
    Optional<Long> after = TaxiiQuery.versionCursor(ctx);
    sorted.removeIf(o -> after.isPresent() && o.versionMicros() <= after.get());
    int limit = TaxiiQuery.limit(ctx, DEFAULT_LIMIT, MAX_LIMIT);
    boolean more = sorted.size() > limit;
    List<StoredObject> shown = sorted.subList(0, Math.min(limit, sorted.size()));
    if (shown.isEmpty()) {
      released(ctx, c, new Page(List.of(), false));
      throw ApiException.notFound("no object " + safe(objectId) + " in this collection");
    }
    ObjectNode out = json.createObjectNode();
    out.put("more", more);
    if (more) {
      out.put("next", "v" + shown.get(shown.size() - 1).versionMicros());
    }
    ArrayNode versions = out.putArray("versions");
    shown.forEach(o -> versions.add(o.versionText()));
    Page page = new Page(shown, more);
    dateHeaders(ctx, page);
    released(ctx, c, page);
    TaxiiMedia.send(ctx, 200, out);
  }

  private Page page(Context ctx, TaxiiCollection c, Filter filter) {
    int limit = TaxiiQuery.limit(ctx, DEFAULT_LIMIT, MAX_LIMIT);
    Optional<Cursor> cursor = TaxiiQuery.cursor(ctx);
    Page page = store().objects(c.id(), filter, cursor, limit);
    dateHeaders(ctx, page);
    return page;
  }

  private static void dateHeaders(Context ctx, Page page) {
    if (!page.objects().isEmpty()) {
      long first =
          page.objects().stream().mapToLong(StoredObject::dateAddedMicros).min().orElseThrow();
      long last =
          page.objects().stream().mapToLong(StoredObject::dateAddedMicros).max().orElseThrow();
      ctx.header("X-TAXII-Date-Added-First", StixTime.formatMicros(StixTime.ofMicros(first)));
      ctx.header("X-TAXII-Date-Added-Last", StixTime.formatMicros(StixTime.ofMicros(last)));
    }
  }

  private ObjectNode envelope(Page page, String field, ArrayNode items) {
    ObjectNode out = json.createObjectNode();
    out.put("more", page.more());
    if (page.more()) {
      StoredObject last = page.objects().get(page.objects().size() - 1);
      out.put(
          "next",
          TaxiiQuery.token(
              new Cursor(last.dateAddedMicros(), last.objectId(), last.versionMicros())));
    }
    if (!items.isEmpty()) {
      out.set(field, items);
    }
    return out;
  }

  private void add(Context ctx) {
    TaxiiMedia.checkAccept(ctx);
    TaxiiMedia.checkContentType(ctx);
    Principal who = Requests.principal(ctx);
    TaxiiCollection c = find(ctx);
    if (!c.canWrite()) {
      throw ApiException.forbidden("your organisation may not write to this collection");
    }
    JsonNode envelope;
    try {
      // Counted as it is read: a body sent in chunks, without a length, is refused (413) past the
      // limit the API root announces as max_content_length, never read whole first.
      envelope = json.readTree(Json.readBounded(ctx, maxBodyBytes));
    } catch (java.io.IOException e) {
      throw ApiException.badRequest("the body is not a JSON document");
    }
    if (envelope == null || !envelope.path("objects").isArray()) {
      throw ApiException.badRequest("the body must be a TAXII envelope with an 'objects' array");
    }
    long now = StixTime.micros(clock.instant());
    Addition addition = check(envelope, now, c.ownerOrg());
    Backend b = backend.get();
    String statusId = addition.status().get("id").asText();
    b.store()
        .audited(
            () -> {
              collectionsOf().ensureStored(c);
              if (!addition.accepted().isEmpty()) {
                store().add(c.id(), addition.accepted(), now);
              }
              store()
                  .saveStatus(
                      new TaxiiRepository.Status(
                          statusId,
                          c.id(),
                          c.ownerOrg(),
                          now,
                          addition.status().get("total_count").asInt(),
                          addition.status().get("success_count").asInt(),
                          addition.status().get("failure_count").asInt(),
                          addition.status().toString()));
              return null;
            },
            ignored ->
                b.audit()
                    .event(
                        ctx,
                        who,
                        AuditAction.WRITE,
                        "taxii:" + c.id(),
                        "added "
                            + addition.accepted().size()
                            + " of "
                            + addition.status().get("total_count").asInt()
                            + " objects, status "
                            + statusId));
    TaxiiMedia.send(ctx, 202, addition.status());
  }

  /** The objects an add request may store, and its status resource (complete: adds are atomic). */
  private record Addition(List<NewObject> accepted, ObjectNode status) {}

  private Addition check(JsonNode envelope, long now, String ownerOrg) {
    List<NewObject> accepted = new ArrayList<>();
    List<JsonNode> acceptedObjects = new ArrayList<>();
    Set<String> acceptedIds = new HashSet<>();
    List<ObjectNode> successDetails = new ArrayList<>();
    ArrayNode successes = json.createArrayNode();
    ArrayNode failures = json.createArrayNode();
    int index = 0;
    for (JsonNode o : envelope.path("objects")) {
      try {
        NewObject n = TaxiiQuery.newObject(o, now, json);
        accepted.add(n);
        acceptedObjects.add(o);
        acceptedIds.add(n.objectId());
        successDetails.add(
            successes.addObject().put("id", n.objectId()).put("version", n.versionText()));
      } catch (InvalidValueException e) {
        ObjectNode f = failures.addObject();
        f.put(
            "id",
            o.path("id").isTextual() ? safe(o.path("id").asText()) : "objects[" + index + "]");
        f.put("message", e.getMessage());
      }
      index++;
    }
    danglingMessages(acceptedObjects, acceptedIds, ownerOrg, successDetails);
    ObjectNode status = json.createObjectNode();
    status.put("id", UUID.randomUUID().toString());
    status.put("status", "complete");
    status.put("request_timestamp", StixTime.formatMicros(StixTime.ofMicros(now)));
    status.put("total_count", index);
    status.put("success_count", successes.size());
    status.set("successes", successes);
    status.put("failure_count", failures.size());
    status.set("failures", failures);
    status.put("pending_count", 0);
    status.putArray("pendings");
    return new Addition(accepted, status);
  }

  /**
   * Says, in the status message of each added object that refers to an object neither in the
   * request nor in the collection owner's collections, which references dangle. STIX lets them
   * dangle, so the object is added all the same; only the owner's own collections are looked in.
   */
  private void danglingMessages(
      List<JsonNode> objects, Set<String> ids, String ownerOrg, List<ObjectNode> details) {
    Map<String, List<String>> reasons = new HashMap<>();
    for (DanglingReferences.Dangling d :
        new DanglingReferences(backend.get().store(), ownerOrg, "request")
            .of(objects, ids::contains)) {
      reasons.computeIfAbsent(d.object(), k -> new ArrayList<>()).add(d.reason());
    }
    for (ObjectNode detail : details) {
      List<String> r = reasons.get(detail.path("id").asText());
      if (r != null) {
        detail.put("message", "dangling reference: " + String.join("; ", r));
      }
    }
  }

  private void delete(Context ctx) {
    TaxiiMedia.checkAccept(ctx);
    Principal who = Requests.principal(ctx);
    TaxiiCollection c = find(ctx);
    if (!c.canWrite()) {
      throw ApiException.forbidden("your organisation may not delete from this collection");
    }
    String objectId = ctx.pathParam("object");
    Filter filter = TaxiiQuery.filter(ctx, List.of(), "all");
    Backend b = backend.get();
    int deleted =
        b.store()
            .audited(
                () -> store().delete(c.id(), objectId, filter),
                n ->
                    b.audit()
                        .event(
                            ctx,
                            who,
                            AuditAction.WRITE,
                            "taxii:" + c.id(),
                            "deleted " + n + " versions of " + safe(objectId)));
    if (deleted == 0) {
      throw ApiException.notFound("no object " + safe(objectId) + " in this collection");
    }
    TaxiiMedia.send(ctx, 200, json.createObjectNode());
  }

  private void status(Context ctx) {
    TaxiiMedia.checkAccept(ctx);
    Principal who = Requests.principal(ctx);
    String id = ctx.pathParam("status");
    for (TaxiiCollection c : collectionsOf().visibleTo(who.viewer(), who.may(Permission.WRITE))) {
      if (c.canWrite()) {
        Optional<TaxiiRepository.Status> s = store().status(id, c.id(), who.viewer().orgId());
        if (s.isPresent()) {
          TaxiiMedia.send(ctx, 200, parse(s.get().detailsJson()));
          return;
        }
      }
    }
    throw ApiException.notFound("no status " + safe(id));
  }

  /** Audits a read with every object id it released, in rows the audit log can hold. */
  private void released(Context ctx, TaxiiCollection c, Page page) {
    Principal who = Requests.principal(ctx);
    AuditTrail audit = backend.get().audit();
    String target = "taxii:" + c.id();
    if (page.objects().isEmpty()) {
      audit.record(ctx, who, AuditAction.EXPORT, target, "released 0 objects");
      return;
    }
    int total = page.objects().size();
    List<String> rows = new ArrayList<>();
    StringBuilder ids = new StringBuilder();
    int from = 1;
    for (int i = 0; i < total; i++) {
      String id = page.objects().get(i).objectId();
      if (ids.length() > 0 && ids.length() + id.length() + 40 > AuditTrail.MAX_FIELD) {
        rows.add(released(from, i, total, ids));
        ids.setLength(0);
        from = i + 1;
      }
      ids.append(ids.length() == 0 ? "" : ",").append(id);
    }
    rows.add(released(from, total, total, ids));
    audit.recordAll(ctx, who, AuditAction.EXPORT, target, rows);
  }

  private static String released(int from, int to, int total, CharSequence ids) {
    return "released " + from + "-" + to + " of " + total + ": " + ids;
  }

  private JsonNode parse(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored TAXII object is not JSON", e);
    }
  }

  /** An id from the request, echoed only when it has an id's shape. */
  private static String safe(String id) {
    return StixIds.isValid(id) || id.matches("[0-9a-f-]{36}") ? id : "(not an id)";
  }

  private TaxiiCollections collectionsOf() {
    return new TaxiiCollections(backend.get().store());
  }

  private TaxiiRepository store() {
    return backend.get().store().taxii();
  }
}
