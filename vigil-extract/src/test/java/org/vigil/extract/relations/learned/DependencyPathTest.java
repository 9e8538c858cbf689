/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.extract.relations.Marked;
import org.vigil.extract.syntax.ParsedSentence;

class DependencyPathTest {
  private static String path(String sentence, int from, int to) {
    ParsedSentence parse = Marked.sentence(sentence).parse();
    List<DependencyPath.Step> steps = DependencyPath.between(parse, from, to).orElseThrow();
    StringBuilder out = new StringBuilder();
    for (DependencyPath.Step s : steps) {
      out.append(s.arrow()).append(' ').append(parse.token(s.to()).lemma()).append(' ');
    }
    return out.toString().trim();
  }

  @Test
  void subjectToObliqueGoesUpToTheVerbAndDownToTheObject() {
    assertThat(path("John Smith works for Reuters.", 1, 4))
        .isEqualTo("↑nsubj work ↓obl:for reuters");
  }

  @Test
  void theReversePathReversesTheArrows() {
    assertThat(path("John Smith works for Reuters.", 4, 1)).isEqualTo("↑obl:for work ↓nsubj smith");
  }

  @Test
  void aWordToItselfIsTheEmptyPath() {
    assertThat(path("John Smith works for Reuters.", 2, 2)).isEmpty();
  }
}
