/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCacheTest {
  private static final String VERSION_A = "0123456789abcdef0123456789abcdef";
  private static final String VERSION_B = "fedcba9876543210fedcba9876543210";

  @TempDir Path folder;

  /** "Ali met Reza." at {@code offset}, as a parser would give it. */
  private static ParsedSentence aliMetReza(int offset) {
    String text = "Ali met Reza.";
    return new ParsedSentence(
        offset,
        offset + text.length(),
        text,
        List.of(
            new Token(0, "Ali", "ali", "NNP", offset, offset + 3),
            new Token(1, "met", "meet", "VBD", offset + 4, offset + 7),
            new Token(2, "Reza", "reza", "NNP", offset + 8, offset + 12),
            new Token(3, ".", ".", ".", offset + 12, offset + 13)),
        List.of(
            new Dependency(-1, 1, "root"),
            new Dependency(1, 0, "nsubj"),
            new Dependency(1, 2, "obj"),
            new Dependency(1, 3, "punct")));
  }

  @Test
  void aKeptParseIsFoundAgainAfterReopeningAtAnyOffset() throws IOException {
    try (ParseCache cache = ParseCache.open(folder, VERSION_A)) {
      cache.keep(aliMetReza(40));
    }

    try (ParseCache again = ParseCache.open(folder, VERSION_A)) {
      assertThat(again.size()).isEqualTo(1);
      assertThat(again.find("Ali met Reza.", 7)).hasValue(aliMetReza(7));
      assertThat(again.find("Ali met Reza.", 0)).hasValue(aliMetReza(0));
      assertThat(again.find("Reza met Ali.", 0)).isEmpty();
    }
  }

  @Test
  void anotherParserVersionReadsAnotherFileAndStartsEmpty() throws IOException {
    try (ParseCache cache = ParseCache.open(folder, VERSION_A)) {
      cache.keep(aliMetReza(0));
    }

    try (ParseCache other = ParseCache.open(folder, VERSION_B)) {
      assertThat(other.find("Ali met Reza.", 0)).isEmpty();
      assertThat(other.file()).isNotEqualTo(folder.resolve("parses-" + VERSION_A + ".bin"));
    }
  }

  @Test
  void aRecordCutShortByACrashIsDroppedAndTheGoodOnesKept() throws IOException {
    Path file;
    try (ParseCache cache = ParseCache.open(folder, VERSION_A)) {
      cache.keep(aliMetReza(0));
      file = cache.file();
    }
    long good = Files.size(file);
    Files.write(file, new byte[] {0, 0, 0, 90, 1, 2, 3}, StandardOpenOption.APPEND);

    try (ParseCache again = ParseCache.open(folder, VERSION_A)) {
      assertThat(again.find("Ali met Reza.", 0)).hasValue(aliMetReza(0));
      assertThat(Files.size(file)).isEqualTo(good);
      String text = "Reza met Ali.";
      ParsedSentence other =
          new ParsedSentence(
              0,
              text.length(),
              text,
              List.of(new Token(0, "Reza", "reza", "NNP", 0, 4)),
              List.of(new Dependency(-1, 0, "root")));
      again.keep(other);
    }
    try (ParseCache third = ParseCache.open(folder, VERSION_A)) {
      assertThat(third.size()).isEqualTo(2);
    }
  }

  @Test
  void aDamagedRecordEndsWhatIsRead() throws IOException {
    Path file;
    try (ParseCache cache = ParseCache.open(folder, VERSION_A)) {
      cache.keep(aliMetReza(0));
      file = cache.file();
    }
    byte[] bytes = Files.readAllBytes(file);
    bytes[10] ^= 0x20; // a letter of the text changes case: the CRC no longer matches
    Files.write(file, bytes);

    try (ParseCache again = ParseCache.open(folder, VERSION_A)) {
      assertThat(again.size()).isZero();
    }
  }

  @Test
  void theParserReadsFromTheCacheAndKeepsWhatItParses() throws IOException {
    try (ParseCache cache = ParseCache.open(folder, VERSION_A)) {
      // A parse no parser would make: found in the cache, it is what the parser answers.
      cache.keep(aliMetReza(0));
      DependencyParser parser = DependencyParser.shared().withCache(cache);

      assertThat(parser.parse("Ali met Reza.", 3))
          .isEqualTo(new ParseOutcome.Parsed(aliMetReza(3)));

      ParseOutcome parsed = parser.parse("The men were arrested by the police.", 0);
      assertThat(parsed).isInstanceOf(ParseOutcome.Parsed.class);
      assertThat(cache.find("The men were arrested by the police.", 0))
          .hasValue(((ParseOutcome.Parsed) parsed).sentence());
      assertThat(cache.size()).isEqualTo(2);
    }
  }

  @Test
  void aKeptSentenceOverTheParsersLengthLimitIsStillSkipped() throws IOException {
    try (ParseCache cache = ParseCache.open(folder, VERSION_A)) {
      cache.keep(aliMetReza(0));

      ParseOutcome outcome = new DependencyParser(3).withCache(cache).parse("Ali met Reza.", 0);

      assertThat(outcome).isInstanceOf(ParseOutcome.Skipped.class);
      assertThat(((ParseOutcome.Skipped) outcome).reason())
          .isEqualTo("too long: 4 tokens, the limit is 3");
    }
  }

  @Test
  void theVersionIsADigestOfTheParsersCodeAndModels() {
    assertThat(ParseCache.version()).matches("[0-9a-f]{32}").isEqualTo(ParseCache.version());
  }

  @Test
  void aVersionThatIsNoDigestIsRefused() {
    assertThatThrownBy(() -> ParseCache.open(folder, "../escape"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'../escape'");
  }
}
