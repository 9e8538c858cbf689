/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Re3dTrainingTest {
  // Two documents of our own in re3d's layout; the first id starts below 8 (development half).
  private static final String TEXT =
      "Colonel Rostami commands the Quds Unit. Its fighters joined ISIL.";

  private static void write(Path dir) throws IOException {
    Files.writeString(
        dir.resolve("documents.json"),
        "{\"_id\":\"1A\",\"text\":\"" + TEXT + "\"}\n{\"_id\":\"FB\",\"text\":\"" + TEXT + "\"}\n",
        StandardCharsets.UTF_8);
    StringBuilder entities = new StringBuilder();
    StringBuilder relations = new StringBuilder();
    for (String id : List.of("1A", "FB")) {
      entities.append(entity(id, 8, 15, "Person"));
      entities.append(entity(id, 29, 38, "Organisation"));
      entities.append(entity(id, 40, 43, "Organisation"));
      entities.append(entity(id, 60, 64, "Organisation"));
      relations.append(relation(id, 8, 15, 29, 38, "InChargeOf"));
      relations.append(relation(id, 29, 38, 60, 64, "BelongsTo"));
    }
    Files.writeString(dir.resolve("entities.json"), entities, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("relations.json"), relations, StandardCharsets.UTF_8);
  }

  private static String entity(String doc, int begin, int end, String type) {
    return String.format(
        Locale.ROOT,
        "{\"documentId\":\"%s\",\"begin\":%d,\"end\":%d,\"type\":\"%s\"}%n",
        doc,
        begin,
        end,
        type);
  }

  private static String relation(String doc, int sb, int se, int tb, int te, String type) {
    return String.format(
        Locale.ROOT,
        "{\"documentId\":\"%s\",\"sourceBegin\":%d,\"sourceEnd\":%d,\"targetBegin\":%d,"
            + "\"targetEnd\":%d,\"type\":\"%s\"}%n",
        doc,
        sb,
        se,
        tb,
        te,
        type);
  }

  @Test
  void theDevelopmentHalfIsReadSentenceBySentenceWithRelationsWithinOneSentence(@TempDir Path dir)
      throws IOException {
    write(dir);
    List<GoldSentence> sentences = Re3dTraining.read(dir);
    // Only document 1A's two sentences; the BelongsTo runs across them, so it is not taught.
    assertThat(sentences).hasSize(2);
    GoldSentence s = sentences.get(0);
    assertThat(s.text()).isEqualTo("Colonel Rostami commands the Quds Unit.");
    assertThat(s.entities()).hasSize(2);
    assertThat(s.links()).containsExactly(new GoldSentence.Link(0, 1, RelationLabel.IN_CHARGE_OF));
    assertThat(sentences.get(1).text()).isEqualTo("Its fighters joined ISIL.");
    assertThat(sentences.get(1).links()).isEmpty();
  }

  @Test
  void theHalvesAreCutByTheIdsFirstHexDigit() {
    assertThat(Re3dTraining.development("7F00")).isTrue();
    assertThat(Re3dTraining.development("8000")).isFalse();
  }
}
