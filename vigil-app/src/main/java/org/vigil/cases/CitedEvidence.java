/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cases;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.vigil.model.Marking;

/**
 * What a citation points at, as one reader may see it: what it is, where its page is, the words of
 * the source it rests on, that source, and the marking of the cited statement or document.
 *
 * @param label what is cited, such as "Naji Sharifi-Zindashti" or "name: Naji Zindashti"
 * @param href the page of the evidence, a path on this server
 * @param quote the cited words of the source text, when the citation has a span
 * @param source the title of the source it was read in, when known
 * @param marking the marking of the cited statement or document; empty for an entity or a claim,
 *     which carry the markings of their many statements on their own pages
 */
public record CitedEvidence(
    Citation citation,
    String label,
    String href,
    Optional<String> quote,
    Optional<String> source,
    Optional<Marking> marking) {
  public CitedEvidence {
    requireNonNull(citation, "citation");
    requireNonNull(label, "label");
    requireNonNull(href, "href");
    if (!href.startsWith("/")) {
      throw new IllegalArgumentException("evidence lives on this server, not at " + href);
    }
    requireNonNull(quote, "quote");
    requireNonNull(source, "source");
    requireNonNull(marking, "marking");
  }

  /** Finds the evidence of a citation as one reader may see it. */
  @FunctionalInterface
  public interface Lookup {
    /** The evidence, if it exists and the reader may see it (the two are not told apart). */
    Optional<CitedEvidence> find(Citation citation);
  }
}
