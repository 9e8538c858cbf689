/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.vigil.auth.Principal;
import org.vigil.cases.CaseView;
import org.vigil.cases.CitedEvidence;
import org.vigil.places.Geocoding;

/**
 * A case's page, from its {@link CaseView}: what the reader may see of its entities, documents,
 * claims and notes (each note rendered safely, its citations listed with their evidence), its
 * members, and the forms of what the reader may do.
 */
final class CasePage {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private CasePage() {}

  static String render(CaseView v, Principal who) {
    Html page = Html.page(v.stored().title(), who, "");
    page.raw("<h1>")
        .text(v.stored().title())
        .raw("</h1><p class=\"case-bar\">")
        .marking(v.stored().marking())
        .raw(" <span class=\"status status-")
        .text(v.stored().status().code())
        .raw("\" id=\"case-status\">")
        .text(v.stored().status().code())
        .raw("</span> <span class=\"hint\">A case points at evidence; each member sees only")
        .raw(" the items they may read themselves.</span></p>");
    items(page, "Entities", "case-entities", v.entities());
    items(page, "Documents", "case-documents", v.documents());
    items(page, "Claims", "case-claims", v.claims());
    CaseGraphSvg.section(page, v.graph());
    timeline(page, v.timeline(), v.timelineRecords());
    places(page, v);
    notes(page, v.notes());
    members(page, v);
    if (v.mayWrite()) {
      CaseForms.addItem(page, who, v);
      CaseForms.note(page, who, v);
    }
    if (who.may(org.vigil.access.Permission.EXPORT) && v.stored().writableBy(who.viewer())) {
      CaseForms.report(page, who, v);
    }
    if (v.mayManage()) {
      CaseForms.share(page, who, v);
      CaseForms.manage(page, who, v);
    }
    return page.end();
  }

  private static void items(Html page, String title, String id, List<CaseView.Item> items) {
    page.raw("<section id=\"").text(id).raw("\"><h2>").text(title).raw("</h2>");
    if (items.isEmpty()) {
      page.raw("<p class=\"hint\">None that you may see.</p></section>");
      return;
    }
    page.raw("<ul class=\"case-items\">");
    for (CaseView.Item i : items) {
      page.raw("<li data-item=\"").text(i.id()).raw("\">");
      i.marking().ifPresent(m -> page.marking(m).raw(" "));
      page.link(i.href(), i.caption())
          .raw(" <span class=\"schema\">")
          .text(i.kind())
          .raw("</span> <code class=\"entity-id\">")
          .text(i.id())
          .raw("</code></li>");
    }
    page.raw("</ul></section>");
  }

  private static void notes(Html page, List<CaseView.Note> notes) {
    page.raw("<section id=\"notes\"><h2>Notes</h2>");
    if (notes.isEmpty()) {
      page.raw("<p class=\"hint\">None that you may see.</p>");
    }
    for (CaseView.Note n : notes) {
      page.raw("<article class=\"note\" id=\"note-")
          .text(Long.toString(n.id()))
          .raw("\"><p class=\"note-head\">")
          .marking(n.marking())
          .raw(" ")
          .text(n.author() + " · " + WHEN.format(n.writtenAt()))
          .raw("</p><div class=\"note-body\">")
          // Rendered by NoteMarkdown with every raw HTML of the note escaped.
          .raw(n.rendered().html())
          .raw("</div>");
      citations(page, n);
      page.raw("</article>");
    }
    page.raw("</section>");
  }

  private static void citations(Html page, CaseView.Note n) {
    if (n.rendered().citations().isEmpty()) {
      return;
    }
    page.raw("<ol class=\"citations\">");
    int number = 0;
    for (CitedEvidence e : n.rendered().citations()) {
      number++;
      page.raw("<li id=\"").text(n.anchor() + "-" + number).raw("\">").link(e.href(), e.label());
      e.quote().ifPresent(q -> page.raw(" <q>").text(q).raw("</q>"));
      e.source().ifPresent(s -> page.raw(" <span class=\"hint\">— ").text(s).raw("</span>"));
      e.marking().ifPresent(m -> page.raw(" ").marking(m));
      page.raw("</li>");
    }
    page.raw("</ol>");
  }

  private static void timeline(Html page, List<CaseView.Dated> timeline, int records) {
    page.raw("<section id=\"case-timeline\"><h2>Timeline</h2>");
    if (timeline.isEmpty()) {
      page.raw("<p class=\"hint\">No dated events or facts of its entities that you may see.</p>");
    } else {
      page.raw("<ol class=\"timeline\">");
      for (CaseView.Dated d : timeline) {
        page.raw("<li><span class=\"date\">")
            .text(d.date())
            .raw("</span> ")
            .text(d.label())
            .raw(" · ")
            .link(d.href(), d.entity());
        d.quote().ifPresent(q -> page.raw(" <q>").text(q).raw("</q>"));
        page.raw("</li>");
      }
      page.raw("</ol>");
      if (records > timeline.size()) {
        page.raw("<p class=\"hint\" id=\"timeline-cut\">")
            .text(
                "The oldest "
                    + timeline.size()
                    + " of "
                    + records
                    + " dated records are shown; each entity's page has its own timeline.")
            .raw("</p>");
      }
    }
    page.raw("</section>");
  }

  /** Leaflet, served by Vigil from its WebJar. */
  static final String LEAFLET = "/assets/lib/leaflet/1.9.4/dist/leaflet";

  /** Placed names listed in words below the map (the map shows them all). */
  static final int LISTED_PLACES = 500;

  private static void places(Html page, CaseView v) {
    List<CaseView.Located> places = v.places();
    page.raw("<section id=\"case-places\"><h2>Map</h2>");
    if (places.isEmpty()) {
      page.raw("<p class=\"hint\">No places named by its entities that you may see.</p>");
      page.raw("</section>");
      return;
    }
    page.raw("<link rel=\"stylesheet\" href=\"")
        .raw(LEAFLET)
        .raw(".css\">")
        .raw("<form id=\"map-filters\" class=\"map-filters\">")
        .raw("<label>From <input type=\"date\" name=\"from\"></label>")
        .raw("<label>To <input type=\"date\" name=\"to\"></label>")
        .raw(
            "<label title=\"Places not graded are kept\">Credibility <select name=\"credibility\">")
        .raw("<option value=\"\">any</option><option value=\"1\">1 confirmed</option>")
        .raw("<option value=\"2\">2 or better</option><option value=\"3\">3 or better</option>")
        .raw("<option value=\"4\">4 or better</option></select></label>")
        .raw("<span class=\"hint\">A date keeps only dated events.</span></form>")
        .raw("<p id=\"map-status\" class=\"hint\" role=\"status\">The map needs JavaScript;")
        .raw(" the places are listed below.</p>")
        .raw("<div id=\"case-map\" class=\"case-map\" aria-label=\"map of the case's places\">")
        .raw("</div><script type=\"application/json\" id=\"case-map-data\">")
        // Escaped by CaseMapData: no text can close the block.
        .raw(CaseMapData.json(places, v.paths()))
        .raw("</script><script src=\"")
        .raw(LEAFLET)
        .raw(".js\" defer></script>")
        .raw("<script src=\"/assets/cluster.js\" defer></script>")
        .raw("<script src=\"/assets/map.js\" defer></script>");
    paths(page, v.paths());
    list(page, places);
    page.raw("</section>");
  }

  /** The names in words: every unplaced one with its reason, the placed ones up to a bound. */
  private static void list(Html page, List<CaseView.Located> places) {
    page.raw("<ul class=\"places\">");
    int listed = 0;
    for (CaseView.Located l : places) {
      boolean placed = l.geocoding() instanceof Geocoding.Placed;
      if (placed && listed++ >= LISTED_PLACES) {
        continue;
      }
      page.raw("<li>").text(l.geocoding().mention()).raw(" · ").link(l.href(), l.entity());
      page.raw(" <span class=\"hint\">").text(l.property()).raw("</span> ");
      l.date().ifPresent(d -> page.raw("<span class=\"date\">").text(d).raw("</span> "));
      if (l.geocoding() instanceof Geocoding.Placed p) {
        page.raw("<span class=\"placed\">")
            .text(
                String.format(
                    Locale.ROOT,
                    "%s (%s), %.4f, %.4f",
                    p.place().name(),
                    p.place().country(),
                    p.place().lat(),
                    p.place().lng()))
            .raw("</span>");
      } else if (l.geocoding() instanceof Geocoding.Unplaced u) {
        page.raw("<span class=\"unplaced\">left unplaced: ").text(u.why()).raw("</span>");
      }
      page.raw("</li>");
    }
    page.raw("</ul>");
    if (listed > LISTED_PLACES) {
      page.raw("<p class=\"hint\">")
          .text((listed - LISTED_PLACES) + " more placed names are on the map only.")
          .raw("</p>");
    }
  }

  private static void paths(Html page, List<CaseView.Path> paths) {
    if (paths.isEmpty()) {
      return;
    }
    page.raw("<h3>Movements</h3><ul class=\"paths\" id=\"case-paths\">");
    for (CaseView.Path p : paths) {
      page.raw("<li>").link(p.href(), p.entity()).raw(": ");
      for (int i = 0; i < p.stops().size(); i++) {
        CaseView.Located s = p.stops().get(i);
        Geocoding.Placed placed = (Geocoding.Placed) s.geocoding();
        page.text((i == 0 ? "" : " → ") + placed.place().name() + " (" + s.date().orElse("") + ")");
      }
      page.raw("</li>");
    }
    page.raw("</ul>");
  }

  private static void members(Html page, CaseView v) {
    page.raw("<section id=\"case-members\"><h2>Members</h2><ul>");
    for (CaseView.Member m : v.members()) {
      page.raw("<li>").text(m.label()).raw(" · ").text(m.rights().code()).raw("</li>");
    }
    page.raw("</ul></section>");
  }
}
