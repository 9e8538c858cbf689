/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import io.javalin.http.Context;
import java.util.Locale;
import org.vigil.access.Permission;
import org.vigil.auth.Principal;
import org.vigil.http.Requests;
import org.vigil.http.Routes;
import org.vigil.model.Reliability;
import org.vigil.model.Tlp;

/**
 * The upload page: several files at once, each sent on its own to {@code POST /api/v1/documents} by
 * {@code upload.js}, with its own progress bar and its own outcome (stored, already stored, or
 * refused with the reason). A file over the size limit is refused before it is sent; the server
 * refuses it too.
 */
public final class UploadPage {
  private final long maxUploadBytes;

  public UploadPage(long maxUploadBytes) {
    this.maxUploadBytes = maxUploadBytes;
  }

  public void register(Routes routes) {
    routes.page("/upload", Permission.WRITE, this::form);
  }

  private void form(Context ctx) {
    Principal who = Requests.principal(ctx);
    Html page = Html.page("Upload", who, "");
    page.raw("<h1>Upload documents</h1>")
        .raw("<p class=\"hint\">Reports as PDF, Word, OpenDocument, HTML, e-mail or plain text,")
        .raw(" up to ")
        .text(megabytes(maxUploadBytes))
        .raw(" each. Vigil reads each one, finds the people, organisations, places, relations")
        .raw(" and events in it, and links every fact to its sentence.</p>")
        .raw("<form id=\"upload\" class=\"upload\" method=\"post\" action=\"")
        .text(Routes.PREFIX + "/documents")
        .raw("\" enctype=\"multipart/form-data\" data-max-bytes=\"")
        .text(Long.toString(maxUploadBytes))
        .raw("\"><label>Files <input type=\"file\" name=\"file\" multiple required></label>")
        .raw("<label>Marking <select name=\"marking\">");
    for (Tlp tlp : Tlp.values()) {
      page.raw("<option value=\"")
          .text(tlp.label())
          .raw("\"")
          .raw(tlp == Tlp.AMBER ? " selected" : "")
          .raw(">")
          .text(tlp.label())
          .raw("</option>");
    }
    page.raw("</select></label><label>Source reliability <select name=\"reliability\">");
    for (Reliability r : Reliability.values()) {
      page.raw("<option value=\"")
          .text(r.name())
          .raw("\"")
          .raw(r == Reliability.F ? " selected" : "")
          .raw(">")
          .text(r.name() + " – " + r.description())
          .raw("</option>");
    }
    page.raw("</select></label><button type=\"submit\">Upload</button></form>")
        .raw("<noscript><p class=\"error\">This page needs JavaScript to send files one by one;")
        .raw(" without it, use <code>vigil ingest</code>.</p></noscript>")
        .raw("<ol id=\"uploads\" class=\"uploads\" aria-live=\"polite\"></ol>")
        .raw("<script src=\"/assets/upload.js\"></script>");
    ctx.html(page.end());
  }

  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }
}
