/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.store.Fixtures.viewer;

import java.nio.file.Path;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Viewer;
import org.vigil.claims.Likelihood;
import org.vigil.claims.LinkKind;
import org.vigil.claims.OriginLink;
import org.vigil.model.InvalidValueException;

/** Grades, declared links and assessments, run against every store. */
abstract class GradeContract {
  private static final Viewer ALICE = viewer("u-a1", "org-a");
  private static final Viewer AMIR = viewer("u-a2", "org-a");
  private static final Viewer BORIS = viewer("u-b1", "org-b", "org-a");

  @TempDir Path dataDir;
  private Store store;

  protected abstract StoreConfig freshConfig(Path dataDir) throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = Store.open(freshConfig(dataDir));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void aGradeIsKeptWithItsReasonSeenByItsOrganisationAndUndoneOnlyByIt() {
    Grade g = store.grades().grade(ALICE, Grade.Target.SOURCE, "src-nyt", "b", "long record");
    assertThat(g.grade()).isEqualTo("B");
    assertThat(store.grades().grades(Grade.Target.SOURCE, "src-nyt", AMIR))
        .extracting(Grade::reason)
        .containsExactly("long record");
    assertThat(store.grades().grades(Grade.Target.SOURCE, "src-nyt", BORIS)).isEmpty();
    assertThatThrownBy(() -> store.grades().undoGrade(g.id(), BORIS))
        .isInstanceOf(NoSuchElementException.class);

    assertThat(store.grades().gradesInForce(AMIR)).extracting(Grade::id).containsExactly(g.id());
    assertThat(store.grades().gradesInForce(BORIS)).isEmpty();
    Grade undone = store.grades().undoGrade(g.id(), AMIR);
    assertThat(undone.inForce()).isFalse();
    assertThat(store.grades().gradesInForce(AMIR)).isEmpty();
    assertThat(undone.undoneBy()).contains(AMIR.username());
    assertThatThrownBy(() -> store.grades().undoGrade(g.id(), AMIR))
        .isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void gradesOffTheScaleAreRefusedAndNothingIsStored() {
    assertThatThrownBy(() -> store.grades().grade(ALICE, Grade.Target.SOURCE, "s", "G", ""))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> store.grades().grade(ALICE, Grade.Target.CLAIM, "c", "7", ""))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> store.grades().grade(ALICE, Grade.Target.CLAIM, "c", "B", ""))
        .isInstanceOf(InvalidValueException.class);
    assertThat(store.grades().grades(Grade.Target.CLAIM, "c", ALICE)).isEmpty();
    assertThat(store.grades().grade(ALICE, Grade.Target.CLAIM, "c", "2", "").grade())
        .isEqualTo("2");
  }

  @Test
  void aLinkThatClosesACircleIsRefusedWholeAndNamesTheCircle() {
    store.grades().link(ALICE, new OriginLink("a", LinkKind.COPIED_FROM, "b"), "");
    store.grades().link(ALICE, new OriginLink("b", LinkKind.DERIVED_FROM, "c"), "");
    assertThatThrownBy(
            () -> store.grades().link(ALICE, new OriginLink("c", LinkKind.COPIED_FROM, "a"), ""))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("c -> a -> b -> c");
    assertThat(store.grades().links(ALICE)).hasSize(2);
    // Another organisation's links are its own: no circle with org-a's.
    store.grades().link(BORIS, new OriginLink("c", LinkKind.COPIED_FROM, "a"), "");
    assertThat(store.grades().links(BORIS)).hasSize(1);
  }

  @Test
  void anAssessmentKeepsItsLikelihoodAndRange() {
    Assessment a =
        store
            .grades()
            .assess(ALICE, "claim-1", "The arrests were staged", Likelihood.parse("likely"));
    assertThat(store.grades().assessments("claim-1", AMIR))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.likelihood().lowPercent()).isEqualTo(55);
              assertThat(s.likelihood().highPercent()).isEqualTo(80);
            });
    assertThat(store.grades().undoAssessment(a.id(), ALICE).inForce()).isFalse();
    assertThat(store.grades().assessmentById(a.id(), AMIR))
        .hasValueSatisfying(s -> assertThat(s.inForce()).isFalse());
    // Another organisation's assessment is answered like one that does not exist.
    assertThat(store.grades().assessmentById(a.id(), BORIS)).isEmpty();
  }
}
