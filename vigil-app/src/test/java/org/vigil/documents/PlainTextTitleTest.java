/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTitleTest {
  @Test
  void aPlainTextIsTitledByItsFirstLine() {
    assertThat(
            DocumentIngest.headingOf(
                "text/plain; charset=UTF-8",
                "\n  Sanctions on a network that targeted Iranian dissidents\n\nOn 29 January 2024 …"))
        .hasValue("Sanctions on a network that targeted Iranian dissidents");
  }

  @Test
  void aMarkdownHeadingLosesItsMarks() {
    assertThat(DocumentIngest.headingOf("text/markdown", "## شبکه زندشتی\ntext"))
        .hasValue("شبکه زندشتی");
  }

  @Test
  void aFirstParagraphIsNoTitleAndOtherFormatsNameTheirOwn() {
    assertThat(DocumentIngest.headingOf("text/plain", "word ".repeat(40))).isEmpty();
    assertThat(DocumentIngest.headingOf("text/plain", "  \n \n")).isEmpty();
    assertThat(DocumentIngest.headingOf("text/html", "A heading\ntext")).isEmpty();
  }
}
