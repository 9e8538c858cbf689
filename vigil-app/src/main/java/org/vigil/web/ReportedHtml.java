/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiConsumer;

/** The pieces the sections of {@link Reported} share: parties, places, claimants, evidence. */
final class ReportedHtml {
  private ReportedHtml() {}

  /** A link to the entity, or that it exists and the reader may not see it. */
  static void party(Html page, Reported.Party party) {
    party
        .href()
        .ifPresentOrElse(
            href -> page.link(href, party.label()),
            () -> page.raw("<span class=\"hint\">").text(party.label()).raw("</span>"));
  }

  /** A place, linked to a search for it across everything the reader may see. */
  static void place(Html page, String place) {
    page.raw("<a class=\"place\" href=\"/search?q=")
        .text(URLEncoder.encode(place, StandardCharsets.UTF_8))
        .raw("\">")
        .text(place)
        .raw("</a>");
  }

  /** Who holds it and how: "according to X (denies)"; nothing for the source's own assertion. */
  static void attribution(Html page, Reported.Attribution a) {
    if (!a.isClaim()) {
      return;
    }
    page.raw(" <span class=\"attribution\">");
    a.claimant()
        .ifPresent(c -> page.raw("claimant <span class=\"claimant\">").text(c).raw("</span>, "));
    stance(page, a.stance());
    page.raw("</span>");
  }

  static void stance(Html page, String stance) {
    page.raw("<span class=\"stance stance-").text(stance).raw("\">").text(stance).raw("</span>");
  }

  /** The sentence, then the document it is in (a link) and who gave it. */
  static void evidence(Html page, Reported.Evidence e) {
    e.sentence()
        .ifPresent(s -> page.raw("<blockquote class=\"evidence\">").text(s).raw("</blockquote>"));
    page.raw("<div class=\"hint provenance\">").marking(e.marking()).raw(" ");
    e.document()
        .ifPresent(
            d ->
                page.raw("<a class=\"document\" href=\"")
                    .text(d.href())
                    .raw("\">")
                    .text(d.title())
                    .raw("</a>, "));
    e.source().ifPresent(s -> page.text(s).raw(", "));
    page.text(e.givenBy()).raw("</div>");
  }

  /**
   * A section of {@code items}, each a list item of class {@code itemClass} written by {@code
   * item}, or the hint {@code none} when there are none.
   */
  static <T> void section(
      Html page,
      String cssClass,
      String heading,
      List<T> items,
      String none,
      String itemClass,
      BiConsumer<Html, T> item) {
    page.raw("<section class=\"").text(cssClass).raw("\"><h2>").text(heading).raw("</h2>");
    if (items.isEmpty()) {
      page.raw("<p class=\"hint\">").text(none).raw("</p></section>");
      return;
    }
    page.raw("<ul>");
    for (T t : items) {
      page.raw("<li class=\"").text(itemClass).raw("\">");
      item.accept(page, t);
      page.raw("</li>");
    }
    page.raw("</ul></section>");
  }
}
