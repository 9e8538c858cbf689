/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.stix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every regular expression of the bundled OASIS schemas, as the check compiles it ({@link
 * StixSchemas#rewritten}), answers long hostile values in a bounded number of steps: each is fed
 * near misses built of its own kind of text (repeated segments, then a character that breaks the
 * match), through a text that counts how often the matcher reads a character and stops it past a
 * budget. A pattern that backtracks exponentially reads billions; the budget is a few million; and
 * the costliest near miss of each, made ten times as long, may cost about ten times as much, not a
 * hundred. Counted, not timed.
 */
class StixSchemaPatternsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SCHEMAS = Path.of("src/main/resources/org/vigil/stix/oasis-schemas");

  /** Reads of the text allowed per match attempt: far above linear or quadratic work here. */
  private static final long BUDGET = 5_000_000;

  private static final List<String> PREFIXES =
      List.of(
          "",
          "a",
          "en",
          "en-US",
          "cpe:2.3:a:",
          "cpe:2.3:a:v:p:1:u:e:en:s:t:h:o",
          "2024-01-01T00:00:00.",
          "T00:00:00.",
          "ICMP",
          "SO",
          "x-acme",
          "identity--",
          "fe80:",
          "10.0.0.",
          "aGVsbG8",
          "a.b",
          "HKLM");

  private static final List<String> SEGMENTS =
      List.of(
          "a",
          "A",
          "0",
          "ab",
          "a1",
          "-",
          "-a",
          "-ab",
          "-abcde",
          "-abcdefgh",
          "1abc",
          "_A",
          "_",
          ".",
          ".a",
          ".[0]",
          ":",
          ":a",
          ":*",
          "\\!",
          "\\:",
          "?",
          "*",
          "?a",
          "a?",
          "ff",
          "AAAA",
          "0000:",
          "1.",
          "%",
          "s",
          "/",
          "+",
          "=",
          "ab-",
          "a-b");

  private static final List<String> ENDINGS = List.of("!", "\n", " ", "-", ":", "");

  @Test
  void everySchemaPatternAnswersLongNearMissesInBoundedAndLinearSteps() {
    List<String> patterns = allPatterns();
    assertThat(patterns).hasSizeGreaterThan(100); // the schemas hold over a hundred
    List<String> slow = new ArrayList<>();
    for (String pattern : patterns) {
      Pattern p = Pattern.compile(StixSchemas.rewritten(pattern));
      long worst = -1;
      String[] worstFamily = null;
      for (String prefix : PREFIXES) {
        for (String segment : SEGMENTS) {
          for (String ending : ENDINGS) {
            long steps = steps(p, nearMiss(prefix, segment, ending, 160));
            if (steps > BUDGET) {
              slow.add(pattern + " on " + nearMiss(prefix, segment, ending, 160));
            } else if (steps > worst) {
              worst = steps;
              worstFamily = new String[] {prefix, segment, ending};
            }
          }
        }
      }
      // The costliest family again, ten times as long: linear work grows tenfold, quadratic a
      // hundredfold (a 100 kB value would then take billions of steps).
      long longer = steps(p, nearMiss(worstFamily[0], worstFamily[1], worstFamily[2], 1_600));
      if (longer > 20 * worst + 10_000) {
        slow.add(pattern + ": " + worst + " steps at 160 characters, " + longer + " at 1,600");
      }
    }
    assertThat(slow).isEmpty();
  }

  @Test
  void theStepCounterCatchesAPatternThatBacktracks() {
    // (.*a){10} tries every way of cutting a run of a's in ten: billions of steps on 40.
    assertThat(steps(Pattern.compile("^(.*a){10}$"), "a".repeat(40) + "!")).isGreaterThan(BUDGET);
    // The unrewritten type pattern grows quadratically on a run of letters; rewritten, linearly.
    String type = "^([a-z][a-z0-9]*)+(-[a-z0-9]+)*\\-?$";
    String name = "a".repeat(1_600) + "!";
    assertThat(steps(Pattern.compile(type), name))
        .isGreaterThan(50 * steps(Pattern.compile(StixSchemas.rewritten(type)), name));
  }

  private static String nearMiss(String prefix, String segment, String ending, int length) {
    return prefix + segment.repeat(Math.max(1, length / segment.length())) + ending;
  }

  @Test
  void theCpePatternAnswersAVeryLongHostileValue() {
    Pattern cpe = null;
    for (String pattern : allPatterns()) {
      if (pattern.startsWith("cpe:2")) {
        cpe = Pattern.compile(StixSchemas.rewritten(pattern));
      }
    }
    assertThat(cpe).isNotNull();
    String hostile = "cpe:2.3:a:" + "a?".repeat(2_000) + "*:" + "\\!".repeat(2_000) + "!";
    assertThat(steps(cpe, hostile)).isLessThan(BUDGET);
  }

  @Test
  void eachRewrittenPatternMatchesExactlyWhatItsOriginalMatches() {
    List<String> pieces =
        List.of("a", "ab", "a1", "-", "-ab", "-abcde", "1abc", "12", "-x", "A", "!", "_");
    int rewrittenPatterns = 0;
    for (String pattern : allPatterns()) {
      String rewritten = StixSchemas.rewritten(pattern);
      if (rewritten.equals(pattern)) {
        continue;
      }
      rewrittenPatterns++;
      Pattern before = Pattern.compile(pattern);
      Pattern after = Pattern.compile(rewritten);
      for (String start : List.of("", "x", "abc", "ab-cd", "a1", "1")) {
        for (String p1 : pieces) {
          for (String p2 : pieces) {
            for (String p3 : pieces) {
              for (String end : List.of("", "-ext", "-", "!")) {
                String s = start + p1 + p2 + p3 + end;
                assertThat(after.matcher(s).find())
                    .as("%s on %s", rewritten, s)
                    .isEqualTo(before.matcher(s).find());
              }
            }
          }
        }
      }
    }
    assertThat(rewrittenPatterns).isGreaterThanOrEqualTo(2); // the type and extension names
  }

  /** Every pattern of the bundled schema files: of "pattern" and of "patternProperties". */
  private static List<String> allPatterns() {
    TreeSet<String> patterns = new TreeSet<>();
    try (Stream<Path> files = Files.walk(SCHEMAS)) {
      for (Path f : files.filter(x -> x.toString().endsWith(".json")).toList()) {
        collect(JSON.readTree(f.toFile()), false, patterns);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return new ArrayList<>(patterns);
  }

  /** How many characters the matcher reads to answer whether {@code p} is found in {@code s}. */
  private static long steps(Pattern p, String s) {
    Counting text = new Counting(s);
    try {
      p.matcher(text).find();
    } catch (OverBudget e) {
      return text.reads;
    } catch (StackOverflowError e) {
      return 0; // answered (as no match) by the check, which catches it
    }
    return text.reads;
  }

  private static final class OverBudget extends RuntimeException {
    OverBudget() {
      super(null, null, false, false);
    }
  }

  /** A text that counts reads of its characters and stops the matcher past the budget. */
  private static final class Counting implements CharSequence {
    private final String s;
    long reads;

    Counting(String s) {
      this.s = s;
    }

    @Override
    public int length() {
      return s.length();
    }

    @Override
    public char charAt(int index) {
      if (++reads > BUDGET) {
        throw new OverBudget();
      }
      return s.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return s.subSequence(start, end);
    }

    @Override
    public String toString() {
      return s;
    }
  }

  /** Patterns in schema {@code n}; {@code names} when its fields are property names. */
  private static void collect(JsonNode n, boolean names, TreeSet<String> out) {
    if (n.isArray()) {
      n.forEach(x -> collect(x, false, out));
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (names) {
        collect(e.getValue(), false, out);
        continue;
      }
      switch (e.getKey()) {
        case "pattern" -> out.add(e.getValue().textValue());
        case "patternProperties" -> {
          e.getValue().fieldNames().forEachRemaining(out::add);
          collect(e.getValue(), true, out);
        }
        case "properties", "definitions" -> collect(e.getValue(), true, out);
        default -> collect(e.getValue(), false, out);
      }
    }
  }
}
