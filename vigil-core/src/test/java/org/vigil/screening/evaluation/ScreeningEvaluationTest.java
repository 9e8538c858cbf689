/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.screening.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.lists.SanctionsLists;
import org.vigil.screening.Screener;
import org.vigil.screening.ScreeningMatch;
import org.vigil.screening.ScreeningQuery;

/** Runs the evaluation on the shared benchmark data when this machine has it. */
class ScreeningEvaluationTest {

  private static final Path SHARED =
      Path.of(System.getProperty("vigil.sharedData", "../shared/data"));

  @Test
  void evaluationOnSharedDataBeatsTheLogicV2BaselineAndFindsUnPositives() throws IOException {
    assumeTrue(Files.isDirectory(SHARED.resolve("matching")), "shared benchmark data not present");
    ScreeningEvaluation.Report report =
        new ScreeningEvaluation(SHARED, Screener.DEFAULT_THRESHOLD).run();
    assertThat(report.nameBench().orElseThrow().f1())
        .isGreaterThan(report.nameBenchLogicV2().orElseThrow().f1());
    assertThat(report.unClean().orElseThrow().recallAt5()).isGreaterThanOrEqualTo(0.99);
    assertThat(report.unTreated().orElseThrow().recallAt5()).isGreaterThanOrEqualTo(0.95);
    assertThat(report.arabicToLatin().orElseThrow().recallAt5()).isGreaterThan(0.85);
    assertThat(report.render()).contains("name bench (logic-v2 frozen): P 0.762 R 0.821 F1 0.790");
  }

  @Test
  void ukDevListFindsThePashtoAndPersianNamesFirstWithTheirReasons() throws IOException {
    Path list = SHARED.resolve("matching/uk-crossscript-dev/list.csv");
    assumeTrue(Files.isRegularFile(list), "UK cross-script development set not present");
    Screener screener = Screener.build(List.of(SanctionsLists.read(list)));
    ScreeningMatch zadran = screener.screen(ScreeningQuery.of("محمد عمر ځدران")).matches().get(0);
    assertThat(zadran.primaryName()).isEqualTo("MUHAMMAD OMAR ZADRAN");
    assertThat(zadran.nameExplanation().unmatchedQueryParts()).isEmpty();
    assertThat(zadran.describe()).contains("ځدران [zdran]~").contains("(same consonants)");
    ScreeningMatch bashir = screener.screen(ScreeningQuery.of("ایوب بشیر")).matches().get(0);
    assertThat(bashir.primaryName()).isEqualTo("AYYUB BASHIR");
    assertThat(bashir.nameExplanation().unmatchedQueryParts()).isEmpty();
    assertThat(bashir.describe()).contains("~bashir (same consonants)");
  }

  @Test
  void ukDevSetArabicScriptRecallMeetsItsTargetAndBlockingNeverTrailsRanking() throws IOException {
    assumeTrue(
        Files.isRegularFile(SHARED.resolve("matching/uk-crossscript-dev/queries-dev.csv")),
        "UK cross-script development set not present");
    ScreeningEvaluation.Report report =
        new ScreeningEvaluation(SHARED, Screener.DEFAULT_THRESHOLD).run();
    ScreeningEvaluation.ScriptRecall arabic = report.ukDev("ARABIC").orElseThrow();
    assertThat(arabic.recallAt5()).isGreaterThanOrEqualTo(0.97);
    ScreeningEvaluation.ScriptRecall cyrillic = report.ukDev("CYRILLIC").orElseThrow();
    assertThat(cyrillic.recallAt5()).isGreaterThanOrEqualTo(0.96);
    for (ScreeningEvaluation.ScriptRecall script : report.ukDev()) {
      assertThat(script.candidates()).isGreaterThanOrEqualTo(script.at5());
    }
    assertThat(report.render()).contains("UK dev ARABIC queries -> Latin entries");
  }
}
