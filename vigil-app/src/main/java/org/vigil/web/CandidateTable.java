/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vigil.lists.ListEntry;
import org.vigil.lists.SanctionsLists;
import org.vigil.model.PartialDate;
import org.vigil.model.Schema;
import org.vigil.screening.CandidateGroups;
import org.vigil.screening.ScreeningMatch;
import org.vigil.screening.ScreeningQuery;

/**
 * Screening candidates as a person decides between them: each candidate (one person's entries on
 * several lists together) with what its lists say, birth dates, countries, programmes and remarks,
 * in a table whose first column is what the query said, so that an agreeing or differing birth date
 * is seen at once, not inferred from a score.
 */
final class CandidateTable {
  private CandidateTable() {}

  static void render(Html page, ScreeningQuery query, List<CandidateGroups.Group> groups) {
    page.raw("<ol class=\"candidates\">");
    for (CandidateGroups.Group group : groups) {
      ScreeningMatch best = group.best().match();
      heading(page, group, best);
      otherSchema(page, query, best);
      page.raw("<table class=\"matches candidate-details\"><thead><tr><th></th><th>query</th>");
      for (CandidateGroups.Candidate c : group.members()) {
        page.raw("<th>")
            .link(
                Html.hrefOf(
                    SanctionsLists.storeId(c.match().dataset(), c.match().entityId()),
                    c.match().schema()),
                c.match().dataset() + " " + c.match().entityId())
            .raw("</th>");
      }
      page.raw("</tr></thead><tbody>");
      detailRows(page, query, group);
      whyRow(page, group);
      page.raw("</tbody></table></li>");
    }
    page.raw("</ol>");
  }

  /** The candidate's score, name and schema, and how many lists name it. */
  private static void heading(Html page, CandidateGroups.Group group, ScreeningMatch best) {
    page.raw("<li class=\"candidate\"><p><span class=\"score\">")
        .text(String.format(Locale.ROOT, "%.2f", best.score()))
        .raw("</span> ")
        .text(best.primaryName())
        .raw(" <span class=\"schema\">")
        .text(best.schema().ftmName())
        .raw("</span>");
    if (group.members().size() > 1) {
      page.raw(" <span class=\"hint\">")
          .text("the same " + noun(best.schema()) + " on " + group.members().size() + " lists")
          .raw("</span>");
    }
    page.raw("</p>");
  }

  /** What the query said beside what each list says: name, score, schema, dates, places, ... */
  private static void detailRows(Html page, ScreeningQuery query, CandidateGroups.Group group) {
    row(page, "name", query.name(), group.members().stream().map(c -> name(c.match())).toList());
    row(
        page,
        "score",
        "",
        group.members().stream()
            .map(c -> String.format(Locale.ROOT, "%.2f", c.match().score()))
            .toList());
    row(
        page,
        "schema",
        query.schema().map(Schema::ftmName).orElse("any"),
        group.members().stream().map(c -> c.match().schema().ftmName()).toList());
    row(
        page,
        "born",
        query.birthDate().map(PartialDate::toString).orElse("–"),
        details(group, e -> e.birthDates().stream().map(PartialDate::toString).toList()));
    row(page, "born in", "–", details(group, ListEntry::birthPlaces));
    row(page, "countries", query.country().orElse("–"), details(group, ListEntry::countries));
    row(
        page,
        "programmes",
        "",
        group.members().stream().map(c -> orDash(c.match().programs())).toList());
    row(
        page,
        "listed",
        "",
        details(
            group,
            e ->
                e.listingDate()
                    .map(d -> List.of(e.authority() + ", " + d))
                    .orElse(List.of(e.authority()))));
    row(page, "remarks", "", details(group, ListEntry::remarks));
  }

  /**
   * Why each entry matched: in sentences a reviewer can read (the names' correspondence and the
   * evidence), then the name parts' alignment in the compact form analysts know from the API.
   */
  private static void whyRow(Html page, CandidateGroups.Group group) {
    page.raw("<tr><th>why</th><td></td>");
    for (CandidateGroups.Candidate c : group.members()) {
      page.raw("<td class=\"explanation\"><p class=\"reasons\">").text(c.match().explain());
      page.raw("</p><div class=\"hint\">").text(c.match().nameExplanation().describe());
      page.raw("</div></td>");
    }
    page.raw("</tr>");
  }

  /** Says in words why a candidate of another kind than the query's was ranked down. */
  private static void otherSchema(Html page, ScreeningQuery query, ScreeningMatch best) {
    Optional<Schema> asked = query.schema();
    if (asked.isPresent()
        && best.evidence().stream().anyMatch(e -> e.startsWith("schema differs"))) {
      page.raw("<p class=\"hint other-schema\">")
          .text(
              "Ranked down: the query is "
                  + withArticle(noun(asked.get()))
                  + ", this entry "
                  + withArticle(noun(best.schema()))
                  + ", so they cannot be the same.")
          .raw("</p>");
    }
  }

  /** "a person", "an organisation", "an aircraft". */
  private static String withArticle(String noun) {
    return ("aeiou".indexOf(Character.toLowerCase(noun.charAt(0))) >= 0 ? "an " : "a ") + noun;
  }

  private static String noun(Schema schema) {
    return switch (schema) {
      case PERSON -> "person";
      case VESSEL -> "vessel";
      case AIRPLANE -> "aircraft";
      default -> schema.isA("Organization") ? "organisation" : schema.ftmName();
    };
  }

  private static String name(ScreeningMatch m) {
    return m.matchedName().equals(m.primaryName())
        ? m.primaryName()
        : m.primaryName() + " (matched " + m.matchedName() + ")";
  }

  private static List<String> details(
      CandidateGroups.Group group, java.util.function.Function<ListEntry, List<String>> values) {
    return group.members().stream()
        .map(c -> c.entry().map(values).map(CandidateTable::orDash).orElse("–"))
        .toList();
  }

  private static String orDash(List<String> values) {
    return values.isEmpty() ? "–" : String.join("; ", values);
  }

  private static void row(Html page, String label, String query, List<String> cells) {
    page.raw("<tr><th>").text(label).raw("</th><td class=\"query\">").text(query).raw("</td>");
    for (String cell : cells) {
      page.raw("<td>").text(cell).raw("</td>");
    }
    page.raw("</tr>");
  }
}
