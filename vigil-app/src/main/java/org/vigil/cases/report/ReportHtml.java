/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cases.report;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.vigil.model.Tlp;

/**
 * A report as one XHTML document: the HTML export itself, and what the PDF is drawn from. On screen
 * the marking stands in a banner at the top and the bottom; on paper it stands in every page's
 * header and footer. Every paragraph starts with its portion marking.
 */
final class ReportHtml {
  /** Where the document is shown. */
  enum Medium {
    SCREEN,
    PRINT
  }

  /** The family name the report's embedded font is registered under. */
  static final String FONT = "DejaVu Sans";

  private ReportHtml() {}

  static String document(CaseReport r, Medium medium) {
    String marking = r.highest().label();
    StringBuilder out = new StringBuilder(64 * 1024);
    out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>")
        .append("<meta charset=\"utf-8\"/>")
        .append("<title>")
        .append(esc(marking + " " + r.title()))
        .append("</title><style>")
        .append(css(r.highest(), medium))
        .append("</style></head>\n<body>\n");
    if (medium == Medium.SCREEN) {
      out.append(banner(r.highest(), "banner-top"));
    }
    cover(out, r);
    r.summary()
        .ifPresent(
            s -> {
              out.append("<h2>Executive summary</h2>\n");
              for (CaseReport.Fact f : s.facts()) {
                paragraph(
                    out, new CaseReport.Portion(s.marking(), "", List.of(f)), "summary", false);
              }
            });
    section(out, "Analysts' notes", r.notes(), "note");
    section(out, "Hypotheses", r.hypotheses(), "hypothesis");
    out.append("<h2>Findings</h2>\n");
    if (r.findings().isEmpty()) {
      out.append(
          "<p><span class=\"pm\">(TLP:CLEAR)</span> Nothing in this case may be released to "
              + esc(r.recipientName())
              + ".</p>\n");
    }
    for (CaseReport.Portion p : r.findings()) {
      paragraph(out, p, "finding", false);
    }
    out.append("<h2>Network</h2>\n<p><span class=\"pm\">")
        .append(esc("(" + r.pictureMarking().label() + ")"))
        .append("</span> Figure 1. The case's entities and the links among them that ")
        .append(esc(r.recipientName()))
        .append(" may read; filled discs are people.");
    if (r.picture().left() > 0) {
      out.append(" The ")
          .append(r.picture().left())
          .append(" least linked entities are left out of the picture, not of the findings.");
    }
    out.append("</p>\n<div class=\"figure\">").append(r.picture().svg()).append("</div>\n");
    out.append("<h2 class=\"map\">Map</h2>\n<p id=\"map-caption\"><span class=\"pm\">")
        .append(esc("(" + (r.map().isEmpty() ? "TLP:CLEAR" : r.mapMarking().label()) + ")"))
        .append("</span> ")
        .append(esc(r.map().caption(r.recipientName())))
        .append("</p>\n");
    if (!r.map().isEmpty()) {
      out.append("<div class=\"figure\">").append(r.map().svg()).append("</div>\n");
    }
    section(out, "Links", r.links(), "link");
    out.append("<h2>Timeline</h2>\n");
    if (r.timeline().isEmpty()) {
      out.append("<p><span class=\"pm\">(TLP:CLEAR)</span> No dated facts.</p>\n");
    }
    for (CaseReport.Portion p : r.timeline()) {
      paragraph(out, p, "dated", true);
    }
    section(out, "Tasks", r.tasks(), "task");
    out.append("<h2>Sources</h2>\n");
    for (CaseReport.Endnote n : r.endnotes()) {
      out.append("<p class=\"endnote\" id=\"note-")
          .append(n.number())
          .append("\"><span class=\"pm\">")
          .append(esc(n.label()))
          .append("</span> [")
          .append(n.number())
          .append("] ")
          .append(esc(n.line()))
          .append("</p>\n");
    }
    if (medium == Medium.SCREEN) {
      out.append(banner(r.highest(), "banner-bottom"));
    }
    return out.append("</body>\n</html>\n").toString();
  }

  private static void cover(StringBuilder out, CaseReport r) {
    out.append("<div class=\"cover\">")
        .append(banner(r.highest(), "cover-marking"))
        .append("<h1><span class=\"pm\">")
        .append(esc("(" + r.titleMarking().label() + ")"))
        .append("</span> ")
        .append(esc(r.title()))
        .append("</h1>")
        .append("<p class=\"meta\"><span class=\"pm\">")
        .append(esc("(" + r.highest().label() + ")"))
        .append("</span> Prepared for ")
        .append(esc(r.recipientName() + " (" + r.recipient() + ")"))
        .append(" by ")
        .append(esc(r.author()))
        .append(" on ")
        .append(r.madeAt().atOffset(ZoneOffset.UTC).toLocalDate())
        .append(" from case ")
        .append(esc(r.caseId()))
        .append(".</p>")
        .append("<p class=\"meta\"><span class=\"pm\">")
        .append(esc("(" + r.highest().label() + ")"))
        .append("</span> The highest marking of")
        .append(" its contents is ")
        .append(esc(r.highest().label()))
        .append(". Each paragraph starts with its own marking; each fact cites its sources,")
        .append(" listed at the end with their date, sentence and Admiralty grade.</p>")
        .append("</div>\n");
  }

  /** A heading and its paragraphs; nothing when there are none. */
  private static void section(
      StringBuilder out, String title, List<CaseReport.Portion> portions, String cssClass) {
    if (portions.isEmpty()) {
      return;
    }
    // The titles are this class's own words, written as they are.
    out.append("<h2>").append(title).append("</h2>\n");
    for (CaseReport.Portion p : portions) {
      paragraph(out, p, cssClass, false);
    }
  }

  private static String banner(Tlp tlp, String cssClass) {
    return "<div class=\"marking "
        + cssClass
        + " "
        + tlpClass(tlp)
        + "\">"
        + esc(tlp.label())
        + "</div>\n";
  }

  private static void paragraph(
      StringBuilder out, CaseReport.Portion p, String cssClass, boolean leadIsDate) {
    out.append("<p class=\"")
        .append(cssClass)
        .append("\"><span class=\"pm\">")
        .append(esc(p.label()))
        .append("</span> ");
    if (!p.lead().isEmpty()) {
      out.append(leadIsDate ? "<span class=\"date\">" : "<strong>")
          .append(esc(p.lead()))
          .append(leadIsDate ? "</span>" : "</strong>")
          .append(leadIsDate ? " " : ". ");
    }
    for (int i = 0; i < p.facts().size(); i++) {
      CaseReport.Fact f = p.facts().get(i);
      out.append("<span dir=\"auto\">").append(esc(f.text())).append("</span>");
      for (int n : f.notes()) {
        out.append("<sup><a href=\"#note-")
            .append(n)
            .append("\">[")
            .append(n)
            .append("]</a></sup>");
      }
      out.append(i + 1 < p.facts().size() ? "; " : "");
    }
    out.append("</p>\n");
  }

  private static String css(Tlp highest, Medium medium) {
    String font = "font-family: '" + FONT + "', sans-serif;";
    StringBuilder css = new StringBuilder();
    css.append("body { ")
        .append(font)
        .append(
            " font-size: 10pt; line-height: 1.35; color: #111; margin: 0 auto; max-width: 48em; }")
        .append("h1 { font-size: 20pt; margin: 1.5em 0 0.8em; }")
        .append("h2 { font-size: 13pt; margin: 1.4em 0 0.5em; border-bottom: 1px solid #999; }")
        .append("p { margin: 0 0 0.5em; }")
        .append(".pm { font-weight: bold; font-size: 8pt; }")
        .append("sup { font-size: 7pt; } sup a { color: #1f4e79; text-decoration: none; }")
        .append(".date { font-weight: bold; }")
        .append(".endnote { font-size: 8.5pt; }")
        .append(".figure { margin: 0.5em 0 1em; }")
        .append(".marking { font-weight: bold; text-align: center; padding: 2px 8px;")
        .append(" background-color: #000; }")
        .append(".cover { page-break-after: always; }")
        .append(".cover-marking { font-size: 22pt; margin-top: 2em; padding: 10px; }")
        .append(".meta { color: #333; }");
    for (Tlp t : Tlp.values()) {
      css.append('.').append(tlpClass(t)).append(" { color: ").append(colour(t)).append("; }");
    }
    if (medium == Medium.PRINT) {
      String label = highest.label();
      String box =
          " font-family: '"
              + FONT
              + "'; font-size: 9pt; font-weight: bold; color: "
              + colour(highest)
              + "; background-color: #000;";
      css.append("@page { size: A4; margin: 22mm 18mm 22mm 18mm;")
          .append(" @top-center { content: \"")
          .append(label)
          .append("\";")
          .append(box)
          .append(" }")
          .append(" @bottom-center { content: \"")
          .append(label)
          .append(" \\2014  page \" counter(page) \" of \" counter(pages);")
          .append(box)
          .append(" } }")
          .append("body { max-width: none; }")
          .append("h2.map { page-break-before: always; }");
    }
    return css.toString();
  }

  private static String tlpClass(Tlp tlp) {
    return "tlp-" + tlp.code().toLowerCase(Locale.ROOT).replace('+', '-');
  }

  /** The TLP 2.0 colours, printed on black. */
  static String colour(Tlp tlp) {
    return switch (tlp) {
      case CLEAR -> "#FFFFFF";
      case GREEN -> "#33FF00";
      case AMBER, AMBER_STRICT -> "#FFC000";
      case RED -> "#FF2B2B";
    };
  }

  private static String esc(String text) {
    return ReportText.xml(text);
  }
}
