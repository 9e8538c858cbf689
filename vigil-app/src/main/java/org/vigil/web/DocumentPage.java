/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.vigil.access.Permission;
import org.vigil.audit.AuditAction;
import org.vigil.auth.Principal;
import org.vigil.documents.ReleasedFiles;
import org.vigil.documents.StoredDocument;
import org.vigil.http.Backend;
import org.vigil.http.Requests;
import org.vigil.http.Routes;
import org.vigil.model.Entity;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.Span;
import org.vigil.model.Statement;
import org.vigil.store.Document;
import org.vigil.store.DocumentSummary;
import org.vigil.store.Store;
import org.vigil.store.TipRepository;

/**
 * A document's page: its text with each entity mention marked and linked to the entity's page;
 * beside it, the relations and events read from it with their evidence sentences, its near copies
 * and the document it copies; and its source's grade and marking. Only statements the viewer may
 * see are shown; a document the viewer may not see is "not found".
 */
public final class DocumentPage {
  /** The most entities of one document the page reads. */
  static final int MAX_RECORDS = 500;

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Supplier<Backend> backend;

  public DocumentPage(Supplier<Backend> backend) {
    this.backend = requireNonNull(backend, "backend");
  }

  public void register(Routes routes) {
    routes.page("/documents/{id}", Permission.READ, this::document);
  }

  /** A marked stretch of the text: a mention of an entity. */
  private record Mention(int start, int end, Entity entity) {}

  /** What was read from the document about one entity (an edge, an event or a thing). */
  private record Reading(Entity entity, List<Statement> statements) {
    Optional<Statement> first(String property) {
      return statements.stream().filter(s -> s.property().equals(property)).findFirst();
    }

    List<String> values(String property) {
      return statements.stream()
          .filter(s -> s.property().equals(property))
          .map(Statement::value)
          .distinct()
          .toList();
    }
  }

  private void document(Context ctx) {
    Principal who = Requests.principal(ctx);
    String id = ctx.pathParam("id");
    Backend b = backend.get();
    Store store = b.store();
    Optional<StoredDocument> found = StoredDocument.find(store, who.viewer(), id);
    b.audit()
        .record(ctx, who, AuditAction.READ_DOCUMENT, id, found.isPresent() ? "page" : "not found");
    if (found.isEmpty()) {
      ctx.status(404)
          .html(
              Html.page("Not found", who, "")
                  .raw("<h1>Not found</h1><p class=\"error\">There is no document ")
                  .text(id)
                  .raw(" that you may see.</p>")
                  .end());
      return;
    }
    Document d = found.get().document();
    Source s = found.get().source();

    Map<String, Entity> byRecord = new LinkedHashMap<>();
    List<Reading> readings = new ArrayList<>();
    Map<String, Entity> cited =
        store
            .statements()
            .entities(store.search().recordsCiting(id, who.viewer(), MAX_RECORDS), who.viewer());
    for (Map.Entry<String, Entity> e : cited.entrySet()) {
      String recordId = e.getKey();
      byRecord.put(recordId, e.getValue());
      List<Statement> fromHere =
          e.getValue().statements().stream()
              .filter(st -> st.sourceId().equals(id) && st.entityId().equals(recordId))
              .toList();
      if (!fromHere.isEmpty()) {
        readings.add(new Reading(e.getValue(), fromHere));
      }
    }

    Html page = Html.page(s.title(), who, "");
    heading(page, s, d);
    page.raw("<div class=\"document-layout\"><article class=\"document-text\">");
    text(page, d.text(), mentions(readings, d.text().length()));
    page.raw("</article><aside class=\"document-side\">");
    duplicates(page, store, who, d);
    files(page, store, who, d);
    ReportedSections.write(page, ReportedReader.of(d, s, byRecord));
    page.raw("</aside></div>");
    ctx.html(page.end());
  }

  private static void heading(Html page, Source s, Document d) {
    page.raw("<h1>").text(s.title()).raw("</h1><p class=\"meta\">").marking(s.marking());
    page.raw(" Source grade ")
        .grade(s.reliability())
        .raw(" <span class=\"hint\">")
        .text(s.reliability().description())
        .raw("</span> · ")
        .text(d.fileName())
        .raw(" · ")
        .text(d.mediaType())
        .raw(d.language().isPresent() ? " · " : "")
        .text(d.language().orElse(""))
        .raw(" · stored ")
        .text(WHEN.format(d.createdAt()))
        .raw("</p>");
    if (!d.status().equals("read")) {
      page.raw("<p class=\"hint\">").text(d.status() + ": " + d.reason()).raw("</p>");
    }
  }

  /** Mentions of things (not edges or events), in text order, overlaps dropped. */
  private static List<Mention> mentions(List<Reading> readings, int textLength) {
    List<Mention> all = new ArrayList<>();
    for (Reading r : readings) {
      if (r.entity().schema().kind() != Schema.Kind.NODE || isEvent(r.entity().schema())) {
        continue;
      }
      for (Statement st : r.statements()) {
        if (st.span().isEmpty() || st.isReference()) {
          continue;
        }
        Span span = st.span().get();
        if (span.start() >= 0 && span.end() <= textLength && span.start() < span.end()) {
          all.add(new Mention(span.start(), span.end(), r.entity()));
        }
      }
    }
    all.sort(
        Comparator.comparingInt(Mention::start)
            .thenComparing(Comparator.comparingInt(Mention::end).reversed()));
    List<Mention> kept = new ArrayList<>();
    int at = 0;
    for (Mention m : all) {
      if (m.start() >= at) {
        kept.add(m);
        at = m.end();
      }
    }
    return kept;
  }

  private static void text(Html page, String text, List<Mention> mentions) {
    int at = 0;
    for (Mention m : mentions) {
      page.text(text.substring(at, m.start()))
          .raw("<a class=\"mention mention-")
          .text(m.entity().schema().ftmName().toLowerCase(Locale.ROOT))
          .raw("\" href=\"")
          .text(Html.hrefOf(m.entity().id(), m.entity().schema()))
          .raw("\" title=\"")
          .text(m.entity().schema().ftmName() + ": " + label(m.entity()))
          .raw("\">")
          .text(text.substring(m.start(), m.end()))
          .raw("</a>");
      at = m.end();
    }
    page.text(text.substring(at));
  }

  /** The files released with the document (a tip's cleaned attachments), when there are any. */
  private static void files(Html page, Store store, Principal who, Document d) {
    List<TipRepository.ReleasedFile> files = store.tips().releasedFiles(d.sourceId(), who.viewer());
    if (files.isEmpty()) {
      return;
    }
    page.raw("<section class=\"released-files\"><h2>Files</h2><ul>");
    for (TipRepository.ReleasedFile f : files) {
      page.raw("<li>")
          .marking(f.marking())
          .raw(" ")
          .link(ReleasedFiles.href(f), ReleasedFiles.fileName(f))
          .raw(" <span class=\"hint\">")
          .text(f.mediaType() + ", " + f.sizeBytes() + " bytes, metadata removed")
          .raw("</span></li>");
    }
    page.raw("</ul></section>");
  }

  private static void duplicates(Html page, Store store, Principal who, Document d) {
    List<DocumentSummary> copies = store.documents().nearCopies(d.sourceId(), who.viewer());
    Optional<Source> original =
        d.nearDuplicateOf().flatMap(o -> store.statements().source(o, who.viewer()));
    page.raw("<section class=\"duplicates\"><h2>Copies</h2>");
    if (original.isEmpty() && copies.isEmpty()) {
      page.raw("<p class=\"hint\">No near copies of this document are stored.</p></section>");
      return;
    }
    page.raw("<ul>");
    original.ifPresent(
        o ->
            page.raw("<li>Nearly copies ")
                .marking(o.marking())
                .raw(" ")
                .link(Html.hrefOf(o.id(), Schema.DOCUMENT), o.title())
                .raw(" <span class=\"hint\">")
                .text(percent(d.similarity()) + " of the text in common")
                .raw("</span></li>"));
    for (DocumentSummary c : copies) {
      page.raw("<li>Nearly copied by ")
          .marking(c.marking())
          .raw(" ")
          .link(Html.hrefOf(c.id(), Schema.DOCUMENT), c.title())
          .raw(" <span class=\"hint\">")
          .text(percent(c.similarity()) + " of the text in common")
          .raw("</span></li>");
    }
    page.raw("</ul></section>");
  }

  /** The sentence around a span: from after the previous full stop or line end to the next. */
  static String sentence(String text, Span span) {
    int start = Math.max(0, Math.min(span.start(), text.length()));
    int end = Math.max(start, Math.min(span.end(), text.length()));
    int from = start;
    while (from > 0 && ".!?\n".indexOf(text.charAt(from - 1)) < 0 && start - from < 400) {
      from--;
    }
    int to = end;
    while (to < text.length() && ".!?\n".indexOf(text.charAt(to)) < 0 && to - end < 400) {
      to++;
    }
    if (to < text.length() && text.charAt(to) != '\n') {
      to++;
    }
    return text.substring(from, to).strip();
  }

  /** Its caption, or for a thing known only by a description ("the network"), that. */
  private static String label(Entity e) {
    return e.caption().equals(e.id()) ? e.first("description").orElse(e.id()) : e.caption();
  }

  private static boolean isEvent(Schema schema) {
    return schema == Schema.EVENT || schema == Schema.SANCTION;
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f %%", share * 100);
  }
}
