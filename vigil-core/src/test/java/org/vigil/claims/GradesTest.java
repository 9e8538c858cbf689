/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vigil.model.Credibility;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Reliability;

/** The grades in the MISP taxonomies' codes and words, and nothing outside their scales. */
class GradesTest {

  @Test
  void reliabilityAndCredibilityKeepTheTaxonomysCodesAndWords() {
    assertThat(Reliability.B.mispTag()).isEqualTo("admiralty-scale:source-reliability=\"b\"");
    assertThat(Reliability.F.description()).isEqualTo("Reliability cannot be judged");
    assertThat(Credibility.CONFIRMED.expanded()).isEqualTo("Confirmed by other sources");
    assertThat(Credibility.CANNOT_BE_JUDGED.expanded()).isEqualTo("Truth cannot be judged");
    assertThat(Credibility.IMPROBABLE.mispTag())
        .isEqualTo("admiralty-scale:information-credibility=\"5\"");
  }

  @Test
  void gradesOutsideTheScaleAreRefused() {
    assertThatThrownBy(() -> Reliability.parse("G")).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> Credibility.ofGrade(7)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> Credibility.ofGrade(0)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void likelihoodIsReadFromTheAnalystsWordsWithItsRange() {
    Likelihood l = Likelihood.parse("almost certain");
    assertThat(l).isEqualTo(Likelihood.ALMOST_CERTAIN);
    assertThat(l.lowPercent()).isEqualTo(95);
    assertThat(l.highPercent()).isEqualTo(99);
    assertThat(Likelihood.parse("Likely").expanded())
        .isEqualTo("Likely - probable (probably) - 55-80%");
    assertThat(Likelihood.LIKELY.mispTag())
        .isEqualTo("estimative-language:likelihood-probability=\"likely\"");
    assertThatThrownBy(() -> Likelihood.parse("probable-ish"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("'probable-ish'");
  }
}
