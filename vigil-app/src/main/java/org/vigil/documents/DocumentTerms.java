/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.documents;

import static java.util.Objects.requireNonNull;

import org.vigil.model.Marking;
import org.vigil.model.Reliability;

/**
 * What a batch of documents is stored under: the marking of their statements and the Admiralty
 * reliability of their sources.
 */
public record DocumentTerms(Marking marking, Reliability reliability) {
  public DocumentTerms {
    requireNonNull(marking, "marking");
    requireNonNull(reliability, "reliability");
  }
}
