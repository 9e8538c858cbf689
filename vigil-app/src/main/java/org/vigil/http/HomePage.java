/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.vigil.access.Permission;
import org.vigil.auth.Principal;
import org.vigil.documents.IngestProgress;
import org.vigil.lists.ListFormatException;
import org.vigil.lists.SanctionsLists;
import org.vigil.model.Entity;
import org.vigil.model.Schema;
import org.vigil.screening.ScreeningMatch;
import org.vigil.screening.ScreeningQuery;
import org.vigil.store.DocumentSummary;
import org.vigil.store.Store;
import org.vigil.watchlists.ListScreening;
import org.vigil.watchlists.ReleaseManifest;

/**
 * The home page: a search box, the newest documents the viewer may see, new alerts (possible
 * sanctions matches among the people and organisations those documents name), and the lists in
 * force with their releases.
 */
final class HomePage {
  static final int RECENT = 10;
  // Alerts look at the entities of the newest few documents only, so the page stays quick.
  private static final int ALERT_DOCUMENTS = 5;
  private static final int ALERT_ENTITIES_PER_DOCUMENT = 15;
  private static final int ALERTS = 10;
  private static final double ALERT_THRESHOLD = 0.9;
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final int CACHED_ALERT_LISTS = 256;

  private final Supplier<Backend> backend;
  private final ListScreening screening;
  private final IngestProgress corpus;

  /** Alerts by viewer, lists and newest documents; the least recently used go first. */
  private final Map<String, List<Alert>> alertCache =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<Alert>> eldest) {
              return size() > CACHED_ALERT_LISTS;
            }
          });

  HomePage(Supplier<Backend> backend, ListScreening screening, IngestProgress corpus) {
    this.backend = requireNonNull(backend, "backend");
    this.screening = requireNonNull(screening, "screening");
    this.corpus = requireNonNull(corpus, "corpus");
  }

  void register(Routes routes) {
    routes.page("/", Permission.READ, this::home);
  }

  /** A possible match of an entity in a document to a list entry. */
  private record Alert(Entity entity, String documentId, ScreeningMatch match) {}

  private void home(Context ctx) {
    String q = Optional.ofNullable(ctx.queryParam("q")).orElse("");
    if (!q.isBlank()) {
      // Old links and bookmarks searched from the home page; the search has its own page now.
      ctx.redirect(
          "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
      return;
    }
    Principal who = Requests.principal(ctx);
    Store store = backend.get().store();
    Html page = Html.page("Home", who, "");
    ProgressBanner.render(page, corpus);
    page.raw("<section class=\"intro\"><h1>Search the picture</h1>")
        .raw("<form class=\"big-search\" method=\"get\" action=\"/search\">")
        .raw("<input type=\"search\" name=\"q\" placeholder=\"A name, an organisation, a place")
        .raw(" or words from a report\" aria-label=\"Search\" required>")
        .raw("<button type=\"submit\">Search</button></form>")
        .raw("<p class=\"hint\">Every fact is a statement with its source, the sentence it was")
        .raw(" read from and a TLP marking; you see what your organisation may see.</p></section>")
        .raw("<div class=\"columns\">");

    List<DocumentSummary> recent = store.documents().recent(who.viewer(), RECENT);
    page.raw("<section class=\"recent\"><h2>Recent documents</h2>");
    if (recent.isEmpty()) {
      page.raw("<p class=\"hint\">No documents yet. <a href=\"/upload\">Upload some</a>.</p>");
    } else {
      page.raw("<ul class=\"documents\">");
      for (DocumentSummary d : recent) {
        page.raw("<li>")
            .marking(d.marking())
            .raw(" ")
            .grade(d.reliability())
            .raw(" ")
            .link(Html.hrefOf(d.id(), Schema.DOCUMENT), d.title())
            .raw(" <span class=\"hint\">")
            .text(WHEN.format(d.createdAt()))
            .raw("</span>");
        if (d.nearDuplicateOf().isPresent()) {
          page.raw(" <span class=\"hint\">near copy</span>");
        }
        page.raw("</li>");
      }
      page.raw("</ul>");
    }
    page.raw("</section>");

    SanctionedNetworks.render(page, store, who.viewer());
    alerts(page, store, who, recent);
    lists(page);
    page.raw("</div>");
    ctx.html(page.end());
  }

  private void alerts(Html page, Store store, Principal who, List<DocumentSummary> recent) {
    page.raw("<section class=\"alerts\"><h2>New alerts</h2>")
        .raw("<p class=\"hint\">Possible sanctions matches among the people and organisations")
        .raw(" named in the newest documents.</p>");
    Optional<ListScreening.Built> built = built();
    if (built.isEmpty()) {
      page.raw("<p class=\"error\">The sanctions lists cannot be read right now.</p></section>");
      return;
    }
    List<DocumentSummary> newest = recent.subList(0, Math.min(ALERT_DOCUMENTS, recent.size()));
    // The same viewer, documents and lists give the same alerts: they are worked out once.
    String key =
        who.viewer().userId()
            + "|"
            + built.get().fingerprint()
            + "|"
            + String.join(",", newest.stream().map(DocumentSummary::id).toList());
    List<Alert> alerts = alertCache.get(key);
    if (alerts == null) {
      alerts = findAlerts(store, who, newest, built.get());
      synchronized (alertCache) {
        alertCache.put(key, alerts);
      }
    }
    if (alerts.isEmpty()) {
      page.raw("<p class=\"hint\">No new alerts.</p></section>");
      return;
    }
    page.raw("<ul class=\"alerts\">");
    for (Alert a : alerts) {
      ScreeningMatch m = a.match();
      page.raw("<li>");
      a.entity().statements().stream()
          .map(st -> st.marking())
          .distinct()
          .sorted(java.util.Comparator.comparing(marking -> marking.tlp().ordinal()))
          .forEach(marking -> page.marking(marking).raw(" "));
      page.link(Html.hrefOf(a.entity().id(), a.entity().schema()), a.entity().caption())
          .raw(" <span class=\"schema\">")
          .text(a.entity().schema().ftmName())
          .raw("</span> may be ")
          .link(
              Html.hrefOf(SanctionsLists.storeId(m.dataset(), m.entityId()), m.schema()),
              m.primaryName())
          .raw(" <span class=\"dataset\">")
          .text(m.dataset())
          .raw("</span> ");
      for (String programme : m.programs()) {
        page.raw("<span class=\"programme\">").text(programme).raw("</span> ");
      }
      page.raw("<span class=\"score\">")
          .text(String.format(Locale.ROOT, "%.2f", m.score()))
          .raw("</span><div class=\"explanation\">")
          .text(m.nameExplanation().describe())
          .raw("</div><div class=\"hint\">in ")
          .link(Html.hrefOf(a.documentId(), Schema.DOCUMENT), "the document")
          .raw("</div></li>");
    }
    page.raw("</ul></section>");
  }

  private static List<Alert> findAlerts(
      Store store, Principal who, List<DocumentSummary> newest, ListScreening.Built built) {
    List<Alert> alerts = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (DocumentSummary d : newest) {
      Map<String, Entity> cited =
          store
              .statements()
              .entities(
                  store.search().recordsCiting(d.id(), who.viewer(), ALERT_ENTITIES_PER_DOCUMENT),
                  who.viewer());
      for (Entity entity : cited.values()) {
        if (alerts.size() >= ALERTS) {
          return List.copyOf(alerts);
        }
        if (!screenable(entity) || !seen.add(entity.id())) {
          continue;
        }
        List<ScreeningMatch> matches =
            built
                .screener()
                .screen(
                    ScreeningQuery.of(entity.caption()).withLimit(1).withThreshold(ALERT_THRESHOLD))
                .matches();
        if (!matches.isEmpty()) {
          alerts.add(new Alert(entity, d.id(), matches.get(0)));
        }
      }
    }
    return List.copyOf(alerts);
  }

  private void lists(Html page) {
    page.raw("<section class=\"lists\"><h2>Lists loaded</h2>");
    Optional<ListScreening.Built> built = built();
    if (built.isEmpty()) {
      page.raw("<p class=\"error\">The sanctions lists cannot be read right now.</p></section>");
      return;
    }
    List<ReleaseManifest> releases = built.get().releases();
    if (releases.isEmpty()) {
      page.raw("<p class=\"hint\">No sanctions lists are loaded; load some with")
          .raw(" <code>vigil lists load</code>.</p></section>");
      return;
    }
    page.raw("<table class=\"lists\"><thead><tr><th>list</th><th>release</th><th>entries</th>")
        .raw("<th>loaded</th></tr></thead><tbody>");
    for (ReleaseManifest m : releases) {
      page.raw("<tr><td>")
          .text(m.dataset())
          .raw("</td><td>")
          .text(m.published().map(Object::toString).orElse("undated"))
          .raw("</td><td>")
          .text(String.format(Locale.ROOT, "%,d", m.entries()))
          .raw("</td><td>")
          .text(WHEN.format(m.loadedAt()))
          .raw("</td></tr>");
    }
    page.raw("</tbody></table><p><a href=\"/screening\">Screen names against these lists</a>")
        .raw("</p></section>");
  }

  private Optional<ListScreening.Built> built() {
    try {
      return Optional.of(screening.current());
    } catch (UncheckedIOException | ListFormatException e) {
      return Optional.empty();
    }
  }

  /** People and organisations are screened; places, events and edges are not. */
  private static boolean screenable(Entity entity) {
    Schema schema = entity.schema();
    return schema.isA("Person") || schema.isA("Organization") || schema.isA("LegalEntity");
  }
}
