/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.vigil.extract.Extractor;
import org.vigil.extract.syntax.DependencyParser;
import org.vigil.extract.syntax.ParseCache;

/**
 * The parser of a training or evaluation run and, unless turned off, the parses it keeps in the
 * data directory's {@code models/cache/} ({@link ParseCache}), so that training and evaluating
 * again on the same corpora (after a change of rules or features) parses only sentences it has not
 * seen. Says on {@code out} which file it reads and how many sentences it holds; {@link #close}
 * closes the file.
 */
final class KeptParses implements AutoCloseable {
  private final Optional<ParseCache> cache;
  private final DependencyParser parser;
  private final PrintWriter out;
  private final int before;

  private KeptParses(Optional<ParseCache> cache, DependencyParser parser, PrintWriter out) {
    this.cache = cache;
    this.parser = parser;
    this.out = out;
    this.before = cache.map(ParseCache::size).orElse(0);
  }

  /**
   * The parser for a run on {@code dataDir}: keeping its parses when {@code keep} and the parser's
   * models are on the class path.
   *
   * @throws IOException when the cache folder or file cannot be made or read
   */
  static KeptParses open(Path dataDir, boolean keep, PrintWriter out) throws IOException {
    if (!keep || !DependencyParser.isAvailable()) {
      return new KeptParses(Optional.empty(), DependencyParser.shared(), out);
    }
    ParseCache cache = ParseCache.open(folder(dataDir));
    out.println(
        "parse cache: "
            + cache.file().toAbsolutePath().normalize()
            + ", "
            + cache.size()
            + " sentences kept (parser version "
            + ParseCache.version()
            + ")");
    out.flush();
    return new KeptParses(Optional.of(cache), DependencyParser.shared().withCache(cache), out);
  }

  /** Where the parses of a run on {@code dataDir} are kept. */
  static Path folder(Path dataDir) {
    return dataDir.resolve("models").resolve("cache");
  }

  DependencyParser parser() {
    return parser;
  }

  /** The rules' extractor ({@link Extractor#standardRules()}) parsing with {@link #parser()}. */
  Extractor extractor() {
    Extractor rules = Extractor.standardRules();
    return DependencyParser.isAvailable() ? rules.withParser(parser) : rules;
  }

  /** Says how many sentences the cache holds now. */
  void report() {
    cache.ifPresent(
        c -> {
          out.println(
              "parse cache: " + c.size() + " sentences kept, " + (c.size() - before) + " new");
          out.flush();
        });
  }

  @Override
  public void close() throws IOException {
    if (cache.isPresent()) {
      cache.get().close();
    }
  }
}
