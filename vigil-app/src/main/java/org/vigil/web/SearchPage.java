/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.vigil.access.Permission;
import org.vigil.audit.AuditAction;
import org.vigil.auth.Principal;
import org.vigil.http.Backend;
import org.vigil.http.RelationCaption;
import org.vigil.http.Requests;
import org.vigil.http.Routes;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Tlp;
import org.vigil.search.FacetDimension;
import org.vigil.search.SearchQuery;
import org.vigil.search.SearchResults;

/**
 * The search page: documents and entities that match the words, best first, each with its marked
 * snippets and TLP badges, and beside them the facets (schema, country, list or source, programme,
 * marking, year) with their counts; a facet value narrows the search, and a chosen one widens it
 * again. Only what the viewer may see is counted or shown.
 */
public final class SearchPage {
  static final int RESULTS = 25;

  private final Supplier<Backend> backend;

  public SearchPage(Supplier<Backend> backend) {
    this.backend = requireNonNull(backend, "backend");
  }

  public void register(Routes routes) {
    routes.page("/search", Permission.READ, this::search);
  }

  private void search(Context ctx) {
    Principal who = Requests.principal(ctx);
    String q = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
    Html page = Html.page(q.isEmpty() ? "Search" : q, who, q);
    if (q.isEmpty()) {
      page.raw("<h1>Search</h1><p class=\"hint\">Type a name, an organisation or words from a")
          .raw(" report in the box above.</p>");
      ctx.html(page.end());
      return;
    }
    List<SearchQuery.Filter> filters = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    filters(ctx, filters, problems);
    SearchQuery query;
    try {
      query = new SearchQuery(q, Optional.empty(), RESULTS, filters);
    } catch (InvalidValueException e) {
      page.raw("<h1>Search</h1><p class=\"error\">").text(e.getMessage()).raw("</p>");
      ctx.status(400).html(page.end());
      return;
    }
    Backend b = backend.get();
    SearchResults results =
        new RelationCaption(b.store(), who.viewer())
            .captioned(b.store().search().search(query, who.viewer()));
    b.audit().record(ctx, who, AuditAction.SEARCH, "*", q + " (" + results.total() + " hits)");
    page.raw("<h1>")
        .text(String.format(Locale.ROOT, "%,d", results.total()))
        .raw(results.total() == 1 ? " result" : " results")
        .raw(" for “")
        .text(q)
        .raw("”</h1>");
    for (String problem : problems) {
      page.raw("<p class=\"error\">").text(problem).raw("</p>");
    }
    chosenFilters(page, q, filters, who);
    facets(page, q, results, filters, who);
    hits(page, results);
    ctx.html(page.end());
  }

  /** The facet filters the request names; each that is not valid is a problem to show. */
  private static void filters(
      Context ctx, List<SearchQuery.Filter> filters, List<String> problems) {
    for (FacetDimension d : FacetDimension.values()) {
      for (String value : ctx.queryParams(d.key())) {
        if (!value.isBlank()) {
          try {
            filters.add(new SearchQuery.Filter(d, value.strip()));
          } catch (InvalidValueException e) {
            problems.add(e.getMessage());
          }
        }
      }
    }
  }

  private void chosenFilters(Html page, String q, List<SearchQuery.Filter> filters, Principal who) {
    if (!filters.isEmpty()) {
      page.raw("<p class=\"filters\">Narrowed to ");
      for (SearchQuery.Filter f : filters) {
        List<SearchQuery.Filter> others = new ArrayList<>(filters);
        others.remove(f);
        page.raw("<a class=\"chosen\" title=\"Remove this filter\" href=\"")
            .text(url(q, others))
            .raw("\">")
            .text(label(f.dimension()) + ": " + valueLabel(f.dimension(), f.value(), who))
            .raw(" ✕</a> ");
      }
      page.raw("</p>");
    }
  }

  private void facets(
      Html page, String q, SearchResults results, List<SearchQuery.Filter> filters, Principal who) {
    page.raw("<div class=\"search-layout\"><aside class=\"facets\">");
    for (Map.Entry<FacetDimension, List<SearchResults.FacetCount>> e :
        results.facets().entrySet()) {
      page.raw("<section class=\"facet\" data-facet=\"")
          .text(e.getKey().key())
          .raw("\"><h3>")
          .text(label(e.getKey()))
          .raw("</h3><ul>");
      for (SearchResults.FacetCount count : e.getValue()) {
        SearchQuery.Filter filter = new SearchQuery.Filter(e.getKey(), count.value());
        boolean chosen = filters.contains(filter);
        List<SearchQuery.Filter> next = new ArrayList<>(filters);
        if (chosen) {
          next.remove(filter);
        } else {
          next.add(filter);
        }
        page.raw("<li><a href=\"")
            .text(url(q, next))
            .raw("\"")
            .raw(chosen ? " class=\"chosen\"" : "")
            .raw(">");
        if (e.getKey() == FacetDimension.MARKING) {
          page.showsMarking(tlp(count.value()))
              .raw("<span class=\"tlp tlp-")
              .raw(tlpCss(count.value()))
              .raw("\">")
              .text(count.value())
              .raw("</span>");
        } else {
          page.text(valueLabel(e.getKey(), count.value(), who));
        }
        page.raw("</a> <span class=\"count\">")
            .text(String.format(Locale.ROOT, "%,d", count.count()))
            .raw("</span></li>");
      }
      page.raw("</ul></section>");
    }
  }

  private static void hits(Html page, SearchResults results) {
    page.raw("</aside><ol class=\"hits\">");
    for (SearchResults.Hit hit : results.hits()) {
      page.raw("<li>");
      for (String marking : hit.markings()) {
        page.showsMarking(tlp(marking))
            .raw("<span class=\"tlp tlp-")
            .raw(tlpCss(marking))
            .raw("\">")
            .text(marking)
            .raw("</span> ");
      }
      page.link(Html.hrefOf(hit.entityId(), hit.schema()), hit.caption())
          .raw(" <span class=\"schema\">")
          .text(hit.schema().ftmName())
          .raw("</span>");
      for (String snippet : hit.snippets()) {
        // Snippets come from the index already escaped, with <mark> around the matched words.
        page.raw("<div class=\"snippet\">").raw(snippet).raw("</div>");
      }
      page.raw("</li>");
    }
    page.raw("</ol></div>");
  }

  private static String url(String q, List<SearchQuery.Filter> filters) {
    StringBuilder url = new StringBuilder("/search?q=").append(encode(q));
    for (SearchQuery.Filter f : filters) {
      url.append('&').append(f.dimension().key()).append('=').append(encode(f.value()));
    }
    return url.toString();
  }

  private static String label(FacetDimension d) {
    return switch (d) {
      case SCHEMA -> "Kind";
      case COUNTRY -> "Country";
      case PROGRAMME -> "Programme";
      case SOURCE -> "List or source";
      case MARKING -> "Marking";
      case YEAR -> "Year";
    };
  }

  /** A readable label: a country's name, a source's title (if the viewer may see it). */
  private String valueLabel(FacetDimension d, String value, Principal who) {
    return switch (d) {
      case COUNTRY -> countryName(value);
      case SOURCE ->
          backend
              .get()
              .store()
              .statements()
              .source(value, who.viewer())
              .map(SearchPage::sourceLabel)
              .orElse(value);
      case SCHEMA, PROGRAMME, MARKING, YEAR -> value;
    };
  }

  private static String countryName(String code) {
    if (!code.matches("[a-zA-Z]{2}")) {
      return code;
    }
    String name = new Locale("", code.toUpperCase(Locale.ROOT)).getDisplayCountry(Locale.ENGLISH);
    return name.isEmpty() || name.equalsIgnoreCase(code) ? code : name + " (" + code + ")";
  }

  private static String sourceLabel(Source s) {
    return s.kind() == SourceKind.LIST_RELEASE ? "List: " + s.title() : s.title();
  }

  private static String tlpCss(String label) {
    return Html.cssName(tlp(label));
  }

  private static Tlp tlp(String label) {
    try {
      return Tlp.parse(label);
    } catch (IllegalArgumentException e) {
      return Tlp.CLEAR;
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
