/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cases.report;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A report as PDF: its XHTML set by openhtmltopdf in the embedded font, Arabic and Persian shaped
 * and laid right to left by ICU, the network picture drawn from its SVG by Batik with scripts and
 * outside resources off. Nothing is fetched: the document names no outside resource.
 */
final class ReportPdf {
  private ReportPdf() {}

  static byte[] render(CaseReport report) {
    ReportFonts.awt(); // registers the family for the SVG drawer
    String html = ReportHtml.document(report, ReportHtml.Medium.PRINT);
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.useFont(
        () -> ReportFonts.open(ReportFonts.REGULAR),
        ReportHtml.FONT,
        400,
        BaseRendererBuilder.FontStyle.NORMAL,
        true);
    builder.useFont(
        () -> ReportFonts.open(ReportFonts.BOLD),
        ReportHtml.FONT,
        700,
        BaseRendererBuilder.FontStyle.NORMAL,
        true);
    builder.useSVGDrawer(
        new BatikSVGDrawer(
            BatikSVGDrawer.SvgScriptMode.SECURE, BatikSVGDrawer.SvgExternalResourceMode.SECURE));
    builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
    builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
    builder.defaultTextDirection(BaseRendererBuilder.TextDirection.LTR);
    builder.withHtmlContent(html, null);
    builder.toStream(out);
    try {
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("writing a PDF in memory", e);
    }
    return out.toByteArray();
  }
}
