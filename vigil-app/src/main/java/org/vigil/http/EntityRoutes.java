/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.function.Supplier;
import org.vigil.access.Permission;
import org.vigil.audit.AuditAction;
import org.vigil.auth.Principal;
import org.vigil.dossier.EntityDossier;
import org.vigil.dossier.EntityDossiers;
import org.vigil.model.PropertyType;
import org.vigil.model.Schema;
import org.vigil.search.SearchQuery;
import org.vigil.search.SearchResults;
import org.vigil.watchlists.ListScreening;

/**
 * Reading entities: one by id, or a search. Both answer only from what the caller may see; an
 * entity the caller may not see is "not found", exactly like one that does not exist.
 */
final class EntityRoutes {
  static final int DEFAULT_LIMIT = 20;

  private final Supplier<Backend> backend;
  private final EntityDossiers dossiers;

  /** Routes that read each entity as its page does, screening it with {@code screening}. */
  EntityRoutes(Supplier<Backend> backend, ListScreening screening) {
    this.backend = requireNonNull(backend, "backend");
    this.dossiers = new EntityDossiers(requireNonNull(screening, "screening"));
  }

  void register(Routes routes) {
    routes.get("/entities/{id}", Permission.READ, this::entity);
    routes.get("/entities", Permission.READ, this::search);
  }

  private void entity(Context ctx) {
    Principal who = Requests.principal(ctx);
    Backend b = backend.get();
    String id = ctx.pathParam("id");
    if (!PropertyType.isEntityId(id)) {
      throw ApiException.invalidValue("'" + id + "' is not a valid entity id");
    }
    Optional<EntityDossier> dossier = dossiers.read(b.store(), id, who.viewer());
    b.audit()
        .record(ctx, who, AuditAction.READ_ENTITY, id, dossier.isPresent() ? "shown" : "not found");
    RelationCaption captions = new RelationCaption(b.store(), who.viewer());
    ctx.json(
        EntityJson.entity(
            dossier.orElseThrow(() -> ApiException.notFound("no entity " + id)),
            captions::caption));
  }

  private void search(Context ctx) {
    Principal who = Requests.principal(ctx);
    String text = Optional.ofNullable(ctx.queryParam("q")).orElse("");
    if (text.isBlank()) {
      throw ApiException.badRequest("the query parameter q (the search text) is missing");
    }
    Optional<Schema> schema =
        Optional.ofNullable(ctx.queryParam("schema")).filter(s -> !s.isBlank()).map(Schema::expect);
    SearchQuery query = new SearchQuery(text, schema, limit(ctx.queryParam("limit")));
    Backend b = backend.get();
    SearchResults results =
        new RelationCaption(b.store(), who.viewer())
            .captioned(b.store().search().search(query, who.viewer()));
    b.audit()
        .record(
            ctx,
            who,
            AuditAction.SEARCH,
            schema.map(Schema::ftmName).orElse("*"),
            text + " (" + results.total() + " hits)");
    ctx.json(EntityJson.search(results));
  }

  private static int limit(String raw) {
    if (raw == null || raw.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      return Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      throw ApiException.invalidValue(
          "limit '" + raw + "' is not a number; use 1.." + SearchQuery.MAX_LIMIT);
    }
  }
}
