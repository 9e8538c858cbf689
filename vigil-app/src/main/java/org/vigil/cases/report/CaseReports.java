/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cases.report;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vigil.access.MarkingPolicy;
import org.vigil.access.Organization;
import org.vigil.access.Viewer;
import org.vigil.cases.CaseView;
import org.vigil.cases.Cases;
import org.vigil.model.Entity;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Marking;
import org.vigil.model.Tlp;
import org.vigil.sharing.Release;
import org.vigil.store.Store;
import org.vigil.store.StoredCase;

/**
 * Reports, the one front door behind {@code vigil case report}, the report route and the case
 * page's button. A report is written from a case the analyst may write to (owner or member with
 * write rights), for one recipient organisation, from what both that organisation and the analyst
 * may read; it names nothing else, not even by count. Each report is audited with the ids of the
 * statements it released, whether or not the file then leaves the server.
 *
 * <p>Thread-safe; the store is the caller's.
 */
public final class CaseReports {
  /** The most statements one report cites; a larger one is refused with the reason. */
  public static final int MAX_STATEMENTS = 5_000;

  /** The longest executive summary. */
  public static final int MAX_SUMMARY = 20_000;

  /**
   * What to write: for which organisation, in which form, with which executive summary under which
   * marking, and of which of the case's entities (all when empty).
   */
  public record Request(
      String recipientOrg,
      ReportFormat format,
      Optional<String> summary,
      Tlp summaryTlp,
      List<String> entities) {
    public Request {
      requireNonNull(recipientOrg, "recipientOrg");
      requireNonNull(format, "format");
      requireNonNull(summary, "summary");
      requireNonNull(summaryTlp, "summaryTlp");
      entities = List.copyOf(entities);
    }
  }

  /** A written report: its file's bytes, its form and a file name for it. */
  public record Written(byte[] bytes, ReportFormat format, String fileName, CaseReport report) {
    public Written {
      requireNonNull(bytes, "bytes");
      requireNonNull(format, "format");
      requireNonNull(fileName, "fileName");
      requireNonNull(report, "report");
    }
  }

  private final Store store;
  private final Clock clock;
  private final int maxStatements;

  public CaseReports(Store store, Clock clock) {
    this(store, clock, MAX_STATEMENTS);
  }

  /** Reports citing at most {@code maxStatements} statements each. */
  public CaseReports(Store store, Clock clock, int maxStatements) {
    this.store = requireNonNull(store, "store");
    this.clock = requireNonNull(clock, "clock");
    if (maxStatements < 1) {
      throw new IllegalArgumentException("a report cites at least one statement: " + maxStatements);
    }
    this.maxStatements = maxStatements;
  }

  /** Writes the report of case {@code id} for the request, audited for the actor. */
  public Cases.Outcome<Written> report(String id, Request request, Cases.Actor actor) {
    Cases.Outcome<CaseReport> made = contents(id, request, actor.viewer());
    if (made instanceof Cases.Refused<CaseReport> r) {
      return new Cases.Refused<>(r.reason(), r.message());
    }
    CaseReport report = ((Cases.Done<CaseReport>) made).value();
    byte[] bytes =
        switch (request.format()) {
          case HTML ->
              ReportHtml.document(report, ReportHtml.Medium.SCREEN)
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8);
          case PDF -> ReportPdf.render(report);
          case DOCX -> ReportDocx.render(report);
        };
    Release.audit(
        store,
        actor.auditId(),
        actor.address(),
        "case:" + id,
        "statements in a " + request.format().extension() + " report for " + request.recipientOrg(),
        report.releasedStatements(),
        clock.instant());
    String fileName = "case-report-" + request.recipientOrg() + "." + request.format().extension();
    return new Cases.Done<>(new Written(bytes, request.format(), fileName, report));
  }

  /** The contents of the report, before it takes a form; nothing is audited. */
  Cases.Outcome<CaseReport> contents(String id, Request request, Viewer analyst) {
    Optional<StoredCase> found = store.cases().find(id, analyst);
    if (found.isEmpty()) {
      return new Cases.Refused<>(Cases.Refusal.UNKNOWN, "no case " + id);
    }
    if (!found.get().writableBy(analyst)) {
      return new Cases.Refused<>(
          Cases.Refusal.NOT_ALLOWED,
          "you may read case " + id + " but not hand it over: a report needs write rights");
    }
    Optional<Organization> org = store.accounts().organization(request.recipientOrg());
    if (org.isEmpty()) {
      return new Cases.Refused<>(
          Cases.Refusal.INVALID_VALUE, "no organisation " + request.recipientOrg());
    }
    Viewer recipient = Release.organisationViewer(store, org.get().id());
    Optional<CaseReport.Portion> summary = Optional.empty();
    if (request.summary().filter(s -> !s.isBlank()).isPresent()) {
      String text = request.summary().get().strip();
      if (text.length() > MAX_SUMMARY) {
        return new Cases.Refused<>(
            Cases.Refusal.INVALID_VALUE,
            "an executive summary holds at most " + MAX_SUMMARY + " characters");
      }
      Marking marking = Marking.of(request.summaryTlp(), analyst.orgId());
      if (!MarkingPolicy.canSee(recipient, marking)) {
        return new Cases.Refused<>(
            Cases.Refusal.INVALID_VALUE,
            "the summary's marking "
                + marking.describe()
                + " does not reach "
                + org.get().id()
                + ": mark it lower or choose another recipient");
      }
      List<CaseReport.Fact> paragraphs = new ArrayList<>();
      for (String p : text.split("\\n\\s*\\n")) {
        paragraphs.add(new CaseReport.Fact(p.strip().replaceAll("\\s+", " "), List.of()));
      }
      summary = Optional.of(new CaseReport.Portion(request.summaryTlp(), "", paragraphs));
    }
    // Only the case's entities: its timeline, places and notes as a page shows them are not read.
    List<String> ids =
        new Cases(store, clock)
            .entities(id, analyst).orElseThrow().stream().map(CaseView.Item::id).toList();
    if (!request.entities().isEmpty()) {
      for (String chosen : request.entities()) {
        if (!ids.contains(chosen)) {
          return new Cases.Refused<>(
              Cases.Refusal.UNKNOWN, "case " + id + " holds no entity " + chosen);
        }
      }
      ids = ids.stream().filter(request.entities()::contains).toList();
    }
    ReportAssembly assembly = new ReportAssembly(store, analyst, recipient);
    Map<String, Entity> entities = assembly.readable(ids);
    int statements = ReportAssembly.statementCount(entities);
    if (statements > maxStatements) {
      return new Cases.Refused<>(
          Cases.Refusal.INVALID_VALUE,
          "a report cites at most "
              + maxStatements
              + " statements and this one would cite "
              + statements
              + ": choose some of the case's entities");
    }
    // The title is the case's, under the case's marking: a recipient it does not reach reads a
    // plain one.
    boolean titleReaches = MarkingPolicy.canSee(recipient, found.get().marking());
    try {
      return new Cases.Done<>(
          assembly.assemble(
              id,
              new Cases(store, clock).reportNotes(id, analyst, recipient).orElse(List.of()),
              new Cases(store, clock).reportWork(id, analyst, recipient),
              titleReaches ? found.get().title() : "A report for " + org.get().name(),
              titleReaches ? found.get().tlp() : Tlp.CLEAR,
              org.get().id(),
              org.get().name(),
              summary,
              entities,
              clock.instant()));
    } catch (InvalidValueException e) {
      return new Cases.Refused<>(Cases.Refusal.INVALID_VALUE, e.getMessage());
    }
  }
}
