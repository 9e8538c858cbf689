/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.vigil.access.Viewer;
import org.vigil.documents.EvidenceText;
import org.vigil.model.Source;
import org.vigil.network.Evidence;
import org.vigil.store.Document;
import org.vigil.store.Store;

/**
 * Turns the graph's evidence into what the evidence panel shows: the whole sentence a span was read
 * in (with the span's place in it), the source's marking and the day it was received. The sentence
 * and the source's details appear only when the reader may see the source (a visible statement of a
 * hidden document shows its own words and no more). Built for one answer, it reads each source and
 * document once; not thread-safe.
 */
final class EvidenceDetails implements Function<Evidence, NetworkJson.EvidenceView> {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Store store;
  private final Viewer viewer;
  private final Map<String, Optional<Source>> sources = new HashMap<>();
  private final Map<String, Optional<Document>> documents = new HashMap<>();

  EvidenceDetails(Store store, Viewer viewer) {
    this.store = requireNonNull(store, "store");
    this.viewer = requireNonNull(viewer, "viewer");
  }

  @Override
  public NetworkJson.EvidenceView apply(Evidence e) {
    Optional<Source> source =
        e.sourceTitle().isPresent()
            ? sources.computeIfAbsent(e.sourceId(), id -> store.statements().source(id, viewer))
            : Optional.empty();
    Optional<EvidenceText.Sentence> sentence = Optional.empty();
    if (source.isPresent() && e.documentId().isPresent() && e.span().isPresent()) {
      sentence =
          documents
              .computeIfAbsent(e.documentId().get(), id -> store.documents().document(id, viewer))
              .filter(d -> e.span().get().end() <= d.text().length())
              .map(d -> EvidenceText.around(d.text(), e.span().get()));
    }
    return NetworkJson.evidence(
        e,
        sentence.map(s -> text(s)),
        sentence.map(s -> s.spanStart() - s.start() + (s.cutBefore() ? 1 : 0)),
        sentence.map(s -> s.spanEnd() - s.start() + (s.cutBefore() ? 1 : 0)),
        source.map(s -> s.marking().tlp().code()),
        source.map(s -> DAY.format(s.retrievedAt())));
  }

  private static String text(EvidenceText.Sentence s) {
    return (s.cutBefore() ? "…" : "")
        + s.text().substring(s.start(), s.end())
        + (s.cutAfter() ? "…" : "");
  }
}
