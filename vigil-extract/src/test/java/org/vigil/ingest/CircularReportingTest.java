/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.claims.Claim;
import org.vigil.claims.FactStatus;
import org.vigil.claims.LinkKind;
import org.vigil.claims.Origin;
import org.vigil.claims.OriginLink;
import org.vigil.claims.Proposition;
import org.vigil.claims.Stance;
import org.vigil.claims.WeighedProposition;
import org.vigil.claims.Weighing;
import org.vigil.model.Credibility;

/**
 * The circular-reporting corpus (test resources, written for this test): one wire story repeated by
 * three outlets with small edits, two feeds relaying one origin, a ministry's claim quoted by five
 * reports (and once more by unnamed sources), and one truly independent eyewitness report. Copies
 * are found by ingest's own duplicate detection from the texts; each file's header says what its
 * feed's metadata would (the feed, what it cites) and the claims an extractor reads in it.
 */
class CircularReportingTest {
  private static final Proposition FIRE = new Proposition("port-of-varna", "fire", "warehouse 7");
  private static final Proposition MARLIN =
      new Proposition("cargo-ship-marlin", "departure", "Varna, 3 March");
  private static final Proposition ARRESTS =
      new Proposition("smuggling-ring-burgas", "arrest", "12 members");

  private static final List<OriginLink> links = new ArrayList<>();
  private static final List<Claim> claims = new ArrayList<>();
  private static final Map<String, String> copies = new LinkedHashMap<>();
  private static Weighing weighing;

  @BeforeAll
  static void readTheCorpus() throws IOException, URISyntaxException {
    Path dir = Path.of(CircularReportingTest.class.getResource("circular-reporting").toURI());
    DuplicateIndex index = new DuplicateIndex(0.7);
    Map<String, List<String>> byFeed = new LinkedHashMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    for (Path file : files) {
      String doc = file.getFileName().toString().replace(".txt", "");
      String[] parts = Files.readString(file, StandardCharsets.UTF_8).split("\n---\n", 2);
      DuplicateCheck check = index.add(doc, parts[1]);
      check.original().ifPresent(o -> copies.put(doc, o));
      check.original().ifPresent(o -> links.add(new OriginLink(doc, LinkKind.COPIED_FROM, o)));
      int n = 0;
      for (String line : parts[0].split("\n")) {
        String[] kv = line.split(":", 2);
        String value = kv[1].strip();
        switch (kv[0]) {
          case "feed" -> byFeed.computeIfAbsent(value, f -> new ArrayList<>()).add(doc);
          case "cites" -> links.add(new OriginLink(doc, LinkKind.DERIVED_FROM, value));
          case "claim" -> claims.add(claim(doc + "#" + n++, doc, value));
          default -> throw new UncheckedIOException(new IOException("bad header in " + file));
        }
      }
    }
    for (List<String> docs : byFeed.values()) {
      for (int i = 1; i < docs.size(); i++) {
        links.add(new OriginLink(docs.get(i), LinkKind.SAME_FEED, docs.get(0)));
      }
    }
    weighing = Weighing.of(claims, links);
  }

  private static Claim claim(String id, String doc, String spec) {
    String[] f = spec.split("\\|");
    String claimant = f[1].strip();
    Origin origin =
        switch (claimant) {
          case "-" -> new Origin.Party(doc);
          case "?" -> new Origin.Unknown();
          default -> new Origin.Party(claimant);
        };
    return new Claim(
        id,
        new Proposition(f[2].strip(), f[3].strip(), f[4].strip()),
        Stance.parse(f[0]),
        doc,
        origin);
  }

  @Test
  void ingestFindsTheThreeOutletsAsCopiesOfTheWireStoryAndNothingElseAsACopy() {
    assertThat(copies)
        .containsOnlyKeys("02-black-sea-herald", "03-coastal-daily", "04-trade-weekly")
        .allSatisfy((copy, original) -> assertThat(original).isEqualTo("01-northwire-wire"));
  }

  @Test
  void theOriginsCountExactlyAsBuilt() {
    assertThat(weighing.find(FIRE).orElseThrow().byOrigin())
        .containsOnlyKeys("01-northwire-wire", "05-varna-local-eyewitness");
    assertThat(weighing.find(FIRE).orElseThrow().byOrigin().get("01-northwire-wire")).hasSize(4);
    assertThat(weighing.find(MARLIN).orElseThrow().byOrigin()).hasSize(1);
    assertThat(weighing.find(ARRESTS).orElseThrow().byOrigin())
        .containsOnlyKeys("interior-ministry");
    assertThat(weighing.find(ARRESTS).orElseThrow().byOrigin().get("interior-ministry")).hasSize(5);
    assertThat(weighing.find(ARRESTS).orElseThrow().unknownOrigin()).hasSize(1);
    assertThat(weighing.find(ARRESTS).orElseThrow().corroboration().describe())
        .isEqualTo("1 origin asserts (1 claim of unknown origin)");
    assertThat(weighing.find(MARLIN).orElseThrow().corroboration().describe())
        .isEqualTo("1 origin asserts");
  }

  @Test
  void theIndependentEyewitnessConfirmsTheFireAndIsTheOnlyConfirmation() {
    WeighedProposition fire = weighing.find(FIRE).orElseThrow();
    assertThat(fire.status()).isEqualTo(new FactStatus(FactStatus.Kind.CORROBORATED, 2));
    assertThat(fire.corroboration().describe()).isEqualTo("2 origins assert");
    assertThat(fire.claims())
        .allSatisfy(
            c -> assertThat(weighing.suggest(c).credibility()).isEqualTo(Credibility.CONFIRMED));
  }

  @Test
  void noRepeatedOrRelayedClaimIsConfirmedByIndependentSources() {
    List<Claim> falselyConfirmed =
        claims.stream()
            .filter(c -> !c.proposition().equals(FIRE))
            .filter(c -> weighing.suggest(c).credibility() == Credibility.CONFIRMED)
            .toList();
    assertThat(falselyConfirmed).isEmpty();
    assertThat(weighing.find(MARLIN).orElseThrow().status().kind())
        .isEqualTo(FactStatus.Kind.SINGLE_ORIGIN);
    assertThat(weighing.find(ARRESTS).orElseThrow().status().kind())
        .isEqualTo(FactStatus.Kind.SINGLE_ORIGIN);
  }

  @Test
  void aClaimOfUnknownOriginCannotBeJudgedAndConfirmsNothing() {
    Claim unnamed = weighing.find(ARRESTS).orElseThrow().unknownOrigin().get(0);
    assertThat(weighing.suggest(unnamed).credibility()).isEqualTo(Credibility.CANNOT_BE_JUDGED);
    assertThat(weighing.find(ARRESTS).orElseThrow().corroboration().asserting()).isEqualTo(1);
  }
}
