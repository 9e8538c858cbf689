/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.vigil.access.Permission;
import org.vigil.audit.AuditAction;
import org.vigil.auth.Principal;
import org.vigil.http.ApiException;
import org.vigil.http.Backend;
import org.vigil.http.RequestGuard;
import org.vigil.http.Requests;
import org.vigil.http.Routes;
import org.vigil.http.ScreeningRoutes;
import org.vigil.lists.Countries;
import org.vigil.lists.ListFormatException;
import org.vigil.lists.SanctionsLists;
import org.vigil.model.InvalidValueException;
import org.vigil.model.PartialDate;
import org.vigil.model.Schema;
import org.vigil.screening.Screener;
import org.vigil.screening.ScreeningMatch;
import org.vigil.screening.ScreeningQuery;
import org.vigil.watchlists.ListScreening;

/**
 * The screening page: names pasted one per line, or a CSV file (a header row with a "name" column
 * and optionally "schema", "birthDate" and "country"; or names in the first column), screened
 * against the lists in force. Each name gets its ranked matches with their explanations; a row that
 * is not a valid query is reported and the others are screened. The same results download as CSV.
 */
public final class ScreeningPage {
  static final int MAX_QUERIES = ScreeningRoutes.MAX_QUERIES;
  static final int MATCHES = 5;
  private static final List<String> CSV_HEADER =
      List.of(
          "query",
          "query_schema",
          "query_birth_date",
          "query_country",
          "rank",
          "score",
          "name_score",
          "matched_name",
          "list_name",
          "dataset",
          "list_entry_id",
          "schema",
          "programmes",
          "explanation",
          "error");

  private final Supplier<Backend> backend;
  private final ListScreening screening;

  public ScreeningPage(Supplier<Backend> backend, ListScreening screening) {
    this.backend = requireNonNull(backend, "backend");
    this.screening = requireNonNull(screening, "screening");
  }

  public void register(Routes routes) {
    routes.page("/screening", Permission.SCREEN, this::form);
    routes.pagePost("/screening", Permission.SCREEN, this::screen);
    routes.pagePost("/screening/results.csv", Permission.SCREEN, this::download);
  }

  /** A row to screen: its query, or why it is not one. */
  private record Row(
      int line, String raw, Optional<ScreeningQuery> query, Optional<String> error) {}

  /** A screened row. */
  private record Outcome(Row row, List<ScreeningMatch> matches) {}

  private void form(Context ctx) {
    Principal who = Requests.principal(ctx);
    Html page = Html.page("Screening", who, "");
    page.raw("<h1>Screen names against the sanctions lists</h1>");
    form(page, who, "");
    ctx.html(page.end());
  }

  private static void form(Html page, Principal who, String names) {
    page.raw("<form class=\"screening\" method=\"post\" action=\"/screening\"")
        .raw(" enctype=\"multipart/form-data\">");
    csrf(page, who);
    page.raw("<label>Names, one per line <textarea name=\"names\" rows=\"6\"")
        .raw(" placeholder=\"Qasem Soleimani&#10;Naji Ibrahim Sharifi-Zindashti\">")
        .text(names)
        .raw("</textarea></label>")
        .raw("<label>or a CSV file <input type=\"file\" name=\"csv\" accept=\".csv,text/csv\">")
        .raw("</label><p class=\"hint\">A CSV has a header row with a <code>name</code> column")
        .raw(" and, if known, <code>schema</code>, <code>birthDate</code> and")
        .raw(" <code>country</code>; without a header, the first column is the name. At most ")
        .text(Integer.toString(MAX_QUERIES))
        .raw(" names at a time.</p><button type=\"submit\">Screen</button></form>");
  }

  private static void csrf(Html page, Principal who) {
    who.csrfToken()
        .ifPresent(
            t ->
                page.raw("<input type=\"hidden\" name=\"")
                    .text(RequestGuard.CSRF_FIELD)
                    .raw("\" value=\"")
                    .text(t)
                    .raw("\">"));
  }

  private void screen(Context ctx) {
    Principal who = Requests.principal(ctx);
    String names = Optional.ofNullable(ctx.formParam("names")).orElse("");
    List<List<String>> records = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (String line : names.split("\\R")) {
      if (!line.isBlank()) {
        records.add(List.of(line.strip()));
      }
    }
    UploadedFile csv = ctx.isMultipartFormData() ? ctx.uploadedFile("csv") : null;
    if (csv != null && csv.size() > 0) {
      try (InputStream in = csv.content()) {
        records.addAll(CsvRows.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InvalidValueException e) {
        problems.add("The CSV file " + csv.filename() + " cannot be read: " + e.getMessage());
      }
    }
    Principal viewer = who;
    Html page = Html.page("Screening results", viewer, "");
    page.raw("<h1>Screening results</h1>");
    for (String p : problems) {
      page.raw("<p class=\"error\">").text(p).raw("</p>");
    }
    if (records.isEmpty() && problems.isEmpty()) {
      problems.add("Paste at least one name, or choose a CSV file.");
      page.raw("<p class=\"error\">Paste at least one name, or choose a CSV file.</p>");
    }
    if (records.isEmpty()) {
      form(page, who, names);
      ctx.status(400).html(page.end());
      return;
    }
    List<Outcome> outcomes;
    try {
      outcomes = screen(rows(records));
    } catch (TooMany e) {
      page.raw("<p class=\"error\">").text(e.getMessage()).raw("</p>");
      form(page, who, names);
      ctx.status(400).html(page.end());
      return;
    }
    audit(ctx, who, outcomes);
    results(page, outcomes);
    page.raw("<form class=\"download\" method=\"post\" action=\"/screening/results.csv\">");
    csrf(page, who);
    page.raw("<input type=\"hidden\" name=\"queries\" value=\"")
        .text(CsvRows.format(queriesOf(outcomes)))
        .raw("\"><button type=\"submit\">Download as CSV</button></form>");
    page.raw("<h2>Screen more</h2>");
    form(page, who, "");
    ctx.html(page.end());
  }

  private void download(Context ctx) {
    Principal who = Requests.principal(ctx);
    List<List<String>> records;
    try {
      records = CsvRows.parse(Optional.ofNullable(ctx.formParam("queries")).orElse(""));
    } catch (InvalidValueException e) {
      throw ApiException.badRequest("the queries to download cannot be read: " + e.getMessage());
    }
    if (records.isEmpty()) {
      throw ApiException.badRequest("there are no queries to download; screen some names first");
    }
    List<Outcome> outcomes;
    try {
      outcomes = screen(rows(records));
    } catch (TooMany e) {
      throw ApiException.badRequest(e.getMessage());
    }
    audit(ctx, who, outcomes);
    List<List<String>> out = new ArrayList<>();
    out.add(CSV_HEADER);
    for (Outcome o : outcomes) {
      List<String> query = queryCells(o.row());
      if (o.row().error().isPresent()) {
        List<String> line = new ArrayList<>(query);
        line.addAll(List.of("", "", "", "", "", "", "", "", "", ""));
        line.add(o.row().error().get());
        out.add(line);
        continue;
      }
      int rank = 0;
      for (ScreeningMatch m : o.matches()) {
        List<String> line = new ArrayList<>(query);
        line.addAll(
            List.of(
                Integer.toString(++rank),
                String.format(Locale.ROOT, "%.4f", m.score()),
                String.format(Locale.ROOT, "%.4f", m.nameScore()),
                m.matchedName(),
                m.primaryName(),
                m.dataset(),
                m.entityId(),
                m.schema().ftmName(),
                String.join("; ", m.programs()),
                m.nameExplanation().describe(),
                ""));
        out.add(line);
      }
      if (o.matches().isEmpty()) {
        List<String> line = new ArrayList<>(query);
        line.addAll(List.of("0", "", "", "", "", "", "", "", "", "no match", ""));
        out.add(line);
      }
    }
    ctx.contentType("text/csv; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"screening-results.csv\"");
    ctx.result(CsvRows.formatForSpreadsheets(out));
  }

  private void audit(Context ctx, Principal who, List<Outcome> outcomes) {
    long rejected = outcomes.stream().filter(o -> o.row().error().isPresent()).count();
    backend
        .get()
        .audit()
        .record(
            ctx,
            who,
            AuditAction.SEARCH,
            "screening",
            "screen " + outcomes.size() + " queries (" + rejected + " rejected) from the page");
  }

  private static final class TooMany extends RuntimeException {
    TooMany(int count) {
      super(
          count + " names are too many to screen at once; the limit is " + MAX_QUERIES + ".",
          null,
          false,
          false);
    }
  }

  /** Turns records into queries: with a header naming "name", by column; else the first cell. */
  private static List<Row> rows(List<List<String>> records) {
    List<String> first = records.get(0);
    int nameAt = -1;
    int schemaAt = -1;
    int birthAt = -1;
    int countryAt = -1;
    for (int i = 0; i < first.size(); i++) {
      switch (first.get(i).strip().toLowerCase(Locale.ROOT)) {
        case "name" -> nameAt = i;
        case "schema" -> schemaAt = i;
        case "birthdate", "birth_date", "date_of_birth" -> birthAt = i;
        case "country", "nationality" -> countryAt = i;
        default -> {}
      }
    }
    boolean header = nameAt >= 0;
    List<List<String>> data = header ? records.subList(1, records.size()) : records;
    if (data.size() > MAX_QUERIES) {
      throw new TooMany(data.size());
    }
    List<Row> rows = new ArrayList<>();
    int line = header ? 1 : 0;
    for (List<String> record : data) {
      line++;
      String raw = String.join(", ", record);
      String name = cell(record, header ? nameAt : 0);
      if (name.isBlank()) {
        rows.add(
            new Row(line, raw, Optional.empty(), Optional.of("line " + line + " has no name")));
        continue;
      }
      try {
        ScreeningQuery q = ScreeningQuery.of(name).withLimit(MATCHES);
        String schema = cell(record, schemaAt);
        if (!schema.isBlank()) {
          q = q.withSchema(Schema.expect(schema.strip()));
        }
        String birth = cell(record, birthAt);
        if (!birth.isBlank()) {
          q = q.withBirthDate(PartialDate.parse(birth.strip()));
        }
        String country = cell(record, countryAt);
        if (!country.isBlank()) {
          String c = country.strip();
          q =
              q.withCountry(
                  Countries.code(c)
                      .orElseThrow(
                          () -> new InvalidValueException("'" + c + "' is not a known country")));
        }
        rows.add(new Row(line, raw, Optional.of(q), Optional.empty()));
      } catch (IllegalArgumentException e) {
        rows.add(
            new Row(
                line, raw, Optional.empty(), Optional.of("line " + line + ": " + e.getMessage())));
      }
    }
    return rows;
  }

  private static String cell(List<String> record, int at) {
    return at >= 0 && at < record.size() ? record.get(at) : "";
  }

  private List<Outcome> screen(List<Row> rows) {
    Screener screener;
    try {
      screener = screening.current().screener();
    } catch (UncheckedIOException | ListFormatException e) {
      throw new ApiException(503, "unavailable", "the sanctions lists cannot be read right now");
    }
    List<Outcome> out = new ArrayList<>();
    for (Row row : rows) {
      out.add(
          new Outcome(row, row.query().map(q -> screener.screen(q).matches()).orElse(List.of())));
    }
    return out;
  }

  private static void results(Html page, List<Outcome> outcomes) {
    long matched = outcomes.stream().filter(o -> !o.matches().isEmpty()).count();
    page.raw("<p class=\"summary\">")
        .text(
            outcomes.size()
                + (outcomes.size() == 1 ? " name screened, " : " names screened, ")
                + matched
                + " with possible matches.")
        .raw("</p><ol class=\"screening-results\">");
    for (Outcome o : outcomes) {
      page.raw("<li class=\"screened\"><h3>");
      if (o.row().query().isPresent()) {
        ScreeningQuery q = o.row().query().get();
        page.text(q.name());
        q.birthDate()
            .ifPresent(
                d -> page.raw(" <span class=\"hint\">born ").text(d.toString()).raw("</span>"));
        q.country().ifPresent(c -> page.raw(" <span class=\"hint\">").text(c).raw("</span>"));
      } else {
        page.text(o.row().raw());
      }
      page.raw("</h3>");
      if (o.row().error().isPresent()) {
        page.raw("<p class=\"error\">").text(o.row().error().get()).raw("</p></li>");
        continue;
      }
      if (o.matches().isEmpty()) {
        page.raw("<p class=\"hint no-match\">No match at or above the threshold.</p></li>");
        continue;
      }
      page.raw("<table class=\"matches\"><thead><tr><th>score</th><th>listed as</th>")
          .raw("<th>list</th><th>programmes</th><th>why</th></tr></thead><tbody>");
      for (ScreeningMatch m : o.matches()) {
        page.raw("<tr><td class=\"score\">")
            .text(String.format(Locale.ROOT, "%.2f", m.score()))
            .raw("</td><td>")
            .link(
                Html.hrefOf(SanctionsLists.storeId(m.dataset(), m.entityId()), m.schema()),
                m.primaryName())
            .raw(" <span class=\"schema\">")
            .text(m.schema().ftmName())
            .raw("</span>");
        if (!m.matchedName().equals(m.primaryName())) {
          page.raw("<div class=\"hint\">matched the name ").text(m.matchedName()).raw("</div>");
        }
        page.raw("</td><td>")
            .text(m.dataset())
            .raw("</td><td>")
            .text(String.join(", ", m.programs()))
            .raw("</td><td class=\"explanation\">")
            .text(m.nameExplanation().describe());
        for (String evidence : m.evidence()) {
          page.raw("<div class=\"hint\">").text(evidence).raw("</div>");
        }
        page.raw("</td></tr>");
      }
      page.raw("</tbody></table></li>");
    }
    page.raw("</ol>");
  }

  /** The rows again as CSV records with a header, for the download form to send back. */
  private static List<List<String>> queriesOf(List<Outcome> outcomes) {
    List<List<String>> out = new ArrayList<>();
    out.add(List.of("name", "schema", "birthDate", "country"));
    for (Outcome o : outcomes) {
      out.add(queryCells(o.row()));
    }
    return out;
  }

  private static List<String> queryCells(Row row) {
    if (row.query().isEmpty()) {
      return List.of(row.raw(), "", "", "");
    }
    ScreeningQuery q = row.query().get();
    return List.of(
        q.name(),
        q.schema().map(Schema::ftmName).orElse(""),
        q.birthDate().map(Object::toString).orElse(""),
        q.country().orElse(""));
  }
}
