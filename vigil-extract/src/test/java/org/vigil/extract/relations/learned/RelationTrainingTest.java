/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RelationTrainingTest {
  @Test
  void theLicensableCorporaAreReDocredAndRe3dsPublicDomainSourcesOnly() {
    assertThat(RelationTraining.Corpora.LICENSABLE.files())
        .noneMatch(f -> f.contains("conll04"))
        .noneMatch(f -> f.contains("UK_Government") || f.contains("Wikipedia"))
        .contains(
            "nlp/re-docred/dev_revised.json",
            "nlp/re3d/CENTCOM/relations.json",
            "nlp/re3d/US_State_Department/documents.json");
    assertThat(RelationTraining.Corpora.ALL.files()).startsWith("nlp/conll04/conll04_train.json");
  }

  @Test
  void conll04DevNeitherTrainsNorTunesSoItIsNotAmongTheTrainingFiles() {
    assertThat(RelationTraining.Corpora.ALL.files()).noneMatch(f -> f.contains("conll04_dev"));
  }

  @Test
  void onConll04ReDocredPlacesCountAsItsBroaderPlaceRelations() {
    assertThat(RelationTraining.asConll04(RelationLabel.RESIDENCE))
        .isEqualTo(RelationLabel.LIVE_IN);
    assertThat(RelationTraining.asConll04(RelationLabel.BORN_IN)).isEqualTo(RelationLabel.LIVE_IN);
    assertThat(RelationTraining.asConll04(RelationLabel.HEADQUARTERS))
        .isEqualTo(RelationLabel.BASED_IN);
    assertThat(RelationTraining.asConll04(RelationLabel.CITIZEN_OF)).isEqualTo(RelationLabel.NONE);
    assertThat(RelationTraining.asConll04(RelationLabel.KILL)).isEqualTo(RelationLabel.KILL);
  }

  @Test
  void onReDocredConll04PlacesCountAsTheAddressTheyAreWrittenAs() {
    assertThat(RelationTraining.asReDocred(RelationLabel.LIVE_IN))
        .isEqualTo(RelationLabel.RESIDENCE);
    assertThat(RelationTraining.asReDocred(RelationLabel.BASED_IN))
        .isEqualTo(RelationLabel.HEADQUARTERS);
    assertThat(RelationTraining.asReDocred(RelationLabel.IN_TERRITORY))
        .isEqualTo(RelationLabel.NONE);
    assertThat(RelationTraining.asReDocred(RelationLabel.MEMBER_OF))
        .isEqualTo(RelationLabel.MEMBER_OF);
  }
}
