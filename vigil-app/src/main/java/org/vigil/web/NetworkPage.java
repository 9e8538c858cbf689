/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.vigil.access.Permission;
import org.vigil.audit.AuditAction;
import org.vigil.auth.Principal;
import org.vigil.http.Backend;
import org.vigil.http.Requests;
import org.vigil.http.Routes;
import org.vigil.model.Entity;
import org.vigil.model.PropertyType;
import org.vigil.model.Schema;

/**
 * The graph explorer's page: the controls and an empty canvas. {@code graph.js} draws the network
 * with Cytoscape.js (served by Vigil from its WebJar) from the graph API, which applies the
 * viewer's markings; this page only checks that the starting entity exists for the viewer.
 */
public final class NetworkPage {
  /** The neighbourhood size asked for at first; the API says when it had to cut. */
  static final int DEFAULT_LIMIT = 500;

  public static final String CYTOSCAPE = "/assets/lib/cytoscape/3.33.1/dist/cytoscape.min.js";

  /** The fCoSE layout and the two libraries it rests on, in the order they must load. */
  public static final List<String> LAYOUT =
      List.of(
          "/assets/lib/layout-base/2.0.1/layout-base.js",
          "/assets/lib/cose-base/2.2.0/cose-base.js",
          "/assets/lib/cytoscape-fcose/2.2.0/cytoscape-fcose.js");

  private final Supplier<Backend> backend;

  public NetworkPage(Supplier<Backend> backend) {
    this.backend = requireNonNull(backend, "backend");
  }

  public void register(Routes routes) {
    routes.page("/graph", Permission.READ, this::render);
  }

  private void render(Context ctx) {
    Principal who = Requests.principal(ctx);
    String id = Optional.ofNullable(ctx.queryParam("entity")).orElse("").strip();
    if (id.isEmpty()) {
      ctx.status(400);
      ctx.html(
          Html.page("Network", who, "")
              .raw("<h1>Network</h1><p class=\"error\">Say which entity to start from: ")
              .raw("/graph?entity=ID, or open an entity's page and choose “Network”.</p>")
              .end());
      return;
    }
    Backend b = backend.get();
    Optional<Entity> found =
        PropertyType.isEntityId(id)
            ? b.store().statements().entity(id, who.viewer())
            : Optional.empty();
    b.audit()
        .record(ctx, who, AuditAction.READ_ENTITY, id, found.isPresent() ? "graph" : "not found");
    if (found.isEmpty()) {
      ctx.status(404);
      ctx.html(
          Html.page("Not found", who, "")
              .raw("<h1>Not found</h1><p class=\"error\">There is no entity ")
              .text(id)
              .raw(" that you may see.</p>")
              .end());
      return;
    }
    ctx.html(explorer(found.get(), who));
  }

  /** The explorer's frame around one entity: graph.js fills it from the network API. */
  private static String explorer(Entity entity, Principal who) {
    Html page = Html.page("Network of " + entity.caption(), who, "");
    page.raw("<h1>Network of <a href=\"/entities/")
        .text(java.net.URLEncoder.encode(entity.id(), java.nio.charset.StandardCharsets.UTF_8))
        .raw("\">")
        .text(entity.caption())
        .raw("</a> <span class=\"schema\">")
        .text(entity.schema().ftmName())
        .raw("</span></h1>")
        .raw("<div id=\"graph-app\" class=\"graph-app\" data-entity=\"")
        .text(entity.id())
        .raw("\" data-caption=\"")
        .text(entity.caption())
        .raw("\" data-limit=\"")
        .text(Integer.toString(DEFAULT_LIMIT))
        .raw("\">");
    controls(page);
    page.raw("<p id=\"graph-status\" class=\"hint\" role=\"status\">Loading the network …</p>")
        .raw("<div class=\"graph-body\"><div id=\"cy\" class=\"graph-canvas\"")
        .raw(" aria-label=\"network graph\"></div>")
        .raw("<aside class=\"graph-side\"><section id=\"graph-panel\" class=\"graph-panel\">")
        .raw("<h2>Evidence</h2>")
        .raw("<p class=\"hint\">Click a node to expand its neighbours; click a link to see the")
        .raw(" sentences, documents and extractors it rests on.</p></section>")
        .raw("<section class=\"graph-legend-box\"><h2>Legend</h2>")
        .raw("<div id=\"graph-legend\" class=\"graph-legend\"></div></section></aside></div>")
        .raw("<noscript><p class=\"error\">The network view needs JavaScript; the entity page")
        .raw(" lists the same relationships with their evidence.</p></noscript></div>")
        .raw("<script src=\"")
        .raw(CYTOSCAPE)
        .raw("\" defer></script>");
    for (String script : LAYOUT) {
      page.raw("<script src=\"").raw(script).raw("\" defer></script>");
    }
    page.raw("<script src=\"/assets/graph.js\" defer></script>");
    return page.end();
  }

  private static void controls(Html page) {
    page.raw("<form id=\"graph-filters\" class=\"graph-controls\"><fieldset><legend>Relations")
        .raw("</legend>");
    for (Schema schema : Schema.values()) {
      if (schema.isEdge()) {
        page.raw("<label><input type=\"checkbox\" name=\"schema\" value=\"")
            .text(schema.ftmName())
            .raw("\" checked> ")
            .text(schema == Schema.UNKNOWN_LINK ? "Other link" : schema.ftmName())
            .raw("</label>");
      }
    }
    page.raw("</fieldset><fieldset><legend>Filters</legend>")
        .raw("<label>From <input type=\"date\" name=\"from\"></label>")
        .raw("<label>To <input type=\"date\" name=\"to\"></label>")
        .raw("<label>Confidence ≥ <input type=\"number\" name=\"minConfidence\" min=\"0\"")
        .raw(" max=\"1\" step=\"0.05\" value=\"0\"></label>")
        .raw("<label title=\"Links that are no graded claim (list entries, analysts' notes) are")
        .raw(" kept and marked not graded\">Credibility <select name=\"credibility\">")
        .raw("<option value=\"\">any</option>")
        .raw("<option value=\"1\">1 confirmed</option><option value=\"2\">2 or better</option>")
        .raw("<option value=\"3\">3 or better</option><option value=\"4\">4 or better</option>")
        .raw("<option value=\"5\">5 or better</option></select></label>")
        .raw("<label><input type=\"checkbox\" name=\"hideDisputed\" value=\"true\">")
        .raw(" Hide disputed</label>")
        .raw("<label>Depth <select name=\"depth\"><option>1</option><option selected>2</option>")
        .raw("<option>3</option></select></label>")
        .raw("<button type=\"submit\">Apply</button></fieldset>")
        .raw("<fieldset><legend>Analysis</legend>")
        .raw("<button type=\"button\" id=\"colour-communities\">Colour communities</button>")
        .raw("<label>Size by <select id=\"size-by\"><option value=\"\">nothing</option>")
        .raw("<option value=\"degree\">degree</option><option value=\"pagerank\">PageRank</option>")
        .raw("<option value=\"betweenness\">betweenness</option></select></label></fieldset>")
        .raw("<fieldset class=\"path-finder\"><legend>Path to another entity</legend>")
        .raw("<input type=\"search\" id=\"path-search\" placeholder=\"Search by name\"")
        .raw(" autocomplete=\"off\" aria-label=\"Path to\">")
        .raw("<ul id=\"path-candidates\" class=\"candidates\"></ul></fieldset></form>");
  }
}
