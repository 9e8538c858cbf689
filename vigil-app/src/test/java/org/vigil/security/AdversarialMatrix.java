/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.vigil.security.LeakRules.Leak;
import org.vigil.store.StoreConfig;

/**
 * The write-assisted adversarial matrix: for each attacker organisation (a stranger and a partner
 * of the victim) and each kind of prior write, one world is built and scanned; each cell is one
 * route x one victim marking the attacker may not see, and fails with every leak found there. The
 * cells run on whichever store the calling test gives (H2, PostgreSQL).
 *
 * <p>Besides the JUnit report, each run writes {@code target/adversarial-matrix-<store>.md}: the
 * cell count and every leak, grouped.
 */
final class AdversarialMatrix {
  /** Gives each world a fresh, empty store. */
  interface FreshStore {
    StoreConfig config(Path dataDir) throws Exception;
  }

  private final String storeName;
  private final FreshStore stores;
  private final Path root;
  private final List<String> report = new ArrayList<>();
  private final List<Leak> allLeaks = new ArrayList<>();
  private final Map<String, Integer> leaksByWorld = new TreeMap<>();
  private final Set<String> genericRoutes = new TreeSet<>();
  private int cells;
  private int requests;

  AdversarialMatrix(String storeName, FreshStore stores, Path root) {
    this.storeName = storeName;
    this.stores = stores;
    this.root = root;
  }

  /**
   * The worlds to build, as {@code ATTACKER:PRIOR} pairs separated by commas (such as {@code
   * STRANGER:EXACT_COPY}); every world when the property is absent. The node pair's CI run uses it
   * to bound its time (vigil-app/pom.xml, profile node-pair).
   */
  static final String WORLDS = "vigil.matrix.worlds";

  Stream<DynamicNode> cells() {
    Set<String> chosen = chosenWorlds();
    List<DynamicNode> worlds = new ArrayList<>();
    for (Attacker attacker : Attacker.values()) {
      for (PriorWrites prior : PriorWrites.values()) {
        if (!chosen.isEmpty() && !chosen.contains(attacker.name() + ":" + prior.name())) {
          continue;
        }
        String name = attacker.label() + " after " + prior.label();
        worlds.add(
            DynamicContainer.dynamicContainer(
                name, Stream.of(name).flatMap(n -> world(attacker, prior))));
      }
    }
    return worlds.stream();
  }

  /** The worlds {@link #WORLDS} names, checked against the attackers and prior writes; or none. */
  private static Set<String> chosenWorlds() {
    String given = System.getProperty(WORLDS, "").strip();
    Set<String> chosen = new TreeSet<>();
    if (given.isEmpty()) {
      return chosen;
    }
    Set<String> known = new TreeSet<>();
    for (Attacker a : Attacker.values()) {
      for (PriorWrites p : PriorWrites.values()) {
        known.add(a.name() + ":" + p.name());
      }
    }
    for (String world : given.split(",")) {
      String w = world.strip().toUpperCase(Locale.ROOT);
      if (!known.contains(w)) {
        throw new IllegalArgumentException(
            WORLDS + ": no world '" + world.strip() + "'; the worlds are " + known);
      }
      chosen.add(w);
    }
    return chosen;
  }

  private Stream<DynamicNode> world(Attacker attacker, PriorWrites prior) {
    Path dir =
        root.resolve(
            attacker.name().toLowerCase(Locale.ROOT) + "-" + prior.name().toLowerCase(Locale.ROOT));
    List<Leak> leaks;
    List<MatrixScan.Route> routes;
    List<MatrixScan.Probe> probes;
    List<VictimMarking> restricted;
    List<String> visibleWordsSeen = new ArrayList<>();
    List<String> visibleWords = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      try (MatrixWorld world = MatrixWorld.build(stores.config(dir), dir, attacker, prior)) {
        routes = MatrixScan.routes(world.server.routes());
        MatrixScan scan = new MatrixScan(world);
        probes = scan.run(routes);
        genericRoutes.addAll(scan.genericRoutes());
        leaks = LeakRules.find(world, probes);
        restricted = world.restricted();
        for (VictimMarking m : VictimMarking.values()) {
          if (world.attackerMaySee(m)) {
            visibleWords.add(m.surname());
            visibleWords.add(m.docSurname());
          }
        }
        String everything =
            probes.stream()
                .map(p -> p.answer().body().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining("\n"));
        for (String word : visibleWords) {
          if (everything.contains(word.toLowerCase(Locale.ROOT))) {
            visibleWordsSeen.add(word);
          }
        }
        record(attacker, prior, world, routes, probes, leaks, restricted);
      }
    } catch (Exception e) {
      throw new IllegalStateException("the matrix world " + dir.getFileName() + " failed", e);
    }
    List<DynamicNode> tests = new ArrayList<>();
    tests.add(
        DynamicTest.dynamicTest(
            "the scan reads what the attacker may read (harness check)",
            () -> assertThat(visibleWordsSeen).containsExactlyInAnyOrderElementsOf(visibleWords)));
    for (MatrixScan.Route route : routes) {
      long sent = probes.stream().filter(p -> p.route().equals(route)).count();
      for (VictimMarking m : restricted) {
        List<Leak> here =
            leaks.stream().filter(l -> l.route().equals(route) && l.marking() == m).toList();
        tests.add(
            DynamicTest.dynamicTest(
                route.key() + " x " + m.label() + " (" + sent + " requests)",
                () ->
                    assertThat(here)
                        .as(
                            "%s leaks the victim's %s to the %s after %s",
                            route.key(), m.label(), attacker.label(), prior.label())
                        .extracting(l -> l.kind() + ": " + l.request() + " -> " + l.detail())
                        .isEmpty()));
      }
    }
    return tests.stream();
  }

  private synchronized void record(
      Attacker attacker,
      PriorWrites prior,
      MatrixWorld world,
      List<MatrixScan.Route> routes,
      List<MatrixScan.Probe> probes,
      List<Leak> leaks,
      List<VictimMarking> restricted) {
    int worldCells = routes.size() * restricted.size();
    cells += worldCells;
    requests += probes.size();
    allLeaks.addAll(leaks);
    String key = attacker.label() + " after " + prior.label();
    leaksByWorld.put(key, leaks.size());
    report.add("");
    report.add("## " + key);
    report.add("");
    report.add(
        worldCells
            + " cells ("
            + routes.size()
            + " routes x "
            + restricted.size()
            + " markings), "
            + probes.size()
            + " requests, "
            + leaks.size()
            + " leaks; the attacker's prior writes: "
            + world.attackerWriteOutcomes());
    Map<String, List<Leak>> grouped = new TreeMap<>();
    for (Leak l : leaks) {
      grouped
          .computeIfAbsent(
              l.kind() + " | " + l.route().key() + " | " + l.marking().label(),
              k -> new ArrayList<>())
          .add(l);
    }
    grouped.forEach(
        (group, list) -> {
          report.add(
              "- "
                  + group
                  + " ("
                  + list.size()
                  + "), e.g. "
                  + list.get(0).request()
                  + " -> "
                  + list.get(0).detail());
        });
  }

  /** Writes the report and prints its summary; call once after every cell ran. */
  /** How many requests the matrix sent: none means it probed nothing and proves nothing. */
  synchronized int requestsSent() {
    return requests;
  }

  synchronized void writeReport(Path target) {
    List<String> out = new ArrayList<>();
    out.add("# Adversarial matrix on " + storeName);
    out.add("");
    out.add(cells + " cells, " + requests + " requests, " + allLeaks.size() + " leaks.");
    if (!chosenWorlds().isEmpty()) {
      out.add("");
      out.add("Only the worlds " + chosenWorlds() + " (-D" + WORLDS + ").");
    }
    out.add("");
    leaksByWorld.forEach((world, n) -> out.add("- " + world + ": " + n + " leaks"));
    if (!genericRoutes.isEmpty()) {
      out.add("");
      out.add(
          "Write routes with only the generic probe (give them probes of their own in MatrixScan): "
              + genericRoutes);
    }
    out.addAll(report);
    try {
      Files.createDirectories(target.getParent());
      Files.write(target, out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println(
        "Adversarial matrix on "
            + storeName
            + ": "
            + cells
            + " cells, "
            + requests
            + " requests, "
            + allLeaks.size()
            + " leaks; report in "
            + target);
  }
}
