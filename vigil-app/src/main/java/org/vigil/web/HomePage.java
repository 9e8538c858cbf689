/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.vigil.access.Permission;
import org.vigil.auth.Principal;
import org.vigil.documents.IngestProgress;
import org.vigil.http.Backend;
import org.vigil.http.Requests;
import org.vigil.http.Routes;
import org.vigil.model.Entity;
import org.vigil.model.Schema;
import org.vigil.model.Statement;
import org.vigil.resolution.VisibleAlerts;
import org.vigil.resolve.PossibleMatch;
import org.vigil.store.DocumentSummary;
import org.vigil.store.Store;
import org.vigil.watchlists.ListScreening;
import org.vigil.watchlists.ReleaseManifest;

/**
 * The home page: a search box, the newest documents the viewer may see, the entities of the
 * reporting found on a sanctions list with a way into their networks, the newest stored alerts
 * (possible list matches found by cross-referencing) on entities the viewer may see, and the lists
 * in force with their releases.
 */
public final class HomePage {
  static final int RECENT = 10;

  /** Alerts shown; the rest are in the alert feed of the API. */
  public static final int ALERTS = 8;

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Supplier<Backend> backend;
  private final ListScreening screening;
  private final IngestProgress corpus;

  public HomePage(Supplier<Backend> backend, ListScreening screening, IngestProgress corpus) {
    this.backend = requireNonNull(backend, "backend");
    this.screening = requireNonNull(screening, "screening");
    this.corpus = requireNonNull(corpus, "corpus");
  }

  public void register(Routes routes) {
    routes.page("/", Permission.READ, this::home);
  }

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
    alerts(page, store, who);
    lists(page);
    page.raw("</div>");
    ctx.html(page.end());
  }

  private static void alerts(Html page, Store store, Principal who) {
    page.raw("<section class=\"alerts\"><h2>New alerts</h2>")
        .raw("<p class=\"hint\">Possible sanctions matches that cross-referencing found among")
        .raw(" the people and organisations of the reporting, newest first; none is a merge until")
        .raw(" an analyst judges it.</p>");
    List<VisibleAlerts.Alert> alerts =
        VisibleAlerts.newest(store, who.viewer()).limit(ALERTS + 1L).toList();
    if (alerts.isEmpty()) {
      page.raw("<p class=\"hint\">No alerts.</p></section>");
      return;
    }
    page.raw("<ul class=\"alerts\">");
    for (VisibleAlerts.Alert a : alerts.subList(0, Math.min(ALERTS, alerts.size()))) {
      PossibleMatch m = a.match();
      Entity entity = a.entity();
      page.raw("<li data-alert=\"").text(Long.toString(m.id())).raw("\">");
      entity.statements().stream()
          .map(Statement::marking)
          .distinct()
          .sorted(Comparator.comparing(marking -> marking.tlp().ordinal()))
          .forEach(marking -> page.marking(marking).raw(" "));
      page.link(Html.hrefOf(entity.id(), entity.schema()), entity.caption())
          .raw(" <span class=\"schema\">")
          .text(entity.schema().ftmName())
          .raw("</span> may be ")
          .link(Html.hrefOf(m.listEntityId(), Schema.LEGAL_ENTITY), m.listCaption())
          .raw(" <span class=\"dataset\">")
          .text(m.dataset())
          .raw("</span> ");
      for (String programme : m.programmes()) {
        page.raw("<span class=\"programme\">").text(programme).raw("</span> ");
      }
      page.raw("<span class=\"score\">")
          .text(String.format(Locale.ROOT, "%.2f", m.score()))
          .raw("</span> <span class=\"status status-")
          .text(VisibleAlerts.status(m))
          .raw("\">")
          .text(VisibleAlerts.status(m))
          .raw("</span>");
      for (String line : m.explanation()) {
        page.raw("<div class=\"explanation\">").text(line).raw("</div>");
      }
      page.raw("<div class=\"hint\">found ").text(WHEN.format(m.foundAt())).raw("</div></li>");
    }
    page.raw("</ul>");
    if (alerts.size() > ALERTS) {
      page.raw("<p class=\"more\">More alerts: <a href=\"/alerts\">the alert page</a>")
          .raw(" (newest first, only those you may see).</p>");
    }
    page.raw("</section>");
  }

  private void lists(Html page) {
    page.raw("<section class=\"lists\"><h2>Lists loaded</h2>");
    // The screener built already: building one takes seconds, and the page answers at once.
    Optional<ListScreening.Built> built = screening.ifBuilt();
    if (built.isEmpty()) {
      page.raw("<p class=\"hint\">The sanctions lists are being read; they appear here once")
          .raw(" ready (reload the page).</p></section>");
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
}
