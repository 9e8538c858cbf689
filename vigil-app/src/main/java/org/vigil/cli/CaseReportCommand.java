/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vigil.access.Viewer;
import org.vigil.cases.Cases;
import org.vigil.cases.report.CaseReports;
import org.vigil.cases.report.ReportFormat;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Tlp;
import org.vigil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vigil case report}: a case written for one organisation, through {@link CaseReports}. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a case, or chosen entities of it, as a report for one organisation: only what that"
          + " organisation and you may both read, a marking on every page and paragraph, every"
          + " fact citing its source. Needs write rights on the case; audited with the ids of the"
          + " statements it released."
    })
final class CaseReportCommand implements Callable<Integer> {
  @ParentCommand CaseCommand parent;
  @Spec CommandSpec spec;
  @Mixin StoreOptions storeOptions;

  @Parameters(paramLabel = "CASE", description = "The case's id.")
  String id;

  @Option(
      names = "--as",
      required = true,
      paramLabel = "USER",
      description = "Act as this user: their cases, rights and markings.")
  String asUser;

  @Option(
      names = "--for",
      required = true,
      paramLabel = "ORG",
      description = "The recipient organisation, by id.")
  String recipient;

  @Option(
      names = "--format",
      paramLabel = "pdf|docx|html",
      description = "The report's form (default pdf).")
  String format = "pdf";

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write.")
  Path outFile;

  @Option(
      names = "--summary",
      paramLabel = "FILE",
      description = "The executive summary, plain text (paragraphs split by blank lines).")
  Path summary;

  @Option(
      names = "--summary-tlp",
      paramLabel = "LEVEL",
      description = "The summary's marking (default AMBER); it must reach the recipient.")
  String summaryTlp = "AMBER";

  @Option(
      names = "--entity",
      paramLabel = "ID",
      description = "Report only these of the case's entities (repeatable; default all).")
  List<String> entities = new ArrayList<>();

  @Override
  public Integer call() {
    VigilCommand root = parent.root;
    ReportFormat form;
    Tlp level;
    Optional<String> text;
    try {
      form = ReportFormat.parse(format);
      level = Tlp.parse(summaryTlp);
      text =
          summary == null
              ? Optional.empty()
              : Optional.of(Files.readString(summary, StandardCharsets.UTF_8));
    } catch (InvalidValueException e) {
      throw new CliFailure(e.getMessage());
    } catch (IOException e) {
      throw new CliFailure("cannot read " + summary + ": " + e.getMessage());
    }
    try (Store store = storeOptions.open(root)) {
      Viewer viewer = CliViewers.viewer(store, asUser);
      Cases.Outcome<CaseReports.Written> outcome =
          new CaseReports(store, root.clock())
              .report(
                  id,
                  new CaseReports.Request(recipient, form, text, level, entities),
                  new Cases.Actor("cli:" + asUser, viewer, "cli"));
      if (outcome instanceof Cases.Refused<CaseReports.Written> r) {
        throw new CliFailure(r.message());
      }
      CaseReports.Written w = ((Cases.Done<CaseReports.Written>) outcome).value();
      try {
        Files.write(outFile, w.bytes());
      } catch (IOException e) {
        throw new CliFailure("cannot write " + outFile + ": " + e.getMessage());
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          "Wrote "
              + outFile
              + ": "
              + form.extension()
              + " report for "
              + recipient
              + ", highest marking "
              + w.report().highest().label()
              + ", "
              + w.report().releasedStatements().size()
              + " statements, "
              + w.report().endnotes().size()
              + " sources cited.");
      out.flush();
      return 0;
    }
  }
}
