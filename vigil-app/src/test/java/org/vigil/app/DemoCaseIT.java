/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Viewer;
import org.vigil.auth.PasswordHasher;
import org.vigil.cases.CaseView;
import org.vigil.cases.Cases;
import org.vigil.cases.CitedEvidence;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.store.StoredCase;

class DemoCaseIT {
  @TempDir Path dir;

  private final PasswordHasher cheap =
      new PasswordHasher(new PasswordHasher.Cost(1024, 1, 1), new SecureRandom());

  @Test
  void theSampleCaseHoldsTheNetworkAndACitedNoteEachReaderSeesAsFarAsTheirRightsReach() {
    try (Store store = Store.open(StoreConfig.embedded(dir))) {
      PrintWriter out = new PrintWriter(new StringWriter());
      DemoData.load(store, cheap, Clock.systemUTC(), out);
      StoredCase opened = DemoCase.open(store, Clock.systemUTC(), out).orElseThrow();
      assertThat(DemoCase.open(store, Clock.systemUTC(), out)).as("built once").isEmpty();
      Cases cases = new Cases(store, Clock.systemUTC());

      CaseView analyst = cases.view(opened.id(), viewer(store, "analyst")).orElseThrow();
      assertThat(analyst.entities())
          .extracting(CaseView.Item::id)
          .contains("naji-zindashti", "iran-mois", "esmaeil-khatib");
      assertThat(analyst.documents())
          .extracting(CaseView.Item::id)
          .contains("demo-ofac-2024-01-29");
      CaseView.Note note = analyst.notes().get(0);
      assertThat(note.rendered().citations())
          .extracting(CitedEvidence::label)
          .anyMatch(l -> l.contains("deniable criminal intermediary") || l.contains("notes"));
      assertThat(note.rendered().citations())
          .anyMatch(c -> c.quote().orElse("").contains("on behalf of Iran's Ministry"));

      assertThat(analyst.timeline()).extracting(CaseView.Dated::date).contains("2021-08");
      assertThat(analyst.timeline())
          .extracting(CaseView.Dated::date)
          .isSortedAccordingTo(java.util.Comparator.naturalOrder());

      // The map and timeline: the events of the summary of public reporting, each stated there.
      // The sanctions event is in the case and reached from Zindashti: one line, in its words.
      assertThat(analyst.timeline())
          .filteredOn(d -> d.date().equals("2024-01-29"))
          .extracting(CaseView.Dated::label)
          .containsOnlyOnce("Sanctions against the Zindashti network")
          .doesNotContain("date");
      // Khatib's employment, reached from Khatib and from the ministry: one line.
      assertThat(analyst.timeline()).filteredOn(d -> d.date().equals("2021-08")).hasSize(1);
      assertThat(analyst.places())
          .anyMatch(
              l ->
                  l.geocoding() instanceof org.vigil.places.Geocoding.Placed p
                      && p.place().name().equals("Tehran")
                      && p.place().country().equals("IR"));
      assertThat(analyst.places())
          .anyMatch(
              l ->
                  l.geocoding() instanceof org.vigil.places.Geocoding.Placed p
                      && p.place().country().equals("US"));

      // The case's own graph: its entities and the links among them, nothing left out.
      assertThat(analyst.graph().nodes())
          .extracting(org.vigil.cases.CaseGraph.Node::id)
          .contains("naji-zindashti", "iran-mois", "esmaeil-khatib");
      assertThat(analyst.graph().links()).isNotEmpty();
      assertThat(analyst.graph().left()).isZero();

      // The partner reads the case but not the AMBER+STRICT assessment it cites.
      CaseView liaison = cases.view(opened.id(), viewer(store, "liaison")).orElseThrow();
      assertThat(liaison.graph().links())
          .extracting(org.vigil.cases.CaseGraph.Link::tlp)
          .noneMatch(t -> t.toUpperCase(java.util.Locale.ROOT).contains("STRICT"));
      assertThat(liaison.notes().get(0).rendered().html())
          .contains("[citation withheld]")
          .doesNotContain("demo-ctic-assessment-004");
      assertThat(liaison.documents())
          .extracting(CaseView.Item::id)
          .doesNotContain("demo-ctic-assessment-004");
      assertThat(cases.view(opened.id(), viewer(store, "customs-officer"))).isEmpty();
    }
  }

  private static Viewer viewer(Store store, String username) {
    return store.accounts().viewer(store.accounts().userByName(username).orElseThrow());
  }
}
