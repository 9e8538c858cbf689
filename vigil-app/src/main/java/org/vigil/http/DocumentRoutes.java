/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.vigil.access.Permission;
import org.vigil.audit.AuditAction;
import org.vigil.auth.Principal;
import org.vigil.documents.DocumentIngest;
import org.vigil.documents.DocumentIntake;
import org.vigil.documents.DocumentTerms;
import org.vigil.documents.IngestOutcome;
import org.vigil.documents.StoredDocument;
import org.vigil.documents.UploadConsequences;
import org.vigil.extract.Extractor;
import org.vigil.ingest.DocumentReader;
import org.vigil.ingest.IngestLimits;
import org.vigil.model.Marking;
import org.vigil.model.PropertyType;
import org.vigil.model.Reliability;
import org.vigil.model.Source;
import org.vigil.model.Tlp;
import org.vigil.resolution.BackgroundResolution;
import org.vigil.store.Document;
import org.vigil.watchlists.ListScreening;

/**
 * Documents in and out: a multipart upload is read, extracted and stored like a file given to
 * {@code vigil ingest}; a stored document is shown to whoever may see its source, and is "not
 * found" to everyone else.
 */
final class DocumentRoutes {
  /** At most this many files in one upload; send more in further requests. */
  static final int MAX_FILES = 100;

  private final Supplier<Backend> backend;
  private final long maxUploadBytes;
  private final IngestLimits limits;
  private final Clock clock;
  private final Supplier<Extractor> extractor;
  private final DocumentIntake.Then then;
  private final ListScreening screening;
  private DocumentIngest ingest;

  /**
   * Routes whose ingest, built at the first upload, extracts with what {@code extractor} gives; an
   * upload that stores new text is resolved on {@code resolution}'s thread.
   */
  DocumentRoutes(
      Supplier<Backend> backend,
      long maxUploadBytes,
      IngestLimits limits,
      Clock clock,
      Supplier<Extractor> extractor,
      BackgroundResolution resolution) {
    this.backend = requireNonNull(backend, "backend");
    this.maxUploadBytes = maxUploadBytes;
    this.limits = requireNonNull(limits, "limits");
    this.clock = requireNonNull(clock, "clock");
    this.extractor = requireNonNull(extractor, "extractor");
    this.then = new DocumentIntake.ResolveInBackground(requireNonNull(resolution, "resolution"));
    this.screening = resolution.screening();
  }

  void register(Routes routes) {
    routes.post("/documents", Permission.WRITE, this::upload);
    routes.get("/documents/{id}", Permission.READ, this::document);
  }

  /**
   * One or more files in the multipart field 'file', each ingested in its own transaction and
   * answered with its own result; a bad file is a rejected result (its original kept for a retry)
   * and the others go on.
   */
  private void upload(Context ctx) {
    Principal who = Requests.principal(ctx);
    List<UploadedFile> files = uploadedFiles(ctx);
    Tlp tlp = Tlp.parse(Optional.ofNullable(ctx.formParam("marking")).orElse("TLP:AMBER"));
    // A TLP:RED upload is shared with the users it names, and its uploader is always one of them:
    // a RED document named to nobody could be read by nobody, the uploader included.
    Marking marking =
        tlp == Tlp.RED
            ? Marking.red(who.viewer().orgId(), Set.of(who.viewer().userId()))
            : Marking.of(tlp, who.viewer().orgId());
    DocumentTerms terms =
        new DocumentTerms(
            marking,
            Reliability.parse(Optional.ofNullable(ctx.formParam("reliability")).orElse("F")),
            who.viewer());
    Backend b = backend.get();
    List<DocumentIntake.Item> items = new ArrayList<>();
    for (UploadedFile file : files) {
      items.add(new DocumentIntake.FromBytes(fileName(file.filename()), content(file), terms));
    }
    // Each document and its audit row are committed together: an acknowledged upload always
    // has its row, even when the process dies right after.
    DocumentIntake.Request request =
        DocumentIntake.Request.audited(
            items,
            o ->
                b.audit()
                    .event(
                        ctx,
                        who,
                        AuditAction.WRITE,
                        o.documentId().orElse("document"),
                        "upload " + o.name() + ": " + o.kind() + ", " + o.reason()));
    List<IngestOutcome> outcomes =
        new DocumentIntake(b.store(), ingest(b), then).add(request, o -> {}).documents();
    List<Map<String, Object>> results = new ArrayList<>();
    for (IngestOutcome outcome : outcomes) {
      results.add(result(b, who, outcome, screening));
    }
    Map<String, Object> answer = new LinkedHashMap<>(results.get(0));
    answer.put("documents", results);
    if (outcomes.stream().allMatch(o -> o.kind() == IngestOutcome.Kind.REJECTED)) {
      ApiException refused = rejected(outcomes);
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("error", Map.of("code", refused.code(), "message", refused.getMessage()));
      error.put("documents", results);
      ctx.status(refused.status());
      ctx.json(error);
      return;
    }
    boolean anyNew =
        outcomes.stream()
            .anyMatch(
                o ->
                    o.kind() == IngestOutcome.Kind.STORED
                        || o.kind() == IngestOutcome.Kind.NEAR_DUPLICATE);
    ctx.status(anyNew ? 201 : 200);
    ctx.json(answer);
  }

  /** The files of an upload, after the checks of its size and form. */
  private List<UploadedFile> uploadedFiles(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared < 0) {
      throw new ApiException(411, "length_required", "send the upload with a Content-Length");
    }
    if (declared > maxUploadBytes) {
      throw ApiException.tooLarge(maxUploadBytes);
    }
    if (!ctx.isMultipartFormData()) {
      throw ApiException.badRequest(
          "send the documents as multipart/form-data in the field 'file'");
    }
    List<UploadedFile> files = ctx.uploadedFiles("file");
    if (files.isEmpty()) {
      throw ApiException.badRequest("the multipart field 'file' is missing");
    }
    if (files.size() > MAX_FILES) {
      throw ApiException.badRequest(
          files.size() + " files in one upload; send at most " + MAX_FILES + " per request");
    }
    return files;
  }

  private byte[] content(UploadedFile file) {
    try (InputStream in = file.content()) {
      return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxUploadBytes + 1));
    } catch (IOException e) {
      throw ApiException.badRequest("the upload of " + fileName(file.filename()) + " broke off");
    }
  }

  /** What became of one uploaded file, as answered. */
  private static Map<String, Object> result(
      Backend b, Principal who, IngestOutcome outcome, ListScreening screening) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("name", outcome.name());
    boolean visible =
        switch (outcome.kind()) {
          case STORED, NEAR_DUPLICATE -> true;
          case REJECTED -> false;
          case EXACT_DUPLICATE ->
              b.store().documents().document(outcome.documentId().get(), who.viewer()).isPresent();
        };
    if (visible) {
      answer.put("id", outcome.documentId().get());
    }
    answer.put(
        "status",
        outcome.kind() == IngestOutcome.Kind.REJECTED
            ? "rejected"
            : outcome.kind().name().toLowerCase(Locale.ROOT));
    if (outcome.kind() == IngestOutcome.Kind.REJECTED) {
      answer.put("code", rejected(outcome).code());
    }
    answer.put("reason", outcome.reason());
    answer.put("truncated", outcome.isTruncated());
    answer.put("originalKept", outcome.originalKept());
    if (outcome.kind() == IngestOutcome.Kind.NEAR_DUPLICATE) {
      answer.put("nearDuplicateOf", outcome.copyOf().get());
      answer.put("similarity", outcome.similarity());
    }
    IngestOutcome.Counts counts = outcome.counts();
    answer.put("mentions", counts.mentions());
    answer.put("relations", counts.relations());
    answer.put("events", counts.events());
    answer.put("statements", counts.statements());
    if (visible && outcome.kind() != IngestOutcome.Kind.EXACT_DUPLICATE) {
      // Read before the background resolution: lists are screened only once they are built, so
      // an upload never waits for the lists to load.
      consequences(
          answer,
          UploadConsequences.read(
              b.store(),
              who.viewer(),
              outcome.documentId().get(),
              screening.ifBuilt().map(ListScreening.Built::screener)));
    }
    return answer;
  }

  /** The entities, links, events and list matches a stored document connected to. */
  private static void consequences(Map<String, Object> answer, UploadConsequences c) {
    answer.put("knownEntities", c.knownEntities().stream().map(DocumentRoutes::linked).toList());
    answer.put("newLinks", c.newLinks().stream().map(DocumentRoutes::linked).toList());
    answer.put("newEvents", c.newEvents().stream().map(DocumentRoutes::linked).toList());
    List<Map<String, Object>> matches = new ArrayList<>();
    for (UploadConsequences.ListMatch m : c.listMatches()) {
      Map<String, Object> match = new LinkedHashMap<>();
      match.put("entity", linked(m.entity()));
      match.put("entry", linked(m.entry()));
      match.put("dataset", m.dataset());
      match.put("score", m.score());
      matches.add(match);
    }
    answer.put("listMatches", matches);
  }

  private static Map<String, Object> linked(UploadConsequences.Linked l) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", l.id());
    out.put("caption", l.caption());
    out.put("schema", l.schema());
    out.put("href", l.href());
    return out;
  }

  private void document(Context ctx) {
    Principal who = Requests.principal(ctx);
    String id = ctx.pathParam("id");
    if (!PropertyType.isEntityId(id)) {
      throw ApiException.invalidValue("'" + id + "' is not a valid document id");
    }
    Backend b = backend.get();
    Optional<StoredDocument> found = StoredDocument.find(b.store(), who.viewer(), id);
    b.audit()
        .record(ctx, who, AuditAction.READ_DOCUMENT, id, found.isPresent() ? "shown" : "not found");
    Document d = found.orElseThrow(() -> ApiException.notFound("no document " + id)).document();
    Source s = found.get().source();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("id", d.sourceId());
    answer.put("title", s.title());
    answer.put("fileName", d.fileName());
    answer.put("mediaType", d.mediaType());
    answer.put("language", d.language().orElse(null));
    answer.put("contentHash", d.contentHash());
    answer.put("status", d.status());
    answer.put("reason", d.reason());
    answer.put("nearDuplicateOf", d.nearDuplicateOf().orElse(null));
    answer.put("similarity", d.nearDuplicateOf().isPresent() ? d.similarity() : null);
    answer.put("marking", s.marking().tlp().label());
    answer.put("reliability", s.reliability().name());
    answer.put("createdAt", d.createdAt().toString());
    answer.put("text", d.text());
    ctx.json(answer);
  }

  /** The process's one ingest, built on first upload: its extractor is costly to load. */
  private synchronized DocumentIngest ingest(Backend b) {
    if (ingest == null) {
      ingest = new DocumentIngest(b.store(), DocumentReader.create(limits), extractor.get(), clock);
    }
    return ingest;
  }

  /** The file's own name, without any folders a client put in it. */
  private static String fileName(String raw) {
    String name = raw == null ? "" : raw.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).strip();
    return name.isEmpty() ? "upload" : name;
  }

  /**
   * The refusal of an upload all of whose files were rejected: their common status when they share
   * one (413 when all were too large, 415 when none was a document), else 422.
   */
  private static ApiException rejected(List<IngestOutcome> outcomes) {
    if (outcomes.size() == 1) {
      return rejected(outcomes.get(0));
    }
    List<ApiException> each = outcomes.stream().map(DocumentRoutes::rejected).toList();
    int status = each.get(0).status();
    boolean same = each.stream().allMatch(e -> e.status() == status);
    List<String> reasons = outcomes.stream().map(o -> o.name() + ": " + o.reason()).toList();
    return new ApiException(
        same ? status : 422,
        same ? each.get(0).code() : "documents_rejected",
        "no file was stored; " + String.join("; ", reasons));
  }

  private static ApiException rejected(IngestOutcome outcome) {
    String code = "document_" + outcome.readStatus().name().toLowerCase(Locale.ROOT);
    String message =
        outcome.name()
            + ": "
            + outcome.reason()
            + (outcome.originalKept()
                ? " (no document was stored; the file itself is kept, to be read again once"
                    + " whatever stopped it is fixed)"
                : "");
    return switch (outcome.readStatus()) {
      case TOO_LARGE -> new ApiException(413, "too_large", message);
      case UNSUPPORTED, UNREADABLE -> new ApiException(415, code, message);
      case EMPTY, TIMED_OUT, ENCRYPTED, ZIP_BOMB, CORRUPT, NOT_OPENED ->
          new ApiException(422, code, message);
      case READ, TRUNCATED -> new ApiException(422, "document_not_extracted", message);
    };
  }
}
