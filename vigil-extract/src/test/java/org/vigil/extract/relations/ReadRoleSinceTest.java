/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.extract.Relation;

class ReadRoleSinceTest {
  private final ReadRoleSince rule = new ReadRoleSince();

  private List<Relation> read(String marked) {
    return rule.read(Marked.sentence(marked));
  }

  @Test
  void copularRoleSinceAMonthStartsThenWithTheOfficeAsWritten() {
    List<Relation> read = read("[P Vera Novak] has been minister of [O Defence] since March 2019.");

    assertThat(read)
        .extracting(Marked::link)
        .containsExactly("Employment Vera Novak -> Defence (minister of Defence)");
    assertThat(read.get(0).startDate()).map(Object::toString).hasValue("2019-03");
  }

  @Test
  void relativeClauseOnAnApposedDescriptionFindsTheNamedHolder() {
    List<Relation> read =
        read(
            "[P Nadia Petrova], a lawyer who has served as director of [O the Border Guard]"
                + " since May 2018, resigned.");

    assertThat(read)
        .extracting(Marked::link)
        .containsExactly(
            "Directorship Nadia Petrova -> the Border Guard (director of the Border Guard)");
    assertThat(read.get(0).startDate()).map(Object::toString).hasValue("2018-05");
  }

  @Test
  void bodyWithItsAcronymInBracketsIsTheAcronymsBody() {
    List<Relation> read =
        read("[P Omar Haddad] has been head of [O General Security] ([O GSD]) since 2017.");

    assertThat(read).extracting(r -> r.target().text()).containsExactly("GSD");
    assertThat(read.get(0).role()).hasValue("head of General Security");
  }

  @Test
  void roleWithoutSinceIsLeftToTheOtherRules() {
    assertThat(read("[P Vera Novak] is minister of [O Defence].")).isEmpty();
  }
}
