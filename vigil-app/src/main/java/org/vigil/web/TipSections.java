/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.vigil.auth.Principal;
import org.vigil.model.Tlp;
import org.vigil.store.StoredCase;
import org.vigil.tips.TipDesk;
import org.vigil.tips.triage.TipTriage;

/** The sections and forms of a tip's page. */
final class TipSections {
  private TipSections() {}

  /** What triage read: language, names, links, list hits, relations, claims, spam signs. */
  static void triage(Html page, TipTriage t) {
    page.raw("<section id=\"tip-triage\"><h2>Triage</h2><dl>")
        .raw("<dt>Language</dt><dd id=\"tip-language\">")
        .text(t.language().code())
        .raw("</dd><dt>Suggested priority</dt><dd>")
        .text(Integer.toString(t.suggestedPriority()))
        .raw("</dd><dt>Group of copies</dt><dd>")
        .text(t.group())
        .raw("</dd>");
    if (!t.spamSignals().isEmpty()) {
      page.raw("<dt>Spam signs</dt><dd class=\"spam\">")
          .text(String.join("; ", t.spamSignals()))
          .raw("</dd>");
    }
    page.raw("<dt>Names</dt><dd>");
    for (TipTriage.Name n : t.names()) {
      page.raw("<span class=\"name\" dir=\"auto\">")
          .text(n.text())
          .raw("</span> (")
          .text(n.type())
          .raw(") ");
    }
    page.raw("</dd><dt>Known entities</dt><dd id=\"tip-links\">");
    for (TipTriage.Link l : t.links()) {
      page.link("/entities/" + URLEncoder.encode(l.entityId(), StandardCharsets.UTF_8), l.caption())
          .raw(" ");
    }
    page.raw("</dd><dt>Screening</dt><dd id=\"tip-screening\">");
    for (TipTriage.Hit h : t.hits()) {
      page.text(h.name())
          .raw(" ≈ ")
          .link("/entities/" + URLEncoder.encode(h.entryId(), StandardCharsets.UTF_8), h.caption())
          .text(" (" + h.dataset() + ", " + String.format(Locale.ROOT, "%.2f", h.score()) + ") ");
    }
    page.raw("</dd>");
    list(page, "Relations", t.relations());
    list(page, "Claims", t.claims());
    page.raw("</dl></section>");
  }

  private static void list(Html page, String title, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    page.raw("<dt>").text(title).raw("</dt><dd><ul>");
    items.forEach(i -> page.raw("<li dir=\"auto\">").text(i).raw("</li>"));
    page.raw("</ul></dd>");
  }

  /** The thread, oldest first: the tipster's messages and the handlers' replies. */
  static void thread(Html page, TipDesk.OpenedTip tip) {
    page.raw("<section id=\"thread\"><h2>Thread</h2>");
    for (TipDesk.OpenedMessage m : tip.messages()) {
      page.raw("<article class=\"message message-")
          .text(m.author().code())
          .raw("\"><p class=\"meta\">")
          .text(m.author().code() + " · " + m.on())
          .raw("</p><p class=\"text\" dir=\"auto\">")
          .text(m.text())
          .raw("</p></article>");
    }
    page.raw("</section>");
  }

  /** The attachments: the cleaned working copy to open, or why there is none. */
  static void attachments(Html page, String tipId, TipDesk.OpenedTip tip) {
    if (tip.originals().isEmpty()) {
      return;
    }
    page.raw("<section id=\"tip-attachments\"><h2>Attachments</h2><ul>");
    for (TipDesk.OpenedOriginal a : tip.originals()) {
      page.raw("<li>")
          .text(a.mediaType().orElse("unknown type") + ", " + a.sizeBytes() + " bytes: ");
      if (a.hasWorkingCopy()) {
        page.link(
            "/api/v1/tips/"
                + URLEncoder.encode(tipId, StandardCharsets.UTF_8)
                + "/attachments/"
                + a.seq()
                + "/working-copy",
            "cleaned copy (metadata removed)");
      } else {
        page.text("no cleaned copy (" + a.note() + ")");
      }
      page.raw("</li>");
    }
    page.raw("</ul></section>");
  }

  /** The forms of a tip still in the queue: reply, priority, release. */
  static void forms(Html page, Principal who, String tipId, int priority, List<StoredCase> cases) {
    String base = TipPages.href(tipId);
    page.raw("<form id=\"tip-reply\" method=\"post\" action=\"").text(base + "/replies").raw("\">");
    TipPages.token(page, who);
    page.raw("<h3>Reply</h3><label>Reply to the tipster (they read it with their receipt)")
        .raw(" <textarea name=\"text\" rows=\"4\" maxlength=\"20000\" dir=\"auto\" required>")
        .raw("</textarea></label><button type=\"submit\">Send the reply</button></form>");
    page.raw("<form id=\"tip-priority-form\" method=\"post\" action=\"")
        .text(base + "/priority")
        .raw("\">");
    TipPages.token(page, who);
    page.raw("<h3>Priority</h3><label>Priority <select name=\"priority\">");
    for (int p = 3; p >= 0; p--) {
      page.raw("<option value=\"")
          .text(Integer.toString(p))
          .raw(p == priority ? "\" selected>" : "\">")
          .text(Integer.toString(p))
          .raw("</option>");
    }
    page.raw("</select></label><button type=\"submit\">Set</button></form>");
    release(page, who, base, cases);
  }

  private static void release(Html page, Principal who, String base, List<StoredCase> cases) {
    page.raw("<form id=\"tip-release\" method=\"post\" action=\"")
        .text(base + "/release")
        .raw("\">");
    TipPages.token(page, who);
    page.raw("<h3>Release into a case</h3>");
    if (cases.isEmpty()) {
      page.raw("<p class=\"hint\">No open case of your organisation is shared with you. A case's")
          .raw(" owner shares it with you first.</p></form>");
      return;
    }
    page.raw("<label>Case <select name=\"case\">");
    for (StoredCase c : cases) {
      page.raw("<option value=\"").text(c.id()).raw("\">").text(c.title()).raw("</option>");
    }
    page.raw("</select></label><label>Marking of the tip <select name=\"tlp\">");
    for (Tlp t : Tlp.values()) {
      page.raw("<option value=\"")
          .text(t.code())
          .raw(t == Tlp.AMBER ? "\" selected>" : "\">")
          .text(t.label())
          .raw("</option>");
    }
    page.raw("</select></label><p class=\"hint\">Analysts who may read the case and the marking")
        .raw(" see the tipster's text as a document of an anonymous source; never the receipt,")
        .raw(" the replies or the day it came.</p><button type=\"submit\">Release</button></form>");
  }
}
