/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingCorporaTest {
  /**
   * A document of our own in Re-DocRED's layout: "Anna Berg , a citizen of France , lives in Lyon
   * and heads Acme of Paris , in France ." with its places' facts.
   */
  private static final String DOCUMENT =
      """
      [{"title": "Anna Berg",
        "sents": [["Anna", "Berg", ",", "a", "citizen", "of", "France", ",", "lives", "in",
                   "Lyon", "and", "heads", "Acme", "of", "Paris", ",", "in", "France", "."]],
        "vertexSet": [
          [{"name": "Anna Berg", "pos": [0, 2], "sent_id": 0, "type": "PER"}],
          [{"name": "France", "pos": [6, 7], "sent_id": 0, "type": "LOC"},
           {"name": "France", "pos": [18, 19], "sent_id": 0, "type": "LOC"}],
          [{"name": "Lyon", "pos": [10, 11], "sent_id": 0, "type": "LOC"}],
          [{"name": "Acme", "pos": [13, 14], "sent_id": 0, "type": "ORG"}],
          [{"name": "Paris", "pos": [15, 16], "sent_id": 0, "type": "LOC"}]],
        "labels": [
          {"r": "P27", "h": 0, "t": 1, "evidence": [0]},
          {"r": "P551", "h": 0, "t": 2, "evidence": [0]},
          {"r": "P159", "h": 3, "t": 4, "evidence": [0]},
          {"r": "P17", "h": 3, "t": 1, "evidence": [0]},
          {"r": "P17", "h": 4, "t": 1, "evidence": [0]},
          {"r": "P108", "h": 0, "t": 3, "evidence": [0]}]}]
      """;

  @Test
  void reDocredPlacesKeepLabelsOfTheirOwnChosenByTheEndsTypes(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("dev.json");
    Files.writeString(file, DOCUMENT, StandardCharsets.UTF_8);
    List<GoldSentence> sentences = TrainingCorpora.reDocred(file, title -> true);
    assertThat(sentences).hasSize(1);
    GoldSentence s = sentences.get(0);
    List<String> links =
        s.links().stream()
            .map(
                l ->
                    s.text()
                            .substring(
                                s.entities().get(l.head()).start(),
                                s.entities().get(l.head()).end())
                        + " "
                        + l.label()
                        + " "
                        + s.text()
                            .substring(
                                s.entities().get(l.tail()).start(),
                                s.entities().get(l.tail()).end()))
            .toList();
    assertThat(links)
        .containsExactlyInAnyOrder(
            "Anna Berg CITIZEN_OF France",
            "Anna Berg CITIZEN_OF France",
            "Anna Berg RESIDENCE Lyon",
            "Acme HEADQUARTERS Paris",
            "Acme IN_TERRITORY France",
            "Acme IN_TERRITORY France",
            "Paris LOCATED_IN France",
            "Paris LOCATED_IN France",
            "Anna Berg WORK_FOR Acme");
    // Every place pair without a label is taught as NONE.
    assertThat(s.onlyLabelledPlaces()).isFalse();
  }
}
