/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The edges (the JSON API, the pages, the command line) only translate: no method or constructor
 * there is longer than {@value #MAX_LINES} lines, from its opening brace to its closing one. A
 * longer one is a use case, or a page's reading, assembled at the edge.
 */
class EdgeMethodLengthTest {
  static final int MAX_LINES = 60;

  private static final Path SOURCES = Path.of("src", "main", "java", "org", "vigil");

  @Test
  void noMethodInHttpWebOrCliIsLongerThanSixtyLines() throws IOException {
    List<String> long_ = new ArrayList<>();
    for (String edge : List.of("http", "web", "cli")) {
      try (Stream<Path> files = Files.walk(SOURCES.resolve(edge))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
          for (Body body : bodies(Files.readString(file, StandardCharsets.UTF_8))) {
            if (body.lines() > MAX_LINES) {
              long_.add(file.getFileName() + ":" + body.firstLine() + " (" + body.lines() + ")");
            }
          }
        }
      }
    }
    assertThat(long_).as("methods over " + MAX_LINES + " lines").isEmpty();
  }

  @Test
  void theCounterFindsMethodsInNestedTypesAndIgnoresBracesInTextAndComments() {
    String source =
        String.join(
            "\n",
            "class A {",
            "  record R(int x) {",
            "    int twice() {",
            "      return x * 2; // }",
            "    }",
            "  }",
            "  void m() {",
            "    String s = \"{ \\\" }\";",
            "    char c = '{';",
            "    Runnable r = () -> { };",
            "    /* } */",
            "  }",
            "}");

    assertThat(bodies(source)).containsExactly(new Body(3, 3), new Body(7, 6));
  }

  /** A member's body: the line of its opening brace and how many lines it spans. */
  record Body(int firstLine, int lines) {}

  /**
   * The bodies of methods, constructors and initialisers: blocks opened directly inside a type's
   * body that are not themselves type bodies. Strings, characters and comments are skipped.
   */
  static List<Body> bodies(String source) {
    List<Body> found = new ArrayList<>();
    Deque<int[]> open =
        new ArrayDeque<>(); // {kind, line}; kind 0 = type body, 1 = member, 2 = code
    StringBuilder header = new StringBuilder();
    int line = 1;
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '\n') {
        line++;
      }
      if (c == '/' && i + 1 < source.length() && source.charAt(i + 1) == '/') {
        int end = source.indexOf('\n', i);
        if (end < 0) {
          break;
        }
        i = end - 1;
        continue;
      }
      if (c == '/' && i + 1 < source.length() && source.charAt(i + 1) == '*') {
        int end = source.indexOf("*/", i + 2);
        line += count(source, i, end);
        i = end + 1;
        continue;
      }
      if (c == '"' || c == '\'') {
        int end = endOfLiteral(source, i);
        line += count(source, i, end);
        i = end;
        header.append(' ');
        continue;
      }
      if (c == '{') {
        boolean inType = !open.isEmpty() && open.peek()[0] == 0;
        int kind = isTypeHeader(header.toString()) ? 0 : inType ? 1 : 2;
        open.push(new int[] {kind, line});
        header.setLength(0);
      } else if (c == '}') {
        int[] block = open.pop();
        if (block[0] == 1) {
          found.add(new Body(block[1], line - block[1] + 1));
        }
        header.setLength(0);
      } else if (c == ';') {
        header.setLength(0);
      } else {
        header.append(c);
      }
    }
    return found;
  }

  private static boolean isTypeHeader(String header) {
    String h = " " + header.replaceAll("\\s+", " ") + " ";
    return h.matches(".*[ >](class|interface|enum|record) [A-Za-z_].*") && !h.contains("->")
        || h.matches(".*new [A-Za-z_][\\w.<>, ]*\\(.*\\) $");
  }

  private static int endOfLiteral(String source, int start) {
    char quote = source.charAt(start);
    if (quote == '"' && source.startsWith("\"\"\"", start)) {
      return source.indexOf("\"\"\"", start + 3) + 2;
    }
    int i = start + 1;
    while (source.charAt(i) != quote) {
      i += source.charAt(i) == '\\' ? 2 : 1;
    }
    return i;
  }

  private static int count(String source, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (source.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }
}
