/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.documents;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.vigil.access.Viewer;
import org.vigil.store.Store;
import org.vigil.store.TipRepository;

/**
 * The files released with a document: the cleaned working copies of a tip's attachments that a tip
 * handler released with the tip into a case (docs/tips.md), kept beside the document that holds the
 * tip's text. A viewer reads a file only when they may read the document and the file's own marking
 * (the one chosen for its tip); the reading behind {@code GET /api/v1/documents/{id}/files}.
 */
public final class ReleasedFiles {
  private ReleasedFiles() {}

  /** A released file with its bytes. */
  public record Opened(TipRepository.ReleasedFile file, byte[] content) {
    public Opened {
      requireNonNull(file, "file");
      requireNonNull(content, "content");
    }
  }

  /**
   * The files of document {@code documentId} that {@code viewer} may read; empty when the viewer
   * may not read the document (or there is none: the two are not told apart).
   */
  public static Optional<List<TipRepository.ReleasedFile>> of(
      Store store, Viewer viewer, String documentId) {
    requireNonNull(store, "store");
    requireNonNull(viewer, "viewer");
    return StoredDocument.find(store, viewer, documentId)
        .map(d -> store.tips().releasedFiles(documentId, viewer));
  }

  /**
   * File {@code fileId} of document {@code documentId} with its bytes, when {@code viewer} may read
   * both; empty otherwise, as for a file that does not exist.
   */
  public static Optional<Opened> open(
      Store store, Viewer viewer, String documentId, String fileId) {
    requireNonNull(fileId, "fileId");
    return of(store, viewer, documentId)
        .flatMap(files -> files.stream().filter(f -> f.id().equals(fileId)).findFirst())
        .flatMap(
            f ->
                store
                    .tips()
                    .releasedFile(documentId, fileId, viewer)
                    .map(bytes -> new Opened(f, bytes)));
  }

  /**
   * The name a released file is downloaded under, which says nothing of the tipster's own (never
   * kept): its attachment number in the tip and its type's extension.
   */
  public static String fileName(TipRepository.ReleasedFile f) {
    String extension =
        switch (f.mediaType()) {
          case "image/jpeg" -> ".jpg";
          case "image/png" -> ".png";
          case "application/pdf" -> ".pdf";
          case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> ".docx";
          case "application/vnd.oasis.opendocument.text" -> ".odt";
          default -> ".bin";
        };
    return "tip-attachment-" + f.seq() + extension;
  }

  /** Where file {@code f} of its document is downloaded, under the API. */
  public static String href(TipRepository.ReleasedFile f) {
    return "/api/v1/documents/" + f.documentId() + "/files/" + f.id();
  }
}
