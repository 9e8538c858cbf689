/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.watchlists;

import static java.util.Objects.requireNonNull;

import java.io.UncheckedIOException;
import java.util.List;
import org.vigil.lists.ListFormatException;
import org.vigil.model.InvalidValueException;
import org.vigil.screening.BatchOutcome;
import org.vigil.screening.CandidateGroups;
import org.vigil.screening.Screener;
import org.vigil.screening.ScreeningQuery;
import org.vigil.screening.ScreeningRow;
import org.vigil.screening.ScreeningRows;

/**
 * Screening a batch of rows against the lists in force: the one front door behind {@code vigil
 * screen}, {@code POST /api/v1/screen} and the screening page. Each surface only turns its input
 * into {@link ScreeningRow}s and the outcome into its output; the rows are read by {@link
 * ScreeningRows}, so one file gives the same matches everywhere. A row that is not a valid query is
 * an outcome with its problem, and the batch goes on.
 *
 * <p>Thread-safe.
 */
public final class BatchScreening {
  /**
   * The most rows one request over HTTP may hold (the API's batch and the page's), so that one
   * request cannot hold a thread for long. The command line has no such bound.
   */
  public static final int MAX_ROWS_PER_REQUEST = 1_000;

  /**
   * What to screen.
   *
   * @param rows the rows, in order
   * @param limit matches per row at most, where a row gives no limit of its own
   * @param threshold the lowest score of a match, where a row gives no threshold of its own
   */
  public record Request(List<ScreeningRow> rows, int limit, double threshold) {
    public Request {
      rows = List.copyOf(rows);
      if (limit < 1 || limit > ScreeningQuery.MAX_LIMIT) {
        throw new InvalidValueException(
            "limit " + limit + " is outside 1-" + ScreeningQuery.MAX_LIMIT);
      }
      if (!(threshold >= 0.0 && threshold <= 1.0)) {
        throw new InvalidValueException("threshold " + threshold + " is outside [0, 1]");
      }
    }
  }

  /**
   * What came of a request.
   *
   * @param lists the list releases screened against
   * @param entries how many list entries they hold
   * @param rows the rows, as requested
   * @param items one outcome per row, at the row's index
   * @param groups per row, its matches grouped by the person or organisation they may be, each with
   *     its list entry ({@link CandidateGroups}); empty for a row that was not a valid query
   */
  public record Outcome(
      List<ReleaseManifest> lists,
      int entries,
      List<ScreeningRow> rows,
      List<BatchOutcome> items,
      List<List<CandidateGroups.Group>> groups) {
    public Outcome {
      lists = List.copyOf(lists);
      rows = List.copyOf(rows);
      items = List.copyOf(items);
      groups = groups.stream().map(List::copyOf).toList();
      if (rows.size() != items.size() || items.size() != groups.size()) {
        throw new IllegalArgumentException(
            rows.size() + " rows but " + items.size() + " outcomes, " + groups.size() + " groups");
      }
    }

    /** How many rows were not valid queries. */
    public int rejected() {
      return (int) items.stream().filter(i -> i.error().isPresent()).count();
    }

    /** How many rows have at least one match. */
    public int matched() {
      return (int)
          items.stream().filter(i -> i.result().filter(r -> r.hasMatch()).isPresent()).count();
    }
  }

  /**
   * The lists cannot be read and no screener was built from them before: an expected failure, which
   * the API answers with 503 and the command line with exit code 1.
   */
  public static final class ListsUnavailable extends RuntimeException {
    ListsUnavailable(RuntimeException cause) {
      super("the sanctions lists cannot be read right now", cause);
    }
  }

  private final ListScreening screening;

  public BatchScreening(ListScreening screening) {
    this.screening = requireNonNull(screening, "screening");
  }

  /**
   * Screens every row of {@code request}.
   *
   * @throws ListsUnavailable when the lists cannot be read and no screener was built before
   */
  public Outcome screen(Request request) {
    requireNonNull(request, "request");
    ListScreening.Built built;
    try {
      built = screening.current();
    } catch (UncheckedIOException | ListFormatException e) {
      throw new ListsUnavailable(e);
    }
    Screener screener = built.screener();
    List<BatchOutcome> items =
        screener.screenRows(request.rows(), request.limit(), request.threshold());
    return new Outcome(
        built.releases(),
        screener.entryCount(),
        request.rows(),
        items,
        items.stream()
            .map(
                i ->
                    i.result()
                        .map(r -> CandidateGroups.of(r, screener))
                        .orElse(List.<CandidateGroups.Group>of()))
            .toList());
  }
}
