/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.store.Fixtures.T0;
import static org.vigil.store.Fixtures.viewer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Viewer;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Schema;
import org.vigil.model.Source;
import org.vigil.model.SourceKind;
import org.vigil.model.Statement;
import org.vigil.model.Tlp;
import org.vigil.network.NeighbourhoodRequest;
import org.vigil.network.NetworkEdge;
import org.vigil.network.UnknownEntityException;
import org.vigil.resolve.Verdict;

/**
 * Two stores on one PostgreSQL, as two nodes have: what one writes reaches the other's graph link
 * index (patched in for the entities the change names, not rebuilt) and resolution clusters through
 * the change sequence within 2 s, with markings applied as ever, and no reopening.
 */
class StoresOnOneDatabaseIT {
  private static final Viewer ANALYST_A = viewer("u-a1", "org-a");
  private static final Viewer ANALYST_B = viewer("u-b1", "org-b");
  private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(2);

  @TempDir Path dir;

  @Test
  void aWriteOnOneNodeIsInTheOthersGraphAndClustersWithinTwoSeconds() throws Exception {
    try (EmbeddedPostgres postgres = RootlessPostgres.start()) {
      StoreConfig a = RootlessPostgres.freshDatabase(postgres, dir.resolve("a"));
      // each node its own index folder; one audit key for all (docs/scaling.md)
      StoreConfig b =
          new StoreConfig(a.jdbcUrl(), a.user(), Optional.empty(), dir.resolve("b").resolve("idx"))
              .withAuditKeyFile(a.auditKeyFile());
      try (Store nodeA = Store.open(a);
          Store nodeB = Store.open(b)) {
        Source amber = source("src-amber", Marking.of(Tlp.AMBER, "org-a"));
        nodeA.statements().write(amber, List.of(node("p-naji", "Naji Sharifi-Zindashti", amber)));
        // node B builds its link index before the link exists
        assertThat(
                nodeB.network().neighbours(NeighbourhoodRequest.of("p-naji", 1), ANALYST_A).edges())
            .isEmpty();

        nodeA
            .statements()
            .write(
                amber,
                List.of(
                    node("o-net", "Zindashti network", amber),
                    stated(
                        "m-naji-net",
                        Schema.MEMBERSHIP.sourceProperty().orElseThrow(),
                        "p-naji",
                        amber),
                    stated(
                        "m-naji-net",
                        Schema.MEMBERSHIP.targetProperty().orElseThrow(),
                        "o-net",
                        amber)));
        long written = System.nanoTime();
        awaitWithin(
            () ->
                nodeB
                    .network()
                    .neighbours(NeighbourhoodRequest.of("p-naji", 1), ANALYST_A)
                    .edges()
                    .stream()
                    .map(NetworkEdge::id)
                    .toList()
                    .contains("m-naji-net"));
        System.out.println(
            "node B's graph saw node A's link after "
                + (System.nanoTime() - written) / 1_000_000
                + " ms");
        assertThat(((StoreNetwork) nodeB.network()).fullBuilds())
            .as("node B patched A's write into its link index, it did not rebuild it")
            .isEqualTo(1);
        assertThatThrownBy(
                () -> nodeB.network().neighbours(NeighbourhoodRequest.of("p-naji", 1), ANALYST_B))
            .as("the other organisation sees nothing of an AMBER record on either node")
            .isInstanceOf(UnknownEntityException.class);

        nodeA.judgements().judge(ANALYST_A, "p-naji", "o-net", Verdict.SAME, "one and the same");
        awaitWithin(
            () ->
                nodeB.judgements().canonicalId("o-net", ANALYST_A).equals("o-net")
                    && nodeB.judgements().canonicalId("p-naji", ANALYST_A).equals("o-net"));
        assertThat(nodeB.judgements().canonicalId("p-naji", ANALYST_B)).isEqualTo("p-naji");
      }
    }
  }

  private static void awaitWithin(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + VISIBLE_WITHIN.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not seen on the other node within " + VISIBLE_WITHIN);
      }
      Thread.sleep(20);
    }
  }

  private static Source source(String id, Marking marking) {
    return new Source(
        id,
        SourceKind.DOCUMENT,
        "Report " + id,
        Reliability.B,
        marking,
        Optional.empty(),
        Optional.empty(),
        T0);
  }

  private static Statement node(String id, String name, Source source) {
    Schema schema = id.startsWith("p-") ? Schema.PERSON : Schema.ORGANIZATION;
    return Statement.about(id, schema).set("name", name).from(source).seen(T0).build();
  }

  private static Statement stated(String id, String property, String value, Source source) {
    return Statement.about(id, Schema.MEMBERSHIP)
        .set(property, value)
        .from(source)
        .extractor("pattern:test", 0.9)
        .seen(T0)
        .build();
  }
}
