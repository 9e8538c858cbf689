/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.documents;

import static java.util.Objects.requireNonNull;

import org.vigil.access.Viewer;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Tlp;

/**
 * What a batch of documents is stored under: the marking of their statements, the Admiralty
 * reliability of their sources, and who offers them. The uploader bounds duplicate detection: a
 * document is checked only against the stored documents the uploader may read, so that no answer
 * tells of a document they may not.
 *
 * @param marking the marking of the documents; a TLP:RED one names at least one user, since a RED
 *     document that names no one could be read by nobody
 * @param reliability the reliability of the documents' sources
 * @param uploader who offers the documents
 */
public record DocumentTerms(Marking marking, Reliability reliability, Viewer uploader) {
  public DocumentTerms {
    requireNonNull(marking, "marking");
    requireNonNull(reliability, "reliability");
    requireNonNull(uploader, "uploader");
    if (marking.tlp() == Tlp.RED && marking.namedUsers().isEmpty()) {
      throw new InvalidValueException(
          "a TLP:RED document must name at least one user who may read it; no one could read it"
              + " otherwise");
    }
  }

  /**
   * Terms for documents an operator ingests from the command line (or the demo, a benchmark): the
   * operator holds the whole database and is checked against every stored document.
   */
  public DocumentTerms(Marking marking, Reliability reliability) {
    this(marking, reliability, Viewer.system());
  }
}
