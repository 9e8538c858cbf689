/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.vigil.access.Viewer;
import org.vigil.model.Credibility;
import org.vigil.model.Reliability;
import org.vigil.network.LinkFilter;
import org.vigil.store.Store;
import org.vigil.weighing.WeighedLinks;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options every graph query shares: where the data is, who asks, the format and the filter. */
final class GraphOptions {
  @Mixin StoreOptions store;

  @Option(
      names = "--as",
      paramLabel = "USER",
      description =
          "Answer as this user sees the data (their organisation's markings); default: the"
              + " operator, who sees everything.")
  String asUser;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(
      names = "--schema",
      split = ",",
      paramLabel = "SCHEMA",
      description =
          "Follow only these link schemata (Membership, Employment, Directorship, Ownership,"
              + " Family, Associate, UnknownLink, Event); comma-separated.")
  List<String> schemas = new ArrayList<>();

  @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Only links dated from.")
  String from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Only links dated until.")
  String to;

  @Option(
      names = "--min-confidence",
      paramLabel = "0..1",
      defaultValue = "0",
      description = "Only links at least this confident (default: ${DEFAULT-VALUE}).")
  double minConfidence;

  @Option(
      names = "--min-grade",
      paramLabel = "A-F",
      description = "Only links from sources at least this reliable (B admits A and B).")
  String minGrade;

  @Option(
      names = "--credibility",
      paramLabel = "1-6",
      description =
          "Only links whose claim's credibility in force is this grade or better (2 admits 1 and"
              + " 2); links that are no graded claim (a list's designation, an analyst's note)"
              + " are kept and marked \"not graded\".")
  Integer credibility;

  @Option(
      names = "--hide-disputed",
      description = "Leave out links whose fact is disputed, before the query runs.")
  boolean hideDisputed;

  /** The viewer the answer is for. */
  Viewer viewer(Store store) {
    if (asUser == null) {
      return Viewer.system();
    }
    return store
        .accounts()
        .userByName(asUser)
        .map(u -> store.accounts().viewer(u))
        .orElseThrow(() -> new CliFailure("no user named '" + asUser + "'"));
  }

  LinkFilter filter() {
    return new LinkFilter(
        new TreeSet<>(schemas),
        date("--from", from),
        date("--to", to),
        minConfidence,
        Optional.ofNullable(minGrade).map(Reliability::parse));
  }

  /** The weighing filter, the same as the API's credibility and hideDisputed. */
  WeighedLinks.Filter weighing() {
    return new WeighedLinks.Filter(
        Optional.ofNullable(credibility).map(Credibility::ofGrade), hideDisputed);
  }

  private static Optional<LocalDate> date(String option, String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text.strip()));
    } catch (DateTimeParseException e) {
      throw new CliFailure(option + " '" + text + "' is not a date; use YYYY-MM-DD");
    }
  }
}
