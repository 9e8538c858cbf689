/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RelationModelFileTest {
  @AfterEach
  void backToTheDefault() {
    RelationModelFile.useDataDirectory(Path.of("vigil-data"));
  }

  @Test
  void theModelIsTheDataDirectorysOwn() {
    assumeTrue(
        System.getProperty(RelationModelFile.PROPERTY) == null
            && System.getenv(RelationModelFile.ENVIRONMENT) == null,
        "a model named by the property or the environment comes first");
    assertThat(RelationModelFile.location()).isEqualTo(RelationModelFile.DEFAULT);

    RelationModelFile.useDataDirectory(Path.of("vigil-demo-data"));

    assertThat(RelationModelFile.location())
        .isEqualTo(Path.of("vigil-demo-data", "models", "relations.model"));
  }
}
