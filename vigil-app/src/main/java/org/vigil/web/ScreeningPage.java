/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.vigil.model.InvalidValueException;
import org.vigil.model.Schema;
import org.vigil.screening.BatchOutcome;
import org.vigil.screening.Screener;
import org.vigil.screening.ScreeningMatch;
import org.vigil.screening.ScreeningQuery;
import org.vigil.screening.ScreeningResult;
import org.vigil.screening.ScreeningRow;
import org.vigil.screening.ScreeningRows;
import org.vigil.watchlists.BatchScreening;
import org.vigil.watchlists.ListScreening;

/**
 * The screening page: names pasted one per line, or a CSV file (read by {@link ScreeningRows}, like
 * the command line's and the API's batches), screened against the lists in force through {@link
 * BatchScreening}. Each name gets its ranked matches with their explanations; a row that is not a
 * valid query is reported and the others are screened. The same results download as CSV.
 */
public final class ScreeningPage {
  static final int MAX_QUERIES = BatchScreening.MAX_ROWS_PER_REQUEST;
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
          "reasons",
          "error");

  private final Supplier<Backend> backend;
  private final BatchScreening screening;

  public ScreeningPage(Supplier<Backend> backend, ListScreening screening) {
    this.backend = requireNonNull(backend, "backend");
    this.screening = new BatchScreening(requireNonNull(screening, "screening"));
  }

  public void register(Routes routes) {
    routes.page("/screening", Permission.SCREEN, this::form);
    routes.pagePost("/screening", Permission.SCREEN, this::screen);
    routes.pagePost("/screening/results.csv", Permission.SCREEN, this::download);
  }

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
        .raw("<label>The names are of <select name=\"schema\">")
        .raw("<option value=\"\">anyone or anything</option>")
        .raw("<option value=\"Person\">people</option>")
        .raw("<option value=\"Organization\">organisations</option>")
        .raw("<option value=\"Vessel\">vessels</option></select></label>")
        .raw("<p class=\"hint\">A list entry of another kind (a bank for a person) is then")
        .raw(" ranked down, with the reason.</p>")
        .raw("<label>or a CSV file <input type=\"file\" name=\"csv\" accept=\".csv,text/csv\">")
        .raw("</label><p class=\"hint\">A CSV has a header row with a <code>name</code> column")
        .raw(" and, if known, <code>schema</code>, <code>birth_date</code> (or")
        .raw(" <code>birthDate</code>, <code>date_of_birth</code>) and <code>country</code> (or")
        .raw(" <code>nationality</code>); without a header, the first column is the name. At most ")
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
    String schema = Optional.ofNullable(ctx.formParam("schema")).orElse("").strip();
    List<ScreeningRow> rows = pasted(names, schema);
    List<String> problems = new ArrayList<>();
    UploadedFile csv = ctx.isMultipartFormData() ? ctx.uploadedFile("csv") : null;
    if (csv != null && csv.size() > 0) {
      try (InputStream in = csv.content()) {
        rows.addAll(ScreeningRows.fromCsv(CsvRows.records(new String(in.readAllBytes(), UTF_8))));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InvalidValueException e) {
        problems.add("The CSV file " + csv.filename() + " cannot be read: " + e.getMessage());
      }
    }
    if (rows.isEmpty() && problems.isEmpty()) {
      problems.add("Paste at least one name, or choose a CSV file.");
    }
    if (rows.size() > MAX_QUERIES) {
      problems.add(tooMany(rows.size()));
    }
    Html page = Html.page("Screening results", who, "");
    page.raw("<h1>Screening results</h1>");
    problems.forEach(p -> page.raw("<p class=\"error\">").text(p).raw("</p>"));
    if (rows.isEmpty() || rows.size() > MAX_QUERIES) {
      form(page, who, names);
      ctx.status(400).html(page.end());
      return;
    }
    BatchScreening.Outcome outcome = screen(rows);
    audit(ctx, who, outcome);
    results(page, outcome);
    page.raw("<form class=\"download\" method=\"post\" action=\"/screening/results.csv\">");
    csrf(page, who);
    page.raw("<input type=\"hidden\" name=\"queries\" value=\"")
        .text(CsvRows.format(queriesOf(outcome)))
        .raw("\"><button type=\"submit\">Download as CSV</button></form>");
    page.raw("<h2>Screen more</h2>");
    form(page, who, "");
    ctx.html(page.end());
  }

  /**
   * Each non-blank line of the text box is a name, placed by its line, of the schema chosen (none:
   * any); an unknown schema is the row's problem, reported like a CSV row's.
   */
  private static List<ScreeningRow> pasted(String names, String schema) {
    List<ScreeningRow> rows = new ArrayList<>();
    String[] lines = names.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put(ScreeningRows.Field.NAME.key(), lines[i].strip());
        if (!schema.isEmpty()) {
          cells.put(ScreeningRows.Field.SCHEMA.key(), schema);
        }
        rows.add(new ScreeningRow("line " + (i + 1), cells));
      }
    }
    return rows;
  }

  private void download(Context ctx) {
    Principal who = Requests.principal(ctx);
    List<ScreeningRow> rows;
    try {
      rows =
          ScreeningRows.fromCsv(
              CsvRows.records(Optional.ofNullable(ctx.formParam("queries")).orElse("")));
    } catch (InvalidValueException e) {
      throw ApiException.badRequest("the queries to download cannot be read: " + e.getMessage());
    }
    if (rows.isEmpty()) {
      throw ApiException.badRequest("there are no queries to download; screen some names first");
    }
    if (rows.size() > MAX_QUERIES) {
      throw ApiException.badRequest(tooMany(rows.size()));
    }
    BatchScreening.Outcome outcome = screen(rows);
    // A download is audited as the export it is, not as another search.
    backend
        .get()
        .audit()
        .record(
            ctx,
            who,
            AuditAction.EXPORT,
            "screening",
            "screening results of "
                + outcome.rows().size()
                + " queries ("
                + outcome.rejected()
                + " rejected) downloaded as CSV");
    ctx.contentType("text/csv; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"screening-results.csv\"");
    ctx.result(CsvRows.formatForSpreadsheets(resultLines(outcome)));
  }

  /** One line per match (or one saying there is none, or the row's problem), with its query. */
  private static List<List<String>> resultLines(BatchScreening.Outcome outcome) {
    List<List<String>> out = new ArrayList<>();
    out.add(CSV_HEADER);
    for (BatchOutcome item : outcome.items()) {
      List<String> query = queryCells(outcome.rows().get(item.index()), item);
      List<ScreeningMatch> matches = item.result().map(ScreeningResult::matches).orElse(List.of());
      if (item.error().isPresent()) {
        out.add(
            line(query, List.of("", "", "", "", "", "", "", "", "", "", "", item.error().get())));
      } else if (matches.isEmpty()) {
        out.add(line(query, List.of("0", "", "", "", "", "", "", "", "", "no match", "", "")));
      }
      int rank = 0;
      for (ScreeningMatch m : matches) {
        out.add(
            line(
                query,
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
                    m.explain(),
                    "")));
      }
    }
    return out;
  }

  private static List<String> line(List<String> query, List<String> rest) {
    List<String> line = new ArrayList<>(query);
    line.addAll(rest);
    return line;
  }

  private void audit(Context ctx, Principal who, BatchScreening.Outcome outcome) {
    backend
        .get()
        .audit()
        .screened(ctx, who, outcome.rows().size(), outcome.rejected(), " from the page");
  }

  private static String tooMany(int count) {
    return count + " names are too many to screen at once; the limit is " + MAX_QUERIES + ".";
  }

  private BatchScreening.Outcome screen(List<ScreeningRow> rows) {
    try {
      return screening.screen(
          new BatchScreening.Request(rows, MATCHES, Screener.DEFAULT_THRESHOLD));
    } catch (BatchScreening.ListsUnavailable e) {
      throw new ApiException(503, "unavailable", e.getMessage());
    }
  }

  private static void results(Html page, BatchScreening.Outcome outcome) {
    if (outcome.groups().stream().anyMatch(g -> !g.isEmpty())) {
      page.raw("<p class=\"hint\">Each candidate is a possible match, not a finding: compare")
          .raw(" the query's details (first column) with what each list says. One person's")
          .raw(" entries on several lists are shown together.</p>");
    }
    page.raw("<p class=\"summary\">")
        .text(
            outcome.rows().size()
                + (outcome.rows().size() == 1 ? " name screened, " : " names screened, ")
                + outcome.matched()
                + " with possible matches.")
        .raw("</p><ol class=\"screening-results\">");
    for (BatchOutcome item : outcome.items()) {
      ScreeningRow row = outcome.rows().get(item.index());
      page.raw("<li class=\"screened\"><h3>");
      item.result()
          .map(ScreeningResult::query)
          .ifPresentOrElse(q -> heading(page, q), () -> page.text(row.text()));
      page.raw("</h3>");
      if (item.error().isPresent()) {
        page.raw("<p class=\"error\">")
            .text(row.where() + ": " + item.error().get())
            .raw("</p></li>");
        continue;
      }
      List<ScreeningMatch> matches = item.result().orElseThrow().matches();
      if (matches.isEmpty()) {
        page.raw("<p class=\"hint no-match\">No match at or above the threshold.</p></li>");
        continue;
      }
      CandidateTable.render(
          page, item.result().orElseThrow().query(), outcome.groups().get(item.index()));
      page.raw("</li>");
    }
    page.raw("</ol>");
  }

  private static void heading(Html page, ScreeningQuery q) {
    page.text(q.name());
    q.birthDate()
        .ifPresent(d -> page.raw(" <span class=\"hint\">born ").text(d.toString()).raw("</span>"));
    q.country().ifPresent(c -> page.raw(" <span class=\"hint\">").text(c).raw("</span>"));
  }

  /** The rows again as CSV records with a header, for the download form to send back. */
  private static List<List<String>> queriesOf(BatchScreening.Outcome outcome) {
    List<List<String>> out = new ArrayList<>();
    out.add(List.of("name", "schema", "birthDate", "country"));
    for (BatchOutcome item : outcome.items()) {
      out.add(queryCells(outcome.rows().get(item.index()), item));
    }
    return out;
  }

  private static List<String> queryCells(ScreeningRow row, BatchOutcome item) {
    if (item.result().isEmpty()) {
      return List.of(row.text(), "", "", "");
    }
    ScreeningQuery q = item.result().get().query();
    return List.of(
        q.name(),
        q.schema().map(Schema::ftmName).orElse(""),
        q.birthDate().map(Object::toString).orElse(""),
        q.country().orElse(""));
  }
}
