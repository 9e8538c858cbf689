/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SnippetsTest {
  @Test
  void snippetsEscapeHtmlAndMarkOnlyMatches() {
    assertThat(
            Snippets.highlight(
                TextAnalysis.analyzer(), "<img src=x onerror='Ivan'> Ivan & co", Set.of("ivan")))
        .contains(
            "&lt;img src=x onerror=&#39;<mark>Ivan</mark>&#39;&gt; <mark>Ivan</mark> &amp; co");
    String longText = "lorem ipsum ".repeat(100) + "Kuznetsov" + " dolor".repeat(100);
    String snippet =
        Snippets.highlight(TextAnalysis.analyzer(), longText, Set.of("kuznetsov")).orElseThrow();
    assertThat(snippet).contains("<mark>Kuznetsov</mark>").startsWith("\u2026").endsWith("\u2026");
    assertThat(snippet.length()).isLessThan(Snippets.MAX_CHARS + 40);
  }
}
