/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * Where statements came from: a document, a list release, a tip, a STIX bundle or an analyst, with
 * the Admiralty grade of its reliability and the marking its statements take unless they say
 * otherwise.
 *
 * @param id stable id, an entity id in form
 * @param kind what sort of source this is
 * @param title what a user sees, such as a document's title or "OFAC SDN 2026-08-20"
 * @param reliability the Admiralty reliability grade
 * @param marking the default marking of its statements
 * @param uri where it was read from, when known
 * @param contentHash a digest of its content (such as "sha256:...") when known
 * @param retrievedAt when Vigil read it
 */
public record Source(
    String id,
    SourceKind kind,
    String title,
    Reliability reliability,
    Marking marking,
    Optional<String> uri,
    Optional<String> contentHash,
    Instant retrievedAt) {

  public Source {
    if (!PropertyType.isEntityId(id)) {
      throw new InvalidValueException("'" + id + "' is not a valid source id");
    }
    requireNonNull(kind, "kind");
    title = PropertyType.TEXT.normalise(title);
    requireNonNull(reliability, "reliability");
    requireNonNull(marking, "marking");
    requireNonNull(uri, "uri");
    requireNonNull(contentHash, "contentHash");
    requireNonNull(retrievedAt, "retrievedAt");
  }
}
