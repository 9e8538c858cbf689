/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus readers. wikigold's layout is written here; re3d's public-domain CENTCOM part is read
 * where it lies in shared/data, when it is there.
 */
class CorporaTest {
  private static final Path SHARED =
      Path.of(System.getProperty("vigil.sharedData", "../../shared/data"));

  @Test
  void wikigoldArticlesBecomeTextsWithTheirNames(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("wikigold.conll.txt");
    Files.writeString(
        file,
        String.join(
            "\n",
            "Madina I-LOC",
            "Lake I-LOC",
            "toured O",
            "with O",
            "Ozzy I-PER",
            "Osbourne I-PER",
            ". O",
            "",
            "-DOCSTART- O",
            "",
            "The I-ORG",
            "Band I-ORG",
            "played O",
            "Pinkpop I-MISC",
            ". O",
            ""),
        StandardCharsets.UTF_8);

    List<AnnotatedDocument> docs = WikigoldCorpus.read(file);

    assertThat(docs).hasSize(2);
    AnnotatedDocument first = docs.get(0);
    assertThat(first.text()).isEqualTo("Madina Lake toured with Ozzy Osbourne .\n");
    assertThat(first.entities())
        .extracting(s -> s.type() + ":" + first.text().substring(s.start(), s.end()))
        .containsExactly("LOCATION:Madina Lake", "PERSON:Ozzy Osbourne");
    assertThat(docs.get(1).entities())
        .extracting(TypedSpan::type)
        .containsExactly(EntityType.ORGANISATION);
  }

  @Test
  void re3dCentcomDocumentsCarryTheirEntitiesAndRelations() throws IOException {
    Path centcom = SHARED.resolve("nlp/re3d/CENTCOM");
    assumeTrue(Files.isDirectory(centcom), "re3d is not here");

    List<Re3dDocument> docs = Re3dCorpus.read(centcom);

    assertThat(docs).isNotEmpty();
    assertThat(docs).allSatisfy(d -> assertThat(d.source()).isEqualTo("CENTCOM"));
    assertThat(docs.stream().mapToInt(d -> d.document().entities().size()).sum())
        .isGreaterThan(500);
    assertThat(docs)
        .flatExtracting(Re3dDocument::relations)
        .anySatisfy(r -> assertThat(r.type()).isEqualTo("BelongsTo"));
    assertThat(docs).anyMatch(Re3dDocument::development).anyMatch(d -> !d.development());
  }
}
