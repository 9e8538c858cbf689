/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.syntax;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

/**
 * Parses kept on disk by their sentence's text, so that reading the same corpora again (training
 * the relation model, evaluating after a change of rules or features) does not parse them again.
 *
 * <p>The file is named by {@link #version()}, a digest of the parser's code and models: a Vigil
 * whose parser could parse differently (another CoreNLP, other models, a changed {@link
 * DependencyParser}) reads another file and starts empty. Only parses are kept, never a skipped
 * sentence (whether a sentence is over the time limit depends on the machine). A parse is kept at
 * offset 0 and moved to the offset it is asked at.
 *
 * <p>The file is a log of records, each its length, its bytes and their CRC-32, appended with one
 * write each (so several processes may share it); what is read at {@link #open} up to the first
 * incomplete or damaged record is kept, and the rest cut off, so a process killed while writing
 * costs only that record. Safe for concurrent use; {@link #close} closes the file.
 */
public final class ParseCache implements AutoCloseable {
  /** The layout of the records; raise it when it changes. */
  private static final int FORMAT = 1;

  /** The resources whose bytes decide how a sentence is parsed, besides {@link #MODELS_READ}. */
  private static final List<String> CODE =
      List.of(
          "org/vigil/extract/syntax/DependencyParser.class",
          "edu/stanford/nlp/parser/nndep/ForcedMoves.class",
          "edu/stanford/nlp/parser/nndep/ColumnwiseClassifier.class",
          "edu/stanford/nlp/parser/nndep/DependencyParser.class",
          "edu/stanford/nlp/parser/nndep/Classifier.class",
          "edu/stanford/nlp/tagger/maxent/MaxentTagger.class",
          "edu/stanford/nlp/tagger/maxent/ReusedScores.class",
          "edu/stanford/nlp/process/PTBLexer.class",
          "edu/stanford/nlp/process/Morphology.class",
          "edu/stanford/nlp/semgraph/SemanticGraphFactory.class",
          "edu/stanford/nlp/trees/UniversalEnglishGrammaticalStructure.class");

  private static final List<String> MODELS_READ = DependencyParser.MODELS;

  private static volatile String version;

  private final Path file;
  private final FileChannel channel;
  private final Map<String, ParsedSentence> parses;

  private ParseCache(Path file, FileChannel channel, Map<String, ParsedSentence> parses) {
    this.file = file;
    this.channel = channel;
    this.parses = parses;
  }

  /**
   * Opens (creating it when needed) the cache of this Vigil's parser in {@code folder}.
   *
   * @throws IOException when the folder or the file cannot be made, read or written
   */
  public static ParseCache open(Path folder) throws IOException {
    return open(folder, version());
  }

  /** Opens the cache of parser version {@code parserVersion} in {@code folder}. */
  static ParseCache open(Path folder, String parserVersion) throws IOException {
    if (!parserVersion.matches("[0-9a-f]{16,64}")) {
      throw new IllegalArgumentException("not a parser version: '" + parserVersion + "'");
    }
    Files.createDirectories(folder);
    Path file = folder.resolve("parses-" + parserVersion + ".bin");
    Map<String, ParsedSentence> parses = new ConcurrentHashMap<>();
    try (FileChannel read =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long good = load(read, parses);
      if (good < read.size()) {
        read.truncate(good);
      }
    }
    // Appending (O_APPEND), each record in one write: processes sharing the file add to its end
    // without writing over each other's records.
    FileChannel channel = FileChannel.open(file, StandardOpenOption.APPEND);
    return new ParseCache(file, channel, parses);
  }

  /** The file it keeps the parses in. */
  public Path file() {
    return file;
  }

  /** How many sentences it holds. */
  public int size() {
    return parses.size();
  }

  /**
   * The parse of {@code sentence} as if it began at {@code offset} in its document; empty when it
   * holds none.
   */
  public Optional<ParsedSentence> find(String sentence, int offset) {
    ParsedSentence at0 = parses.get(sentence);
    return at0 == null ? Optional.empty() : Optional.of(moved(at0, offset));
  }

  /**
   * Keeps {@code parse}, of a sentence at any offset, unless one of the same text is kept.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  public void keep(ParsedSentence parse) {
    ParsedSentence at0 = moved(parse, 0);
    if (parses.putIfAbsent(at0.text(), at0) != null) {
      return;
    }
    byte[] record = record(at0);
    try {
      synchronized (channel) {
        ByteBuffer buffer = ByteBuffer.wrap(record);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the parse cache " + file, e);
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /**
   * The parser's version: a SHA-256 (in hex, 32 characters kept) over the record layout, the bytes
   * of the parser's code ({@link #CODE}) and of its models. Computed once per process.
   *
   * @throws IllegalStateException when the models are not on the class path
   */
  public static String version() {
    String v = version;
    if (v == null) {
      synchronized (ParseCache.class) {
        v = version;
        if (v == null) {
          v = computeVersion();
          version = v;
        }
      }
    }
    return v;
  }

  private static String computeVersion() {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
    sha.update(("format " + FORMAT + "\n").getBytes(UTF_8));
    ClassLoader loader = ParseCache.class.getClassLoader();
    List<String> resources = new ArrayList<>(CODE);
    resources.addAll(MODELS_READ);
    byte[] buffer = new byte[1 << 16];
    for (String r : resources) {
      sha.update((r + "\n").getBytes(UTF_8));
      try (InputStream in = loader.getResourceAsStream(r)) {
        if (in == null) {
          throw new IllegalStateException("the parser's " + r + " is not on the class path");
        }
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          sha.update(buffer, 0, n);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the parser's " + r, e);
      }
    }
    return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
  }

  private static ParsedSentence moved(ParsedSentence p, int offset) {
    int by = offset - p.start();
    if (by == 0) {
      return p;
    }
    List<Token> tokens = new ArrayList<>(p.tokens().size());
    for (Token t : p.tokens()) {
      tokens.add(new Token(t.index(), t.word(), t.lemma(), t.tag(), t.start() + by, t.end() + by));
    }
    return new ParsedSentence(
        offset, offset + p.text().length(), p.text(), tokens, p.dependencies());
  }

  /** The record of {@code p} (at offset 0): length, body, CRC-32 of the body. */
  private static byte[] record(ParsedSentence p) {
    try {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(body);
      string(out, p.text());
      out.writeInt(p.tokens().size());
      for (Token t : p.tokens()) {
        string(out, t.word());
        string(out, t.lemma());
        string(out, t.tag());
        out.writeInt(t.start());
        out.writeInt(t.end());
      }
      out.writeInt(p.dependencies().size());
      for (Dependency d : p.dependencies()) {
        out.writeInt(d.governor());
        out.writeInt(d.dependent());
        string(out, d.relation());
      }
      out.flush();
      byte[] bytes = body.toByteArray();
      CRC32 crc = new CRC32();
      crc.update(bytes);
      ByteArrayOutputStream whole = new ByteArrayOutputStream(bytes.length + 12);
      DataOutputStream w = new DataOutputStream(whole);
      w.writeInt(bytes.length);
      w.write(bytes);
      w.writeLong(crc.getValue());
      w.flush();
      return whole.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
  }

  /** Reads the records of {@code channel} into {@code into}; returns where the good ones end. */
  private static long load(FileChannel channel, Map<String, ParsedSentence> into)
      throws IOException {
    long size = channel.size();
    long at = 0;
    ByteBuffer head = ByteBuffer.allocate(4);
    while (at + 4 <= size) {
      head.clear();
      readFully(channel, head, at);
      int length = head.getInt(0);
      if (length <= 0 || at + 4 + length + 8 > size) {
        break;
      }
      ByteBuffer body = ByteBuffer.allocate(length + 8);
      readFully(channel, body, at + 4);
      byte[] bytes = new byte[length];
      body.get(0, bytes);
      CRC32 crc = new CRC32();
      crc.update(bytes);
      if (crc.getValue() != body.getLong(length)) {
        break;
      }
      Optional<ParsedSentence> p = parse(bytes);
      if (p.isEmpty()) {
        break;
      }
      into.putIfAbsent(p.get().text(), p.get());
      at += 4 + length + 8;
    }
    return at;
  }

  private static void readFully(FileChannel channel, ByteBuffer into, long at) throws IOException {
    while (into.hasRemaining()) {
      if (channel.read(into, at + into.position()) < 0) {
        throw new IOException("the parse cache ended while being read");
      }
    }
  }

  /** The parse of a record's body; empty when the body does not hold a valid parse. */
  private static Optional<ParsedSentence> parse(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      String text = string(in);
      int n = in.readInt();
      List<Token> tokens = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        tokens.add(new Token(i, string(in), string(in), string(in), in.readInt(), in.readInt()));
      }
      int arcs = in.readInt();
      List<Dependency> dependencies = new ArrayList<>();
      for (int i = 0; i < arcs; i++) {
        dependencies.add(new Dependency(in.readInt(), in.readInt(), string(in)));
      }
      return Optional.of(new ParsedSentence(0, text.length(), text, tokens, dependencies));
    } catch (IOException | IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  private static void string(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String string(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > in.available()) {
      throw new IOException("a string of " + n + " bytes in a record");
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, UTF_8);
  }
}
