/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.app;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vigil.access.Viewer;
import org.vigil.cases.CaseWork;
import org.vigil.cases.Cases;
import org.vigil.documents.StoredDocument;
import org.vigil.model.Statement;
import org.vigil.store.Store;
import org.vigil.store.StoredCase;

/**
 * The demo's sample case, "the Zindashti network and its ties to the ministry": opened by the demo
 * analyst through {@link Cases} like any case, from the demo's own entities and sources, with a
 * note whose citations point at a sentence of the OFAC designation, a statement of the CTIC
 * assessment and the entities; shared with the partner service. Built once, after the demo's
 * sources are in (in the background, behind the first page); a later start finds it and adds
 * nothing.
 */
public final class DemoCase {
  public static final String TITLE = "The Zindashti network and its ties to the ministry";

  static final String OFAC_SENTENCE =
      "targeted Iranian dissidents abroad on behalf of Iran's Ministry of Intelligence and"
          + " Security (MOIS)";

  private DemoCase() {}

  /** Opens the sample case if the demo analyst has none of this title yet. */
  public static Optional<StoredCase> open(Store store, Clock clock, PrintWriter out) {
    requireNonNull(store, "store");
    Optional<Viewer> analyst =
        store.accounts().userByName(DemoData.ANALYST).map(u -> store.accounts().viewer(u));
    if (analyst.isEmpty()
        || store.cases().readableBy(analyst.get()).stream()
            .anyMatch(c -> c.title().equals(TITLE))) {
      return Optional.empty();
    }
    Cases cases = new Cases(store, clock);
    Cases.Actor actor = new Cases.Actor("demo", analyst.get(), "demo");
    StoredCase c = done(cases.create(TITLE, "AMBER", actor));
    done(cases.addNeighbourhood(c.id(), "naji-zindashti", 2, List.of(), actor));
    for (String document :
        List.of(
            "demo-ofac-2024-01-29",
            "demo-mois-profile",
            "demo-ctic-assessment-004",
            "demo-public-reporting")) {
      if (StoredDocument.find(store, analyst.get(), document).isPresent()) {
        done(cases.addItem(c.id(), "document", document, actor));
      }
    }
    done(cases.addNote(c.id(), note(store, analyst.get()), "AMBER", actor));
    weigh(store, clock, c.id(), analyst.get(), actor);
    done(cases.share(c.id(), "org", DemoData.PARTNER_ORG, "read", actor));
    out.println("Opened the sample case \"" + TITLE + "\" (" + c.id() + ").");
    out.flush();
    return Optional.of(c);
  }

  static final String ORDERS = "The network acted on MOIS's orders";
  static final String OWN_ENDS = "The network acted for its own criminal ends";

  /**
   * The analyst's two hypotheses about the network, rated on the case's evidence (the claims of the
   * OFAC designation and of the summary of public reporting, and the CTIC assessment's statement,
   * which the partner may not read), and the task that follows from the note.
   */
  private static void weigh(
      Store store, Clock clock, String caseId, Viewer analyst, Cases.Actor actor) {
    Cases cases = new Cases(store, clock);
    CaseWork work = new CaseWork(store, clock);
    for (String claim : List.of("link-zindashti-mois", "event-zindashti-sanctions")) {
      done(cases.addItem(caseId, "claim", claim, actor));
    }
    long orders = done(work.addHypothesis(caseId, ORDERS, actor)).id();
    long ownEnds = done(work.addHypothesis(caseId, OWN_ENDS, actor)).id();
    // OFAC: the network targeted dissidents abroad on behalf of MOIS.
    done(work.rate(caseId, orders, "claim:link-zindashti-mois", "C", actor));
    done(work.rate(caseId, ownEnds, "claim:link-zindashti-mois", "I", actor));
    // Sanctioned for assassinations and kidnappings: fits both; it tells them apart not at all.
    done(work.rate(caseId, orders, "claim:event-zindashti-sanctions", "C", actor));
    done(work.rate(caseId, ownEnds, "claim:event-zindashti-sanctions", "C", actor));
    // CTIC: a deniable criminal intermediary of MOIS.
    Optional<Statement> assessed =
        store.statements().entity("naji-zindashti", analyst).stream()
            .flatMap(e -> e.statements().stream())
            .filter(s -> s.property().equals("notes"))
            .findFirst();
    if (assessed.isPresent()) {
      String ref = "statement:naji-zindashti/" + assessed.get().id();
      done(work.rate(caseId, orders, ref, "C", actor));
      done(work.rate(caseId, ownEnds, ref, "I", actor));
    }
    done(
        work.addTask(
            caseId,
            "Find who else the network hired, and whether the ministry paid them",
            DemoData.ANALYST,
            "",
            actor));
  }

  /** The note, its citations found in the demo's stored sources. */
  private static String note(Store store, Viewer analyst) {
    List<String> lines = new ArrayList<>();
    lines.add("## Why this case");
    lines.add("");
    StringBuilder ofac =
        new StringBuilder(
            "OFAC designated the network of [Naji Ibrahim Sharifi-Zindashti](entity:naji-zindashti)"
                + " in January 2024: it ");
    Optional<String> text =
        StoredDocument.find(store, analyst, "demo-ofac-2024-01-29").map(d -> d.document().text());
    int at = text.map(t -> t.indexOf(OFAC_SENTENCE)).orElse(-1);
    if (at >= 0) {
      ofac.append("[targeted dissidents abroad for the ministry](document:demo-ofac-2024-01-29#")
          .append(at)
          .append('-')
          .append(at + OFAC_SENTENCE.length())
          .append(").");
    } else {
      ofac.append("targeted dissidents abroad for the ministry.");
    }
    lines.add(ofac.toString());
    lines.add("");
    Optional<Statement> assessed =
        store.statements().entity("naji-zindashti", analyst).stream()
            .flatMap(e -> e.statements().stream())
            .filter(s -> s.property().equals("notes"))
            .findFirst();
    lines.add(
        assessed
            .map(
                s ->
                    "Our assessment: [a deniable criminal intermediary](statement:"
                        + s.entityId()
                        + "/"
                        + s.id()
                        + ") of [MOIS](entity:iran-mois), led since 2021 by"
                        + " [Esmaeil Khatib](entity:esmaeil-khatib).")
            .orElse("[MOIS](entity:iran-mois) is led by [Esmaeil Khatib](entity:esmaeil-khatib)."));
    lines.add("");
    lines.add("**Next:** find who else the network hired, and whether the ministry paid them.");
    return String.join("\n", lines);
  }

  private static <T> T done(Cases.Outcome<T> outcome) {
    if (outcome instanceof Cases.Refused<T> r) {
      throw new IllegalStateException("the demo case could not be built: " + r.message());
    }
    return ((Cases.Done<T>) outcome).value();
  }
}
