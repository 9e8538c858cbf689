/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips.attachments;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The front door for tip attachments: tells the real type from the bytes, refuses what is empty,
 * too large, of another kind than its name says, a polyglot, encrypted or a zip bomb, and has
 * Debian's mat2 make a working copy without metadata in a separate process.
 *
 * <p>Each attachment is handled in a private directory of its own (owner-only), under a replaced
 * name, and the directory is wiped before the call returns, whatever happened. Nothing in the file
 * is executed; the original is never given to mat2 or to a parser (mat2 cleans a copy), and it
 * comes back unchanged for the caller to seal. The working copy is not parsed here: read it through
 * {@code org.vigil.ingest.DocumentReader}, whose limits hold for every document.
 *
 * <p>Without mat2 there is no working copy: the attachment is refused with {@link
 * RefusalCode#CLEANER_UNAVAILABLE}, never passed on uncleaned. The cleaner holds no state beyond
 * its settings and is safe for concurrent use; each call starts at most one mat2 process.
 */
public final class AttachmentCleaner {
  /**
   * Cleanings at once, each with at most one mat2 process: one per processor, so a burst of
   * attachments queues instead of starting a Python process each and slowing every one of them.
   */
  static final int MAX_CONCURRENT =
      Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

  private final CleanerSettings settings;
  private final TypeDetection detection;
  private final Mat2 mat2;
  private final Semaphore turns = new Semaphore(MAX_CONCURRENT, true);

  private AttachmentCleaner(CleanerSettings settings) {
    this.settings = requireNonNull(settings, "settings");
    this.detection = new TypeDetection();
    this.mat2 = new Mat2(settings);
  }

  public static AttachmentCleaner create(CleanerSettings settings) {
    return new AttachmentCleaner(settings);
  }

  public CleanerSettings settings() {
    return settings;
  }

  /**
   * Why no working copy can be made on this machine (for operators: names the missing executable),
   * or empty when mat2 is there to run.
   */
  public Optional<String> unavailableReason() {
    if (mat2.installed()) {
      return Optional.empty();
    }
    return Optional.of(
        "mat2 is not installed at "
            + settings.mat2()
            + " (Debian: apt-get install mat2); tip attachments are refused until it is");
  }

  /**
   * Checks and cleans an upload. At most {@code maxBytes + 1} bytes are read from {@code upload}: a
   * larger upload is refused without reading the rest. The caller closes the stream.
   *
   * @param declaredName the name the tipster's browser gave, only to compare its extension with the
   *     real type; it is never used as a path and never kept
   * @throws UncheckedIOException when the private directory cannot be made or wiped (the server's
   *     disk, not the tipster's file)
   */
  public CleaningResult clean(Optional<String> declaredName, InputStream upload) {
    requireNonNull(declaredName, "declaredName");
    requireNonNull(upload, "upload");
    try {
      // A file waits for its turn at most as long as one cleaning may take.
      if (!turns.tryAcquire(settings.cleaningTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        return new CleaningResult.Refused(
            RefusalCode.CLEANER_BUSY,
            "The server is busy removing the hidden details from other files. Try again in a few"
                + " minutes.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new CleaningResult.Refused(
          RefusalCode.CLEANING_FAILED,
          "The server stopped while cleaning this file. Send it again.");
    }
    try {
      return cleanInTurn(declaredName, upload);
    } finally {
      turns.release();
    }
  }

  private CleaningResult cleanInTurn(Optional<String> declaredName, InputStream upload) {
    try (PrivateDirectory directory = PrivateDirectory.create(settings.workRoot())) {
      Path spooled = directory.resolve("upload");
      OptionalLong size = Spool.copyAtMost(upload, spooled, settings.maxBytes());
      if (size.isEmpty()) {
        return tooLarge();
      }
      return cleanSpooled(declaredName, spooled, directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot handle the attachment in " + settings.workRoot(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new CleaningResult.Refused(
          RefusalCode.CLEANING_FAILED,
          "The server stopped while cleaning this file. Send it again.");
    }
  }

  /**
   * Checks and cleans a file; one larger than {@code maxBytes} is refused without being read. The
   * file itself is neither changed nor moved; its name counts as the declared name.
   */
  public CleaningResult clean(Path file) {
    requireNonNull(file, "file");
    try {
      if (Files.size(file) > settings.maxBytes()) {
        return tooLarge();
      }
      try (InputStream in = Files.newInputStream(file)) {
        Optional<String> name = Optional.ofNullable(file.getFileName()).map(Path::toString);
        return clean(name, in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private CleaningResult cleanSpooled(
      Optional<String> declaredName, Path spooled, PrivateDirectory directory)
      throws IOException, InterruptedException {
    byte[] original = Files.readAllBytes(spooled);
    if (original.length == 0) {
      return new CleaningResult.Refused(
          RefusalCode.EMPTY, "The file is empty. Choose the file again and send it.");
    }
    Signature signature = Signature.of(original);
    if (signature == Signature.ZIP) {
      Optional<CleaningResult.Refused> zip = ZipCheck.check(spooled, settings);
      if (zip.isPresent()) {
        return zip.get();
      }
    }
    String mediaType = detection.mediaType(spooled);
    if (mediaType.equals(TypeDetection.ENCRYPTED_OOXML)) {
      return encrypted();
    }
    Optional<AttachmentType> accepted = TypeDetection.accepted(mediaType);
    if (accepted.isEmpty()) {
      return unsupported(mediaType, signature);
    }
    AttachmentType type = accepted.get();
    if (Signature.expectedFor(type) != signature) {
      return ambiguous(
          "its first bytes say one kind of file and its structure another ("
              + type.description()
              + ")");
    }
    Optional<CleaningResult.Refused> refusal = contentRefusal(declaredName, type, original);
    if (refusal.isPresent()) {
      return refusal.get();
    }
    return cleanChecked(
        directory, spooled, new CleaningResult.CheckedOriginal(type, original), signature);
  }

  /** The checks that need the type: polyglots, the name, a photo's pixels, a PDF's encryption. */
  private Optional<CleaningResult.Refused> contentRefusal(
      Optional<String> declaredName, AttachmentType type, byte[] original) {
    Optional<String> second = Polyglots.secondFormat(original, type);
    if (second.isPresent()) {
      return Optional.of(ambiguous("it is a " + type.description() + " and also " + second.get()));
    }
    Optional<CleaningResult.Refused> mismatch = extensionMismatch(declaredName, type);
    if (mismatch.isPresent()) {
      return mismatch;
    }
    if (type == AttachmentType.JPEG || type == AttachmentType.PNG) {
      Optional<ImageSize> stated = ImageSize.of(original, type);
      if (stated.isEmpty()) {
        return Optional.of(
            new CleaningResult.Refused(
                RefusalCode.DAMAGED,
                "This photo is damaged: its size cannot be read. Open it, save it again and send the"
                    + " new copy, or send a screenshot of it."));
      }
      if (stated.get().pixels() > ImageSize.MAX_PIXELS) {
        return Optional.of(
            new CleaningResult.Refused(
                RefusalCode.TOO_LARGE,
                "This photo is "
                    + stated.get().width()
                    + " by "
                    + stated.get().height()
                    + " pixels, more than the "
                    + ImageSize.MAX_PIXELS / 1_000_000
                    + " megapixels the tip line takes. Send a smaller copy of it."));
      }
    }
    if (type == AttachmentType.PDF && PdfEncryption.isEncrypted(original)) {
      return Optional.of(encrypted());
    }
    return Optional.empty();
  }

  private CleaningResult cleanChecked(
      PrivateDirectory directory,
      Path spooled,
      CleaningResult.CheckedOriginal checked,
      Signature signature)
      throws IOException, InterruptedException {
    AttachmentType type = checked.type();
    if (!mat2.installed()) {
      return new CleaningResult.Refused(
          RefusalCode.CLEANER_UNAVAILABLE,
          "This server cannot remove the hidden details (such as location and author) from"
              + " attachments right now, so it does not take them. Send your tip without the"
              + " file, or try again later.",
          Optional.of(checked));
    }
    Path input = directory.resolve("attachment." + type.extension());
    Files.copy(spooled, input);
    boolean keepText =
        type == AttachmentType.PDF
            && settings.pdfCleaning() == CleanerSettings.PdfCleaning.KEEP_TEXT;
    CleaningResult result = runMat2(directory, input, checked, signature, keepText);
    if (keepText
        && result instanceof CleaningResult.Cleaned light
        && PdfResidue.mayHoldMetadata(light.workingCopy())) {
      // The lightweight copy keeps photos as they are, EXIF and all: redraw every page instead.
      return runMat2(directory, input, checked, signature, false);
    }
    return result;
  }

  private CleaningResult runMat2(
      PrivateDirectory directory,
      Path input,
      CleaningResult.CheckedOriginal checked,
      Signature signature,
      boolean lightweight)
      throws IOException, InterruptedException {
    Mat2.Run run = mat2.clean(directory.path(), input, lightweight);
    if (run instanceof Mat2.Run.TimedOut) {
      return new CleaningResult.Refused(
          RefusalCode.CLEANING_TIMED_OUT,
          "Removing the hidden details from this file took longer than "
              + settings.cleaningTimeout().toSeconds()
              + " seconds, so it was stopped. Send a smaller file, or try again later.",
          Optional.of(checked));
    }
    if (run instanceof Mat2.Run.Failed failed) {
      return cleaningFailed(failed.why(), checked);
    }
    Path cleanedFile = ((Mat2.Run.Wrote) run).cleaned();
    long cleanedSize = Files.size(cleanedFile);
    if (cleanedSize == 0 || cleanedSize > settings.maxUnpackedBytes()) {
      return cleaningFailed("mat2 wrote " + cleanedSize + " bytes", checked);
    }
    byte[] cleaned = Files.readAllBytes(cleanedFile);
    if (Signature.of(cleaned) != signature) {
      return cleaningFailed("mat2 wrote a file of another kind", checked);
    }
    return new CleaningResult.Cleaned(checked, cleaned);
  }

  private Optional<CleaningResult.Refused> extensionMismatch(
      Optional<String> declaredName, AttachmentType type) {
    Optional<String> extension = declaredName.flatMap(AttachmentCleaner::extension);
    if (extension.isEmpty() || type.fitsExtension(extension.get())) {
      return Optional.empty();
    }
    String shown =
        extension.get().matches("[A-Za-z0-9]{1,10}")
            ? "ends in ." + extension.get().toLowerCase(Locale.ROOT)
            : "has an extension";
    return Optional.of(
        new CleaningResult.Refused(
            RefusalCode.EXTENSION_MISMATCH,
            "The file's name "
                + shown
                + ", but the file is a "
                + type.description()
                + ". Check that you chose the right file; if you did, rename it to end in ."
                + type.extension()
                + " and send it again."));
  }

  /** The part of a file name after its last dot, if it has one (a leading dot does not count). */
  static Optional<String> extension(String name) {
    String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    int dot = base.lastIndexOf('.');
    if (dot <= 0 || dot == base.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(base.substring(dot + 1));
  }

  private CleaningResult.Refused tooLarge() {
    return new CleaningResult.Refused(
        RefusalCode.TOO_LARGE,
        "The file is larger than the limit of "
            + megabytes(settings.maxBytes())
            + ". Send a smaller file, or split it into parts.");
  }

  private static String megabytes(long bytes) {
    long mib = bytes / (1024 * 1024);
    return mib >= 1 ? mib + " MB" : bytes + " bytes";
  }

  private static CleaningResult.Refused encrypted() {
    return new CleaningResult.Refused(
        RefusalCode.ENCRYPTED,
        "This document is protected with a password, so it cannot be cleaned or read."
            + " Save it without a password and send it again.");
  }

  private static CleaningResult.Refused ambiguous(String why) {
    return new CleaningResult.Refused(
        RefusalCode.AMBIGUOUS_TYPE,
        "This file is built to be read as more than one kind of file ("
            + why
            + "), so it is not accepted. Send the photo or document saved on its own, for"
            + " example as a new PDF or a screenshot.");
  }

  private static CleaningResult.Refused unsupported(String mediaType, Signature signature) {
    String kind =
        switch (signature) {
          case ZIP -> "an archive or an office format other than DOCX and ODT";
          case OLE2 -> "an old-style Office document";
          default -> "a kind of file (" + mediaType + ") the tip line does not take";
        };
    return new CleaningResult.Refused(
        RefusalCode.UNSUPPORTED_TYPE,
        "This file is "
            + kind
            + ". The tip line takes JPEG and PNG photos, PDF, DOCX and ODT documents and plain"
            + " text. Save or export it as one of these and send it again.");
  }

  private static CleaningResult.Refused cleaningFailed(
      String why, CleaningResult.CheckedOriginal checked) {
    return new CleaningResult.Refused(
        RefusalCode.CLEANING_FAILED,
        "The server could not remove the hidden details from this file ("
            + why
            + "). Send it in another format, such as PDF or a screenshot.",
        Optional.of(checked));
  }
}
