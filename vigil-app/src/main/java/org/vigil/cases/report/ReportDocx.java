/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cases.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.vigil.model.Tlp;

/**
 * A report as DOCX (Apache POI): the marking in every page's header and footer, a cover with the
 * highest marking, a portion marking before every paragraph, the network picture as PNG drawn from
 * the same layout as the SVG, and the sources as numbered endnotes at the end.
 */
final class ReportDocx {
  private ReportDocx() {}

  static byte[] render(CaseReport r) {
    try (XWPFDocument doc = new XWPFDocument()) {
      marking(doc.createHeader(HeaderFooterType.DEFAULT).createParagraph(), r.highest(), "");
      marking(
          doc.createFooter(HeaderFooterType.DEFAULT).createParagraph(),
          r.highest(),
          " \u2014 for " + r.recipientName());
      cover(doc, r);
      r.summary()
          .ifPresent(
              s -> {
                heading(doc, "Executive summary");
                for (CaseReport.Fact f : s.facts()) {
                  paragraph(doc, new CaseReport.Portion(s.marking(), "", List.of(f)), false);
                }
              });
      section(doc, "Analysts' notes", r.notes());
      section(doc, "Hypotheses", r.hypotheses());
      heading(doc, "Findings");
      for (CaseReport.Portion p : r.findings()) {
        paragraph(doc, p, false);
      }
      heading(doc, "Network");
      XWPFParagraph caption = doc.createParagraph();
      portionMark(caption, r.pictureMarking());
      caption
          .createRun()
          .setText(
              "Figure 1. The case's entities and the links among them that "
                  + r.recipientName()
                  + " may read; filled discs are people."
                  + (r.picture().left() > 0
                      ? " The " + r.picture().left() + " least linked entities are left out."
                      : ""));
      byte[] png = r.picture().png(ReportFonts.awt());
      doc.createParagraph()
          .createRun()
          .addPicture(
              new ByteArrayInputStream(png),
              Document.PICTURE_TYPE_PNG,
              "network.png",
              Units.toEMU(NetworkPicture.WIDTH * 0.62),
              Units.toEMU(NetworkPicture.HEIGHT * 0.62));
      map(doc, r);
      section(doc, "Links", r.links());
      heading(doc, "Timeline");
      for (CaseReport.Portion p : r.timeline()) {
        paragraph(doc, p, true);
      }
      section(doc, "Tasks", r.tasks());
      heading(doc, "Sources");
      for (CaseReport.Endnote n : r.endnotes()) {
        XWPFParagraph para = doc.createParagraph();
        portionMark(para, n.marking());
        XWPFRun run = para.createRun();
        run.setFontSize(8);
        run.setText("[" + n.number() + "] " + n.line());
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("writing a DOCX in memory", e);
    } catch (InvalidFormatException e) {
      throw new IllegalStateException("POI refused a PNG Vigil drew itself", e);
    }
  }

  private static void map(XWPFDocument doc, CaseReport r)
      throws IOException, InvalidFormatException {
    heading(doc, "Map");
    XWPFParagraph caption = doc.createParagraph();
    portionMark(caption, r.map().isEmpty() ? Tlp.CLEAR : r.mapMarking());
    caption.createRun().setText(r.map().caption(r.recipientName()));
    if (r.map().isEmpty()) {
      return;
    }
    doc.createParagraph()
        .createRun()
        .addPicture(
            new ByteArrayInputStream(r.map().png(ReportFonts.awt())),
            Document.PICTURE_TYPE_PNG,
            "map.png",
            Units.toEMU(ReportMap.WIDTH * 0.62),
            Units.toEMU(ReportMap.HEIGHT * 0.62));
  }

  private static void cover(XWPFDocument doc, CaseReport r) {
    XWPFParagraph banner = doc.createParagraph();
    banner.setAlignment(ParagraphAlignment.CENTER);
    banner.setSpacingBefore(2400);
    XWPFRun big = banner.createRun();
    big.setBold(true);
    big.setFontSize(28);
    big.setColor(ReportHtml.colour(r.highest()).substring(1));
    big.getCTR().addNewRPr().addNewShd().setFill("000000");
    big.setText(r.highest().label());
    XWPFParagraph title = doc.createParagraph();
    title.setSpacingBefore(600);
    portionMark(title, r.titleMarking());
    XWPFRun t = title.createRun();
    t.setBold(true);
    t.setFontSize(20);
    t.setText(r.title());
    XWPFParagraph meta = doc.createParagraph();
    portionMark(meta, r.highest());
    meta.createRun()
        .setText(
            "Prepared for "
                + r.recipientName()
                + " ("
                + r.recipient()
                + ") by "
                + r.author()
                + " on "
                + r.madeAt().atOffset(ZoneOffset.UTC).toLocalDate()
                + " from case "
                + r.caseId()
                + ". The highest marking of its contents is "
                + r.highest().label()
                + "; each paragraph starts with its own marking and each fact cites its sources.");
    meta.createRun().addBreak(BreakType.PAGE);
  }

  /** A heading and its paragraphs; nothing when there are none. */
  private static void section(XWPFDocument doc, String title, List<CaseReport.Portion> portions) {
    if (portions.isEmpty()) {
      return;
    }
    heading(doc, title);
    for (CaseReport.Portion p : portions) {
      paragraph(doc, p, false);
    }
  }

  private static void heading(XWPFDocument doc, String text) {
    XWPFParagraph p = doc.createParagraph();
    p.setSpacingBefore(240);
    XWPFRun run = p.createRun();
    run.setBold(true);
    run.setFontSize(14);
    run.setText(text);
  }

  private static void paragraph(XWPFDocument doc, CaseReport.Portion p, boolean leadIsDate) {
    XWPFParagraph para = doc.createParagraph();
    portionMark(para, p.marking());
    if (!p.lead().isEmpty()) {
      XWPFRun lead = para.createRun();
      lead.setBold(true);
      lead.setText(p.lead() + (leadIsDate ? " " : ". "));
    }
    for (int i = 0; i < p.facts().size(); i++) {
      CaseReport.Fact f = p.facts().get(i);
      para.createRun().setText(f.text());
      for (int n : f.notes()) {
        XWPFRun note = para.createRun();
        note.setSubscript(org.apache.poi.xwpf.usermodel.VerticalAlign.SUPERSCRIPT);
        note.setText("[" + n + "]");
      }
      if (i + 1 < p.facts().size()) {
        para.createRun().setText("; ");
      }
    }
  }

  private static void portionMark(XWPFParagraph para, Tlp marking) {
    XWPFRun run = para.createRun();
    run.setBold(true);
    run.setFontSize(8);
    run.setText("(" + marking.label() + ") ");
  }

  private static void marking(XWPFParagraph p, Tlp tlp, String tail) {
    p.setAlignment(ParagraphAlignment.CENTER);
    XWPFRun run = p.createRun();
    run.setBold(true);
    run.setColor(ReportHtml.colour(tlp).substring(1));
    run.getCTR().addNewRPr().addNewShd().setFill("000000");
    run.setText(tlp.label());
    if (!tail.isEmpty()) {
      p.createRun().setText(tail);
    }
  }
}
