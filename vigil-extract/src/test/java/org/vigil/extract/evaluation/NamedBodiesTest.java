/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.extract.syntax.DependencyParser;
import org.vigil.extract.syntax.ParseOutcome;
import org.vigil.extract.syntax.ParsedSentence;

class NamedBodiesTest {
  @Test
  void lowerCaseWordWithoutAVowelIsAnAcronym() {
    assertThat(NamedBodies.isAcronym("fmln")).isTrue();
    assertThat(NamedBodies.isAcronym("fmln-fdr")).isTrue();
    assertThat(NamedBodies.isAcronym("pkk")).isTrue();
  }

  @Test
  void wordsWithVowelsAndShortAbbreviationsAreNoAcronyms() {
    assertThat(NamedBodies.isAcronym("eln")).isFalse();
    assertThat(NamedBodies.isAcronym("rhythm")).isFalse();
    assertThat(NamedBodies.isAcronym("km")).isFalse();
    assertThat(NamedBodies.isAcronym("mrs")).isFalse();
    assertThat(NamedBodies.isAcronym("gmt")).isFalse();
  }

  @Test
  void acronymsOfAText() {
    assertThat(NamedBodies.acronyms("the attack carried out by the pkk at 0430 gmt, 3 km away"))
        .containsExactly("pkk");
  }

  @Test
  void nounApposedToADescriptionOfABodyIsABody() {
    ParsedSentence parse =
        ((ParseOutcome.Parsed)
                DependencyParser.shared()
                    .parse(
                        "in addition, the rpa, an armed group that has been fighting the"
                            + " government for years, harassed two police posts.",
                        0))
            .sentence();

    assertThat(NamedBodies.apposedToABody(parse)).containsExactly("rpa");
  }

  @Test
  void theOneBodyFoughtForWinsOverOtherNames() {
    assertThat(NamedBodies.theOne(Set.of("rpa"), Set.of("rpa", "pdc"))).hasValue("rpa");
    assertThat(NamedBodies.theOne(Set.of(), Set.of("rpa"))).hasValue("rpa");
    assertThat(NamedBodies.theOne(Set.of(), Set.of("rpa", "pdc"))).isEmpty();
    assertThat(NamedBodies.theOne(Set.of("rpa", "mrl"), Set.of("rpa", "mrl"))).isEmpty();
  }
}
