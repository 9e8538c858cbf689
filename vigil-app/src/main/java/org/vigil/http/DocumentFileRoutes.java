/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.vigil.access.Permission;
import org.vigil.audit.AuditAction;
import org.vigil.auth.Principal;
import org.vigil.documents.ReleasedFiles;
import org.vigil.model.PropertyType;
import org.vigil.store.TipRepository;

/**
 * The files released with a document (a tip's cleaned attachments, docs/tips.md): listed with the
 * document's readers' rights, served as downloads that no browser runs. Every read is audited.
 */
final class DocumentFileRoutes {
  private final Supplier<Backend> backend;

  DocumentFileRoutes(Supplier<Backend> backend) {
    this.backend = requireNonNull(backend, "backend");
  }

  void register(Routes routes) {
    routes.get("/documents/{id}/files", Permission.READ, this::list);
    routes.get("/documents/{id}/files/{file}", Permission.READ, this::file);
  }

  private void list(Context ctx) {
    Principal who = Requests.principal(ctx);
    String id = documentId(ctx);
    Backend b = backend.get();
    Optional<List<TipRepository.ReleasedFile>> files =
        ReleasedFiles.of(b.store(), who.viewer(), id);
    b.audit()
        .record(
            ctx,
            who,
            AuditAction.READ_DOCUMENT,
            id,
            files.map(f -> "files listed (" + f.size() + ")").orElse("files: not found"));
    List<Map<String, Object>> answer =
        files.orElseThrow(() -> ApiException.notFound("no document " + id)).stream()
            .map(DocumentFileRoutes::json)
            .toList();
    ctx.json(Map.of("document", id, "files", answer));
  }

  private void file(Context ctx) {
    Principal who = Requests.principal(ctx);
    String id = documentId(ctx);
    String fileId = ctx.pathParam("file");
    Backend b = backend.get();
    Optional<ReleasedFiles.Opened> opened = ReleasedFiles.open(b.store(), who.viewer(), id, fileId);
    b.audit()
        .record(
            ctx,
            who,
            AuditAction.READ_DOCUMENT,
            id,
            opened.isPresent() ? "file " + fileId + " shown" : "file: not found");
    ReleasedFiles.Opened file =
        opened.orElseThrow(() -> ApiException.notFound("no file " + fileId + " of document " + id));
    // A download under its own sandbox: a file's bytes are the tipster's, and never run here.
    ctx.header(
        "Content-Disposition",
        "attachment; filename=\"" + ReleasedFiles.fileName(file.file()) + "\"");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Content-Security-Policy", "sandbox; default-src 'none'");
    ctx.contentType(file.file().mediaType()).result(file.content());
  }

  private static String documentId(Context ctx) {
    String id = ctx.pathParam("id");
    if (!PropertyType.isEntityId(id)) {
      throw ApiException.invalidValue("'" + id + "' is not a valid document id");
    }
    return id;
  }

  private static Map<String, Object> json(TipRepository.ReleasedFile f) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", f.id());
    json.put("name", ReleasedFiles.fileName(f));
    json.put("mediaType", f.mediaType());
    json.put("sizeBytes", f.sizeBytes());
    json.put("marking", f.marking().tlp().label());
    return json;
  }
}
