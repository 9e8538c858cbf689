/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cases;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Renders a note's Markdown for one reader, safely: raw HTML in the note is shown as text (never
 * passed through), links keep only http, https, mailto and this server's own paths, images become
 * their alt text (a note makes no request to another origin), and each citation becomes a link to
 * its evidence with a numbered reference, resolved as the reader may see it. A citation the reader
 * may not see (or that names nothing) keeps its words and says it is withheld, with no id.
 *
 * <p>Thread-safe: the parser and renderer are immutable.
 */
public final class NoteMarkdown {
  /** What the reader sees where a citation they may not read was. */
  static final String WITHHELD = " [citation withheld]";

  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder()
          .escapeHtml(true)
          .sanitizeUrls(true)
          .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
          .softbreak("<br>")
          .build();

  /**
   * A rendered note: its HTML (safe to put in a page as it is) and the evidence of its citations,
   * in the order of their reference numbers.
   */
  public record Rendered(String html, List<CitedEvidence> citations) {
    public Rendered {
      requireNonNull(html, "html");
      citations = List.copyOf(citations);
    }
  }

  /**
   * A note as plain text for a report: its paragraphs (each citation's words followed by its
   * reference number, "[2]", or by "[citation withheld]") and the evidence of its citations.
   */
  public record Plain(List<String> paragraphs, List<CitedEvidence> citations) {
    public Plain {
      paragraphs = List.copyOf(paragraphs);
      citations = List.copyOf(citations);
    }
  }

  private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

  private NoteMarkdown() {}

  /** Renders {@code markdown} as plain text, citations resolved with {@code lookup}. */
  public static Plain plain(String markdown, CitedEvidence.Lookup lookup) {
    requireNonNull(markdown, "markdown");
    requireNonNull(lookup, "lookup");
    Node document = PARSER.parse(markdown);
    List<CitedEvidence> cited = resolve(document, lookup, null);
    List<String> paragraphs = new ArrayList<>();
    // One paragraph per top-level block (paragraph, heading, list, quote).
    for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
      String text = TEXT.render(block).strip().replaceAll("\\s+", " ");
      if (!text.isEmpty()) {
        paragraphs.add(text);
      }
    }
    return new Plain(paragraphs, cited);
  }

  /**
   * Renders {@code markdown}; reference {@code n} links to the anchor {@code anchor + "-" + n},
   * where the page lists the evidence.
   */
  public static Rendered render(String markdown, CitedEvidence.Lookup lookup, String anchor) {
    requireNonNull(markdown, "markdown");
    requireNonNull(lookup, "lookup");
    requireNonNull(anchor, "anchor");
    Node document = PARSER.parse(markdown);
    List<CitedEvidence> cited = resolve(document, lookup, anchor);
    return new Rendered(RENDERER.render(document), cited);
  }

  /**
   * Turns each citation of the document into a link to its evidence followed by its reference
   * number (a link to {@code anchor + "-" + n}, or plain "[n]" without an anchor), or into its
   * words and "[citation withheld]"; images into their words. The evidence, in reference order.
   */
  private static List<CitedEvidence> resolve(
      Node document, CitedEvidence.Lookup lookup, String anchor) {
    List<Link> links = new ArrayList<>();
    List<Image> images = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Link link) {
            links.add(link);
            visitChildren(link);
          }

          @Override
          public void visit(Image image) {
            images.add(image);
          }
        });
    for (Image image : images) {
      unwrap(image);
    }
    List<CitedEvidence> cited = new ArrayList<>();
    for (Link link : links) {
      String destination = link.getDestination();
      if (!Citation.looksLikeCitation(destination)) {
        continue;
      }
      Optional<CitedEvidence> evidence = Citation.parse(destination).flatMap(lookup::find);
      if (evidence.isEmpty()) {
        link.insertAfter(new Text(WITHHELD));
        unwrap(link);
        continue;
      }
      cited.add(evidence.get());
      String number = "[" + cited.size() + "]";
      if (anchor == null) {
        link.insertAfter(new Text(" " + number));
        unwrap(link);
        continue;
      }
      link.setDestination(evidence.get().href());
      link.setTitle(evidence.get().label());
      Link reference = new Link("#" + anchor + "-" + cited.size(), null);
      reference.appendChild(new Text(number));
      link.insertAfter(reference);
    }
    return cited;
  }

  /** The well-formed citations a note makes, in order, for checking them when it is written. */
  public static List<Citation> citations(String markdown) {
    requireNonNull(markdown, "markdown");
    List<Citation> out = new ArrayList<>();
    PARSER
        .parse(markdown)
        .accept(
            new AbstractVisitor() {
              @Override
              public void visit(Link link) {
                Citation.parse(link.getDestination()).ifPresent(out::add);
                visitChildren(link);
              }
            });
    return out;
  }

  /** The link destinations written as citations that name nothing well formed, in order. */
  public static List<String> malformedCitations(String markdown) {
    requireNonNull(markdown, "markdown");
    List<String> out = new ArrayList<>();
    PARSER
        .parse(markdown)
        .accept(
            new AbstractVisitor() {
              @Override
              public void visit(Link link) {
                String d = link.getDestination();
                if (Citation.looksLikeCitation(d) && Citation.parse(d).isEmpty()) {
                  out.add(d);
                }
                visitChildren(link);
              }
            });
    return out;
  }

  /** Replaces a node by its children (an image by its alt text, a link by its words). */
  private static void unwrap(Node node) {
    Node child = node.getFirstChild();
    while (child != null) {
      Node next = child.getNext();
      node.insertBefore(child);
      child = next;
    }
    node.unlink();
  }
}
