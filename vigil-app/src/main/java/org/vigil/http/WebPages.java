/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.vigil.access.Permission;
import org.vigil.audit.AuditAction;
import org.vigil.auth.Principal;
import org.vigil.model.Entity;
import org.vigil.model.PropertyType;
import org.vigil.model.Source;
import org.vigil.model.Statement;
import org.vigil.search.SearchQuery;
import org.vigil.search.SearchResults;
import org.vigil.store.StatementRepository;

/**
 * The analyst's pages, rendered on the server from the same store reads as the API (so the same
 * markings apply): the home page with search, and an entity page that shows every value with the
 * source, span, extractor and marking it came from.
 */
final class WebPages {
  private static final int RESULTS = 25;
  private static final int REFERENCES = 50;
  // What says most about a link in one line: a membership's role, a sanction's authority and
  // programme, and when.
  private static final List<String> LINK_DETAILS =
      List.of("role", "relationship", "authority", "program", "listingDate", "startDate", "date");

  private final Supplier<Backend> backend;
  private final byte[] stylesheet;

  WebPages(Supplier<Backend> backend) {
    this.backend = requireNonNull(backend, "backend");
    this.stylesheet = resource("assets/vigil.css");
  }

  void register(Routes routes) {
    routes.page("/", Permission.READ, this::home);
    routes.page("/entities/{id}", Permission.READ, this::entity);
    routes.page("/assets/vigil.css", Permission.ANONYMOUS, this::css);
  }

  private void home(Context ctx) {
    Principal who = Requests.principal(ctx);
    String q = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
    Html page = Html.page(q.isEmpty() ? "Home" : q, who, q);
    if (q.isEmpty()) {
      page.raw("<h1>Search the picture</h1><p class=\"hint\">Every fact here is a statement with")
          .raw(" its source, the span it was read from and a TLP marking; you see what your")
          .raw(" organisation may see.</p>");
    } else if (q.length() > SearchQuery.MAX_TEXT) {
      page.raw("<p class=\"error\">The search text is longer than ")
          .text(Integer.toString(SearchQuery.MAX_TEXT))
          .raw(" characters.</p>");
    } else {
      Backend b = backend.get();
      SearchResults results =
          b.store().search().search(new SearchQuery(q, Optional.empty(), RESULTS), who.viewer());
      b.audit().record(ctx, who, AuditAction.SEARCH, "*", q + " (" + results.total() + " hits)");
      page.raw("<h1>")
          .text(String.format(Locale.ROOT, "%,d", results.total()))
          .raw(results.total() == 1 ? " result" : " results")
          .raw(" for “")
          .text(q)
          .raw("”</h1><ol class=\"hits\">");
      for (SearchResults.Hit hit : results.hits()) {
        page.raw("<li><a href=\"/entities/")
            .text(encode(hit.entityId()))
            .raw("\">")
            .text(hit.caption())
            .raw("</a> <span class=\"schema\">")
            .text(hit.schema().ftmName())
            .raw("</span>");
        for (String snippet : hit.snippets()) {
          // Snippets come from the index already escaped, with <mark> around the matched words.
          page.raw("<div class=\"snippet\">").raw(snippet).raw("</div>");
        }
        page.raw("</li>");
      }
      page.raw("</ol>");
    }
    ctx.html(page.end());
  }

  private void entity(Context ctx) {
    Principal who = Requests.principal(ctx);
    String id = ctx.pathParam("id");
    Backend b = backend.get();
    StatementRepository statements = b.store().statements();
    Optional<Entity> found =
        PropertyType.isEntityId(id) ? statements.entity(id, who.viewer()) : Optional.empty();
    b.audit()
        .record(ctx, who, AuditAction.READ_ENTITY, id, found.isPresent() ? "page" : "not found");
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
    Entity entity = found.get();
    Map<String, Optional<Source>> sources = new HashMap<>();
    Html page = Html.page(entity.caption(), who, "");
    page.raw("<h1>")
        .text(entity.caption())
        .raw(" <span class=\"schema\">")
        .text(entity.schema().ftmName())
        .raw("</span></h1>");
    if (entity.memberIds().size() > 1) {
      page.raw("<p class=\"hint\">Merged from ")
          .text(String.join(", ", entity.memberIds()))
          .raw("</p>");
    }
    page.raw("<table class=\"statements\"><thead><tr><th>property</th><th>value</th>")
        .raw(
            "<th>source</th><th>read by</th><th>marking</th><th>last seen</th></tr></thead><tbody>");
    for (Map.Entry<String, List<Statement>> e : entity.byProperty().entrySet()) {
      for (Statement s : e.getValue()) {
        Optional<Source> source =
            sources.computeIfAbsent(s.sourceId(), sid -> statements.source(sid, who.viewer()));
        page.raw("<tr><td>").text(e.getKey()).raw("</td><td>");
        if (s.isReference()) {
          page.raw("<a href=\"/entities/")
              .text(encode(s.value()))
              .raw("\">")
              .text(s.value())
              .raw("</a>");
        } else {
          page.text(s.value());
        }
        page.raw("</td><td>");
        source.ifPresentOrElse(
            src ->
                page.text(src.title())
                    .raw(" <span class=\"grade\" title=\"")
                    .text(src.reliability().description())
                    .raw("\">")
                    .text(src.reliability().name())
                    .raw("</span>"),
            () -> page.text(s.sourceId()));
        s.span()
            .ifPresent(
                span ->
                    page.raw(" <span class=\"span\">chars ")
                        .text(span.start() + "–" + span.end())
                        .raw("</span>"));
        page.raw("</td><td>")
            .text(s.extractor())
            .text(String.format(Locale.ROOT, " (%.2f)", s.confidence()))
            .raw("</td><td>")
            .marking(s.marking())
            .raw("</td><td>")
            .text(s.lastSeen().toString().substring(0, 10))
            .raw("</td></tr>");
      }
    }
    page.raw("</tbody></table>");
    List<Entity> links = statements.referencing(entity.id(), who.viewer(), REFERENCES);
    if (!links.isEmpty()) {
      page.raw("<h2>Links</h2><ul class=\"links\">");
      for (Entity link : links) {
        page.raw("<li><a href=\"/entities/")
            .text(encode(link.id()))
            .raw("\">")
            .text(link.schema().ftmName())
            .raw("</a>");
        for (String property : link.schema().required()) {
          for (String end : link.values(property)) {
            if (!entity.memberIds().contains(end)) {
              page.raw(" ")
                  .text(property)
                  .raw(": <a href=\"/entities/")
                  .text(encode(end))
                  .raw("\">")
                  .text(end)
                  .raw("</a>");
            }
          }
        }
        List<String> details = new ArrayList<>();
        for (String property : LINK_DETAILS) {
          details.addAll(link.values(property));
        }
        if (!details.isEmpty()) {
          page.raw(" <span class=\"hint\">").text(String.join(" · ", details)).raw("</span>");
        }
        page.raw("</li>");
      }
      page.raw("</ul>");
    }
    ctx.html(page.end());
  }

  private void css(Context ctx) {
    ctx.contentType("text/css; charset=utf-8");
    ctx.header("Cache-Control", "public, max-age=3600");
    ctx.result(stylesheet);
  }

  private static String encode(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8);
  }

  private static byte[] resource(String name) {
    try (InputStream in = WebPages.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource org/vigil/http/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
