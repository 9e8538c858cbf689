/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.ingest;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.TikaMemoryLimitException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Property;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.vigil.model.InvalidValueException;
import org.vigil.model.PartialDate;
import org.xml.sax.SAXException;

/**
 * Reads documents (plain text, HTML, PDF, DOC, DOCX, ODT, RTF, EML, ...) into text and metadata
 * through Apache Tika, within {@link IngestLimits}. Every call returns a {@link ReadOutcome}: a bad
 * file is an outcome with a reason, never an exception, so a batch goes on past it.
 *
 * <p>One reader is meant to serve a whole process; it is safe for concurrent use. Close it to stop
 * its parse threads. A parse past its time limit is abandoned: its thread is interrupted, and a
 * parser that ignores the interruption runs on in a daemon thread until it ends.
 */
public final class DocumentReader implements AutoCloseable {
  private static final double MAX_UNREADABLE_SHARE = 0.10;

  private final IngestLimits limits;
  private final Parser parser;
  private final ExecutorService parsing;

  DocumentReader(IngestLimits limits, Parser parser) {
    this.limits = requireNonNull(limits, "limits");
    this.parser = requireNonNull(parser, "parser");
    AtomicInteger count = new AtomicInteger();
    this.parsing =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "vigil-parse-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  public static DocumentReader create(IngestLimits limits) {
    return new DocumentReader(limits, new AutoDetectParser());
  }

  public IngestLimits limits() {
    return limits;
  }

  /** Reads each file in turn; the outcomes are in the order of the files. */
  public List<ReadOutcome> readAll(List<Path> files) {
    List<ReadOutcome> outcomes = new ArrayList<>(files.size());
    for (Path file : files) {
      outcomes.add(read(file));
    }
    return outcomes;
  }

  /** Reads one file; one larger than the limit is rejected without reading it. */
  public ReadOutcome read(Path file) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    byte[] content;
    try {
      long size = Files.size(file);
      if (size > limits.maxBytes()) {
        return ReadOutcome.failed(name, ReadStatus.TOO_LARGE, tooLarge(size));
      }
      content = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return ReadOutcome.failed(name, ReadStatus.NOT_OPENED, "no such file: " + file);
    } catch (IOException e) {
      return ReadOutcome.failed(name, ReadStatus.NOT_OPENED, "cannot open the file: " + e);
    }
    return read(name, content);
  }

  /**
   * Reads a document from a stream, such as an upload, reading at most one byte past the limit. The
   * caller closes the stream.
   */
  public ReadOutcome read(String name, InputStream in) {
    try {
      byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
      if (content.length > limits.maxBytes()) {
        return ReadOutcome.failed(
            name, ReadStatus.TOO_LARGE, "larger than the limit of " + limits.maxBytes() + " bytes");
      }
      return read(name, content);
    } catch (IOException e) {
      return ReadOutcome.failed(name, ReadStatus.CORRUPT, "cannot read the upload: " + e);
    }
  }

  /** Reads a document held in memory; {@code name} helps to tell its type. */
  public ReadOutcome read(String name, byte[] content) {
    requireNonNull(name, "name");
    if (content.length > limits.maxBytes()) {
      return ReadOutcome.failed(name, ReadStatus.TOO_LARGE, tooLarge(content.length));
    }
    if (content.length == 0) {
      return ReadOutcome.failed(name, ReadStatus.EMPTY, "the file is empty");
    }
    Future<ReadOutcome> parse = parsing.submit(() -> parse(name, content));
    try {
      return parse.get(limits.parseTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      parse.cancel(true);
      return ReadOutcome.failed(
          name, ReadStatus.TIMED_OUT, "parsing took longer than " + limits.parseTimeout());
    } catch (ExecutionException e) {
      return ReadOutcome.failed(name, ReadStatus.CORRUPT, "the parser failed: " + e.getCause());
    } catch (InterruptedException e) {
      parse.cancel(true);
      Thread.currentThread().interrupt();
      return ReadOutcome.failed(name, ReadStatus.TIMED_OUT, "interrupted while parsing");
    }
  }

  /** Executables and libraries: Tika names them, but they hold no text to read. */
  private static boolean isProgram(String mediaType) {
    String type = mediaType.replaceFirst(";.*", "").strip();
    return type.equals("application/x-msdownload")
        || type.equals("application/x-dosexec")
        || type.equals("application/x-executable")
        || type.equals("application/x-sharedlib")
        || type.equals("application/x-elf")
        || type.equals("application/x-msi")
        || type.startsWith("application/x-mach-o");
  }

  /**
   * Why a file could not be parsed, in the parser's own innermost words rather than Tika's wrapper
   * ("TIKA-198: Illegal IOException from ...PDFParser@14a56515"): "cannot parse: the file is
   * damaged or not a valid application/pdf file (End-of-File, expected line at offset 16)".
   */
  private static String damaged(Metadata metadata, Throwable e) {
    String type =
        Optional.ofNullable(metadata.get(Metadata.CONTENT_TYPE))
            .map(t -> t.replaceFirst(";.*", "").strip())
            .filter(t -> !t.isEmpty() && !t.startsWith("application/octet-stream"))
            .map(t -> "a valid " + t + " file")
            .orElse("a document Vigil reads");
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String why =
        Optional.ofNullable(root.getMessage())
            .map(String::strip)
            .filter(m -> !m.isEmpty())
            .orElse(root.getClass().getSimpleName());
    return "cannot parse: the file is damaged or not " + type + " (" + why + ")";
  }

  private ReadOutcome parse(String name, byte[] content) {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    BodyContentHandler handler = new BodyContentHandler(limits.maxChars());
    ParseContext context = new ParseContext();
    // Attachments and archive members are read too, under the same limits and zip-bomb checks.
    context.set(Parser.class, parser);
    boolean truncated = false;
    try (InputStream in = TikaInputStream.get(content)) {
      parser.parse(in, handler, metadata, context);
    } catch (EncryptedDocumentException e) {
      return ReadOutcome.failed(name, ReadStatus.ENCRYPTED, "the document is encrypted");
    } catch (TikaMemoryLimitException e) {
      return ReadOutcome.failed(name, ReadStatus.ZIP_BOMB, "expands too far: " + e.getMessage());
    } catch (TikaException | SAXException | IOException e) {
      if (WriteLimitReachedException.isWriteLimitReached(e)) {
        truncated = true;
      } else if (causedBy(e, EncryptedDocumentException.class)) {
        return ReadOutcome.failed(name, ReadStatus.ENCRYPTED, "the document is encrypted");
      } else if (isZipBomb(e)) {
        return ReadOutcome.failed(name, ReadStatus.ZIP_BOMB, "zip bomb: " + e.getMessage());
      } else {
        return ReadOutcome.failed(name, ReadStatus.CORRUPT, damaged(metadata, e));
      }
    } catch (RuntimeException | StackOverflowError e) {
      return ReadOutcome.failed(name, ReadStatus.CORRUPT, "the parser failed: " + e);
    }
    String mediaType = Optional.ofNullable(metadata.get(Metadata.CONTENT_TYPE)).orElse("");
    String text = handler.toString();
    if (text.isBlank()) {
      if (mediaType.isEmpty() || mediaType.startsWith("application/octet-stream")) {
        return ReadOutcome.failed(
            name, ReadStatus.UNSUPPORTED, "not a document format Vigil reads (binary data)");
      }
      if (isProgram(mediaType)) {
        return ReadOutcome.failed(
            name,
            ReadStatus.UNSUPPORTED,
            "a program ("
                + mediaType.replaceFirst(";.*", "")
                + "), not a document format Vigil reads");
      }
      if (mediaType.startsWith("image/")
          || mediaType.startsWith("audio/")
          || mediaType.startsWith("video/")) {
        return ReadOutcome.failed(
            name,
            ReadStatus.UNSUPPORTED,
            mediaType.replaceFirst(";.*", "") + " is not a document format Vigil reads");
      }
      return ReadOutcome.failed(name, ReadStatus.EMPTY, "no text in this " + mediaType);
    }
    double unreadable = unreadableShare(text);
    if (unreadable > MAX_UNREADABLE_SHARE) {
      return ReadOutcome.failed(
          name,
          ReadStatus.UNREADABLE,
          String.format(
              java.util.Locale.ROOT,
              "%.0f%% of the decoded text is not readable (binary data or an unknown encoding)",
              unreadable * 100));
    }
    ReadDocument document =
        new ReadDocument(
            text,
            mediaType,
            sha256(content),
            first(metadata, Metadata.CONTENT_ENCODING),
            first(metadata, TikaCoreProperties.TITLE),
            first(metadata, TikaCoreProperties.CREATOR),
            date(metadata, TikaCoreProperties.CREATED),
            date(metadata, TikaCoreProperties.MODIFIED),
            LanguageGuesser.guess(text));
    ReadStatus status = truncated ? ReadStatus.TRUNCATED : ReadStatus.READ;
    String reason =
        truncated
            ? "text cut off at the limit of " + limits.maxChars() + " chars"
            : text.length() + " chars of " + mediaType;
    return new ReadOutcome(name, status, reason, Optional.of(document));
  }

  private String tooLarge(long size) {
    return size + " bytes is larger than the limit of " + limits.maxBytes();
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** Tika's SecureContentHandler reports a zip bomb only in its message. */
  private static boolean isZipBomb(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TikaMemoryLimitException
          || String.valueOf(t.getMessage())
              .toLowerCase(java.util.Locale.ROOT)
              .contains("zip bomb")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The share of chars that no prose is made of: replacement chars, control codes other than line
   * breaks, unassigned and private-use code points, lone surrogates, and graphic symbols such as
   * box drawing. Bytes in an encoding that no detector knows decode, under the wrong guess, into
   * these.
   */
  static double unreadableShare(String text) {
    int bad = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\uFFFD' || (Character.isISOControl(c) && !Character.isWhitespace(c))) {
        bad++;
        continue;
      }
      switch (Character.getType(c)) {
        case Character.UNASSIGNED, Character.PRIVATE_USE, Character.OTHER_SYMBOL -> bad++;
        case Character.SURROGATE -> {
          boolean paired =
              Character.isHighSurrogate(c)
                  && i + 1 < text.length()
                  && Character.isLowSurrogate(text.charAt(i + 1));
          if (paired) {
            i++;
          } else {
            bad++;
          }
        }
        default -> {}
      }
    }
    return text.isEmpty() ? 0.0 : bad / (double) text.length();
  }

  private static Optional<String> first(Metadata metadata, String key) {
    return Optional.ofNullable(metadata.get(key)).map(String::strip).filter(s -> !s.isEmpty());
  }

  private static Optional<String> first(Metadata metadata, Property property) {
    return Optional.ofNullable(metadata.get(property)).map(String::strip).filter(s -> !s.isEmpty());
  }

  private static Optional<PartialDate> date(Metadata metadata, Property property) {
    Optional<String> value = first(metadata, property);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(PartialDate.parse(value.get()));
    } catch (InvalidValueException e) {
      return Optional.empty();
    }
  }

  static String sha256(byte[] content) {
    try {
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Stops the parse threads; reads after this fail. */
  @Override
  public void close() {
    parsing.shutdownNow();
  }
}
