/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.model.Marking;
import org.vigil.model.Span;
import org.vigil.model.Tlp;

class NoteMarkdownTest {
  /** A reader who sees the entity "q7-zindashti" and a span of "doc-treasury", nothing else. */
  private static final CitedEvidence.Lookup READER =
      c -> {
        if (c instanceof Citation.OfEntity e && e.entityId().equals("q7-zindashti")) {
          return Optional.of(
              new CitedEvidence(
                  c,
                  "Naji Sharifi-Zindashti (Person)",
                  "/entities/q7-zindashti",
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty()));
        }
        if (c instanceof Citation.OfDocument d && d.documentId().equals("doc-treasury")) {
          return Optional.of(
              new CitedEvidence(
                  c,
                  "Treasury press release",
                  "/documents/doc-treasury",
                  Optional.of("acting at the behest of MOIS"),
                  Optional.of("Treasury press release"),
                  Optional.of(Marking.of(Tlp.GREEN, "org-a"))));
        }
        return Optional.empty();
      };

  private static String html(String markdown) {
    return NoteMarkdown.render(markdown, READER, "note-1-cite").html();
  }

  @Test
  void rawHtmlInANoteIsShownAsTextNeverPassedThrough() {
    String out =
        html(
            "<script>alert(1)</script>\n\nHello <img src=x onerror=alert(2)> and"
                + " <a href=\"javascript:alert(3)\">x</a>\n\n<div style=\"color:red\">block</div>");
    assertThat(out)
        .doesNotContain("<script")
        .doesNotContain("<img")
        .doesNotContain("<a href=\"javascript")
        .doesNotContain("<div")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("&lt;img src=x onerror=alert(2)&gt;");
  }

  @Test
  void scriptLinksLoseTheirDestinationInEverySpelling() {
    for (String hostile :
        List.of(
            "[a](javascript:alert(1))",
            "[a](JaVaScRiPt:alert(1))",
            "[a](java&#x09;script:alert(1))",
            "[a](vbscript:msgbox(1))",
            "[a](data:text/html,<script>alert(1)</script>)",
            "<javascript:alert(1)>",
            "[a][r]\n\n[r]: javascript:alert(1)")) {
      String out = html(hostile).toLowerCase(java.util.Locale.ROOT);
      assertThat(out)
          .as(hostile)
          .doesNotContain("href=\"javascript")
          .doesNotContain("href=\"vbscript");
      assertThat(out).as(hostile).doesNotContain("href=\"data:").doesNotContain("<script");
    }
  }

  @Test
  void attributesCannotBeBrokenOutOf() {
    String out = html("[a](/x \"t\\\" onmouseover=\\\"alert(1)\")");
    assertThat(out).doesNotContain("\" onmouseover=\"");
  }

  @Test
  void imagesBecomeTheirWordsSoANoteRequestsNothingFromAnotherOrigin() {
    String out = html("See ![the map](https://tiles.example.org/1.png) here");
    assertThat(out).doesNotContain("<img").doesNotContain("tiles.example.org").contains("the map");
  }

  @Test
  void aCitationTheReaderSeesLinksToItsEvidenceWithANumberedReference() {
    NoteMarkdown.Rendered r =
        NoteMarkdown.render(
            "[Zindashti](entity:q7-zindashti) worked [for MOIS](document:doc-treasury#10-38).",
            READER,
            "note-1-cite");
    assertThat(r.html())
        .contains("href=\"/entities/q7-zindashti\" title=\"Naji Sharifi-Zindashti (Person)\">")
        .contains("href=\"#note-1-cite-1\">[1]</a>")
        .contains("href=\"/documents/doc-treasury\"")
        .contains("href=\"#note-1-cite-2\">[2]</a>");
    assertThat(r.citations())
        .extracting(CitedEvidence::quote)
        .containsExactly(Optional.empty(), Optional.of("acting at the behest of MOIS"));
    assertThat(((Citation.OfDocument) r.citations().get(1).citation()).span())
        .contains(new Span(10, 38));
  }

  @Test
  void aCitationTheReaderMayNotSeeKeepsItsWordsAndNamesNothing() {
    NoteMarkdown.Rendered r =
        NoteMarkdown.render(
            "Met [the officer](entity:secret-officer-9) and [x](statement:bad)",
            READER,
            "note-1-cite");
    assertThat(r.html())
        .contains("the officer" + NoteMarkdown.WITHHELD)
        .doesNotContain("secret-officer-9")
        .doesNotContain("statement:bad")
        .doesNotContain("<a ");
    assertThat(r.citations()).isEmpty();
  }

  @Test
  void citationsAreReadInTheirFourFormsAndMalformedOnesAreNamed() {
    assertThat(
            NoteMarkdown.citations(
                "[a](entity:p1) [b](statement:p1/0123456789abcdef0123456789abcdef)"
                    + " [c](document:d1#3-9) [d](claim:ev:1) [e](https://example.org)"))
        .containsExactly(
            new Citation.OfEntity("p1"),
            new Citation.OfStatement("p1", "0123456789abcdef0123456789abcdef"),
            new Citation.OfDocument("d1", Optional.of(new Span(3, 9))),
            new Citation.OfClaim("ev:1"));
    assertThat(NoteMarkdown.malformedCitations("[a](document:d1#9-3) [b](entity:p1)"))
        .containsExactly("document:d1#9-3");
  }
}
