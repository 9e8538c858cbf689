/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.vigil.access.MarkingPolicy;
import org.vigil.access.Viewer;
import org.vigil.model.Source;
import org.vigil.model.Span;
import org.vigil.network.Evidence;

/**
 * Turns visible statements into {@link Evidence}: looks up their sources (title and grade only when
 * the reader may see the source), whether each source is a stored document, and, for a statement
 * read from a document without a quoted sentence beside it, the text of its span. Built for one
 * answer; loads what it needs in a few queries.
 */
final class EvidenceReader {
  /** Longest span text shown as evidence; longer spans are cut with an ellipsis. */
  private static final int MAX_TEXT = 1_000;

  private final Database db;
  private final Viewer viewer;
  private final Map<String, Optional<Source>> sources = new HashMap<>();
  private final Set<String> documents = new HashSet<>();

  EvidenceReader(Database db, Viewer viewer, Collection<StatementRow> statements) {
    this.db = db;
    this.viewer = viewer;
    Set<String> ids = new HashSet<>();
    for (StatementRow s : statements) {
      ids.add(s.sourceId());
    }
    load(ids);
  }

  /**
   * One evidence item per span among {@code statements} (all visible, one record): the statement
   * that {@code main} prefers stands for its span, and a "description" statement of the same span
   * and source, which the extractor fills with the sentence, gives the text.
   */
  List<Evidence> of(List<StatementRow> statements, Predicate<StatementRow> main) {
    Map<String, List<StatementRow>> bySpan = new LinkedHashMap<>();
    for (StatementRow s : statements) {
      String key = s.sourceId() + '|' + s.span().map(sp -> sp.start() + ":" + sp.end()).orElse("");
      bySpan.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
    }
    List<Evidence> out = new ArrayList<>();
    for (List<StatementRow> group : bySpan.values()) {
      StatementRow chosen = group.stream().filter(main).findFirst().orElse(group.get(0));
      Optional<String> text =
          group.stream()
              .filter(s -> s.property().equals("description") || s.property().equals("summary"))
              .map(StatementRow::value)
              .findFirst();
      if (text.isEmpty() && chosen.span().isPresent() && documents.contains(chosen.sourceId())) {
        text = spanText(chosen.sourceId(), chosen.span().get());
      }
      out.add(evidence(chosen, text));
    }
    return out;
  }

  /** The evidence of one statement, with the text of its span when it was read from a document. */
  Evidence single(StatementRow s) {
    Optional<String> text = Optional.empty();
    if (s.span().isPresent() && documents.contains(s.sourceId())) {
      text = spanText(s.sourceId(), s.span().get());
    }
    return evidence(s, text);
  }

  private Evidence evidence(StatementRow s, Optional<String> text) {
    Optional<Source> source = sources.getOrDefault(s.sourceId(), Optional.empty());
    Optional<String> grade =
        source.map(
            src ->
                src.reliability().name()
                    + (s.credibility().isPresent()
                        ? Integer.toString(s.credibility().getAsInt())
                        : ""));
    return new Evidence(
        s.id(),
        s.sourceId(),
        source.map(Source::title),
        documents.contains(s.sourceId()) ? Optional.of(s.sourceId()) : Optional.empty(),
        text,
        s.span(),
        s.extractor(),
        s.confidence(),
        grade);
  }

  private void load(Set<String> ids) {
    if (ids.isEmpty()) {
      return;
    }
    db.read(
        c -> {
          for (List<String> chunk : JdbcStatementRepository.chunks(ids)) {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT "
                        + Rows.SOURCE_COLUMNS
                        + " FROM sources WHERE id IN ("
                        + JdbcStatementRepository.placeholders(chunk.size())
                        + ")")) {
              JdbcStatementRepository.bindAll(ps, chunk);
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  Source source = Rows.source(rs);
                  sources.put(
                      source.id(),
                      MarkingPolicy.canSee(viewer, source.marking())
                          ? Optional.of(source)
                          : Optional.empty());
                }
              }
            }
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT source_id FROM documents WHERE source_id IN ("
                        + JdbcStatementRepository.placeholders(chunk.size())
                        + ")")) {
              JdbcStatementRepository.bindAll(ps, chunk);
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  documents.add(rs.getString(1));
                }
              }
            }
          }
          return null;
        });
  }

  private Optional<String> spanText(String documentId, Span span) {
    int length = Math.min(span.length(), MAX_TEXT);
    if (length == 0) {
      return Optional.empty();
    }
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT SUBSTRING(plain_text FROM ? FOR ?) FROM documents WHERE source_id = ?")) {
            ps.setInt(1, span.start() + 1);
            ps.setInt(2, length);
            ps.setString(3, documentId);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next() || rs.getString(1) == null) {
                return Optional.<String>empty();
              }
              String text = rs.getString(1).strip();
              return Optional.of(length < span.length() ? text + "…" : text);
            }
          }
        });
  }
}
