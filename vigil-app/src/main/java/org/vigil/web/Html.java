/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import org.vigil.auth.Principal;
import org.vigil.http.RequestGuard;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Tlp;

/**
 * Builds the server-rendered pages: every piece of text goes through {@link #text} (HTML-escaped);
 * only markup written here, and search snippets that the index has escaped already, is added raw.
 * Pages load one style sheet and no script, so the Content-Security-Policy forbids all inline code.
 */
public final class Html {
  private final StringBuilder out = new StringBuilder(8_192);
  // The TLP levels and whether grades the page showed, so that end() adds their key (only the
  // levels shown: the key must not hint at levels the reader cannot see here).
  private final java.util.EnumSet<Tlp> markings = java.util.EnumSet.noneOf(Tlp.class);
  private boolean grades;

  private Html() {}

  /** Starts a page with its title, the signed-in user and the search box. */
  static Html page(String title, Principal who, String query) {
    Html h = new Html();
    h.raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .raw("<title>")
        .text(title)
        .raw(" · Vigil</title><link rel=\"stylesheet\" href=\"/assets/vigil.css\">")
        .raw("<link rel=\"icon\" href=\"/assets/vigil.svg\" type=\"image/svg+xml\">");
    // Scripts read the session's CSRF token from here to send it as a header.
    who.csrfToken()
        .ifPresent(t -> h.raw("<meta name=\"csrf-token\" content=\"").text(t).raw("\">"));
    h.raw("</head><body>")
        .raw("<header><a class=\"brand\" href=\"/\">Vigil</a>")
        .raw("<nav><a href=\"/\">Home</a><a href=\"/upload\">Upload</a>")
        .raw(
            "<a href=\"/screening\">Screening</a><a href=\"/alerts\">Alerts</a><a href=\"/cases\">Cases</a></nav>")
        .raw("<form class=\"search\" method=\"get\" action=\"/search\">")
        .raw(
            "<input type=\"search\" name=\"q\" placeholder=\"Search people, organisations, sources\" value=\"")
        .text(query)
        .raw("\" aria-label=\"Search\"><button type=\"submit\">Search</button></form>")
        .raw("<span class=\"who\">")
        .text(who.user().username())
        .raw(" · ")
        .text(who.user().orgId())
        .raw(" · ")
        .text(who.user().role().code())
        .raw("</span>");
    who.csrfToken()
        .ifPresent(
            token ->
                h.raw("<form class=\"signout\" method=\"post\" action=\"/logout\">")
                    .raw("<input type=\"hidden\" name=\"")
                    .text(RequestGuard.CSRF_FIELD)
                    .raw("\" value=\"")
                    .text(token)
                    .raw("\"><button type=\"submit\">Sign out</button></form>"));
    h.raw("</header><main>");
    return h;
  }

  /** Starts a page for someone not signed in: the brand, no search box, no user. */
  static Html bare(String title) {
    Html h = new Html();
    h.raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .raw("<title>")
        .text(title)
        .raw(" · Vigil</title><link rel=\"stylesheet\" href=\"/assets/vigil.css\"></head><body>")
        .raw("<header><span class=\"brand\">Vigil</span></header><main>");
    return h;
  }

  /**
   * A page that says why a request was refused, with a way back; it shows no user, since the
   * refusal may come before anyone is known.
   */
  public static String errorPage(int status, String message) {
    String title =
        switch (status) {
          case 400 -> "Bad request";
          case 401 -> "Not signed in";
          case 403 -> "Refused";
          case 404 -> "Not found";
          case 413 -> "Too large";
          case 415 -> "Unsupported type";
          case 429 -> "Too many attempts";
          case 503 -> "Unavailable";
          default -> status >= 500 ? "Something went wrong" : "Refused";
        };
    Html page =
        bare(title)
            .raw("<h1>")
            .text(title)
            .raw("</h1><p class=\"error\">")
            .text(message)
            .raw("</p>");
    if (status == 404) {
      // A mistyped or stale address: offer the ways in rather than a dead end.
      page.raw("<p>Look for it instead:</p>")
          .raw("<form class=\"big-search\" method=\"get\" action=\"/search\">")
          .raw("<input type=\"search\" name=\"q\" placeholder=\"A name, an organisation or words")
          .raw(" from a report\" aria-label=\"Search\"><button type=\"submit\">Search</button>")
          .raw("</form><ul class=\"ways\"><li><a href=\"/\">Home</a>: recent documents, alerts")
          .raw(" and sanctioned entities in the reporting</li><li><a href=\"/upload\">Upload</a>")
          .raw(" documents</li><li><a href=\"/screening\">Screening</a> against the sanctions")
          .raw(" lists</li></ul>");
    } else {
      page.raw("<p><a href=\"/\">Back to the home page</a></p>");
    }
    return page.end();
  }

  Html raw(String markup) {
    out.append(markup);
    return this;
  }

  Html text(String text) {
    escape(text, out);
    return this;
  }

  /** A TLP badge in the colours TLP 2.0 prescribes, with the owner and any restriction. */
  Html marking(Marking marking) {
    markings.add(marking.tlp());
    raw("<span class=\"tlp tlp-")
        .raw(cssName(marking.tlp()))
        .raw("\" title=\"")
        .text(marking.describe())
        .raw("\">")
        .text(marking.tlp().label())
        .raw("</span>");
    return this;
  }

  /** A source's reliability grade (Admiralty A–F), with its meaning on hover. */
  Html grade(Reliability reliability) {
    grades = true;
    return raw("<span class=\"grade\" title=\"")
        .text("Source reliability: " + reliability.description())
        .raw("\">")
        .text(reliability.name())
        .raw("</span>");
  }

  /** A link to {@code href} (a path built here; its parts already URL-encoded) around text. */
  Html link(String href, String text) {
    return raw("<a href=\"").text(href).raw("\">").text(text).raw("</a>");
  }

  /** The page of an entity or, for a stored document, of the document. */
  static String hrefOf(String id, org.vigil.model.Schema schema) {
    return (schema == org.vigil.model.Schema.DOCUMENT ? "/documents/" : "/entities/")
        + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The TLP levels of the badges the page has shown so far, least restricted first. */
  java.util.List<Tlp> markingsShown() {
    return java.util.List.copyOf(markings);
  }

  /** Notes that the page shows a TLP badge drawn without {@link #marking}, for the key. */
  Html showsMarking(Tlp level) {
    markings.add(level);
    return this;
  }

  /**
   * Notes that the page shows a grade drawn without {@link #grade} (credibility 1–6), for the key.
   */
  Html showsGrades() {
    grades = true;
    return this;
  }

  String end() {
    java.util.Set<Tlp> shown = java.util.EnumSet.copyOf(markings);
    boolean withGrades = grades;
    // The key renders badges itself; they must not ask for another key.
    markings.clear();
    grades = false;
    BadgeLegend.render(this, shown, withGrades);
    return out.append("</main></body></html>").toString();
  }

  static String cssName(Tlp tlp) {
    return switch (tlp) {
      case CLEAR -> "clear";
      case GREEN -> "green";
      case AMBER -> "amber";
      case AMBER_STRICT -> "amber-strict";
      case RED -> "red";
    };
  }

  static void escape(String text, StringBuilder out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
  }
}
