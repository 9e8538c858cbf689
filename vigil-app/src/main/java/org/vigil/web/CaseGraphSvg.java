/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import java.util.Locale;
import org.vigil.cases.CaseGraph;

/**
 * The case page's graph: the case's own entities and the links among them as the reader sees them
 * ({@link CaseGraph}, laid out on the server), drawn as inline SVG: no script, no request, readable
 * at first sight; each disc opens its entity's page and each line names its link.
 */
final class CaseGraphSvg {
  /** Link words are written on the lines only while they stay few enough to read. */
  static final int LABELLED_LINKS = 30;

  private CaseGraphSvg() {}

  static void section(Html page, CaseGraph g) {
    page.raw("<section id=\"case-graph\"><h2>Graph</h2>");
    if (g.nodes().isEmpty()) {
      page.raw("<p class=\"hint\">No entities of this case in the network that you may see.</p>");
      page.raw("</section>");
      return;
    }
    page.raw("<p class=\"hint\" id=\"case-graph-caption\">")
        .text(caption(g))
        .raw("</p><div class=\"case-graph\">");
    svg(page, g);
    page.raw("</div></section>");
  }

  static String caption(CaseGraph g) {
    StringBuilder out = new StringBuilder();
    if (g.left() > 0) {
      out.append("The ")
          .append(g.nodes().size())
          .append(" most linked of the case's ")
          .append(g.entities())
          .append(" entities you may see, and the links among them; the other ")
          .append(g.left())
          .append(" are left out of the picture (they are listed under Entities).");
    } else {
      out.append("The case's ")
          .append(g.entities())
          .append(g.entities() == 1 ? " entity" : " entities")
          .append(" you may see and the ")
          .append(g.links().size())
          .append(g.links().size() == 1 ? " link" : " links")
          .append(" among them.");
    }
    return out.append(" Filled discs are people, squares organisations, orange discs events;")
        .append(" a disc opens its entity.")
        .toString();
  }

  private static void svg(Html page, CaseGraph g) {
    page.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" id=\"case-graph-svg\"")
        .raw(" viewBox=\"0 0 " + CaseGraph.WIDTH + " " + CaseGraph.HEIGHT + "\"")
        .raw(" font-family=\"sans-serif\" font-size=\"11\" aria-label=\"")
        .text("graph of the case's entities")
        .raw("\">");
    boolean labelled = g.links().size() <= LABELLED_LINKS;
    for (CaseGraph.Link l : g.links()) {
      CaseGraph.Node a = g.nodes().get(l.from());
      CaseGraph.Node b = g.nodes().get(l.to());
      page.raw("<g class=\"graph-link\"><title>")
          .text(a.caption() + " — " + l.label() + " — " + b.caption() + " (" + l.tlp() + ")")
          .raw("</title><line x1=\"" + num(a.x()) + "\" y1=\"" + num(a.y()))
          .raw("\" x2=\"" + num(b.x()) + "\" y2=\"" + num(b.y()))
          .raw("\" stroke=\"#8a8a8a\" stroke-width=\"1.2\"/>");
      if (labelled) {
        page.raw("<text x=\"" + num((a.x() + b.x()) / 2) + "\" y=\"" + num((a.y() + b.y()) / 2))
            .raw("\" text-anchor=\"middle\" fill=\"#6b6b6b\" font-size=\"9\">")
            .text(shortLabel(l.label()))
            .raw("</text>");
      }
      page.raw("</g>");
    }
    for (CaseGraph.Node n : g.nodes()) {
      page.raw("<a class=\"graph-node\" href=\"")
          .text(n.href())
          .raw("\" data-entity=\"")
          .text(n.id())
          .raw("\"><title>")
          .text(n.caption() + " (" + n.schema() + ")")
          .raw("</title>");
      shape(page, n);
      page.raw("<text x=\"" + num(n.x()) + "\" y=\"" + num(n.y() + 19))
          .raw("\" text-anchor=\"middle\" fill=\"#111111\">")
          .text(shortLabel(n.caption()))
          .raw("</text></a>");
    }
    page.raw("</svg>");
  }

  private static void shape(Html page, CaseGraph.Node n) {
    String at = "\" stroke=\"#1f4e79\" stroke-width=\"1.5\"/>";
    if (n.schema().equals("Organization")
        || n.schema().equals("Company")
        || n.schema().equals("PublicBody")
        || n.schema().equals("LegalEntity")) {
      page.raw("<rect x=\"" + num(n.x() - 7) + "\" y=\"" + num(n.y() - 7))
          .raw("\" width=\"14\" height=\"14\" fill=\"#ffffff" + at);
    } else {
      String fill = n.person() ? "#1f4e79" : n.schema().equals("Event") ? "#e8833a" : "#ffffff";
      page.raw("<circle cx=\"" + num(n.x()) + "\" cy=\"" + num(n.y()))
          .raw("\" r=\"7\" fill=\"" + fill + at);
    }
  }

  private static String shortLabel(String label) {
    return label.length() > 28 ? label.substring(0, 27) + "…" : label;
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
