/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.web;

import org.vigil.documents.IngestProgress;

/** The banner that says how far a background ingest (the demo's first start) has got. */
final class ProgressBanner {
  private ProgressBanner() {}

  /** Adds the banner to {@code page} while the batch runs, or when it stopped early. */
  static void render(Html page, IngestProgress progress) {
    IngestProgress.Snapshot s = progress.snapshot();
    if (s.running() && s.step().isPresent()) {
      page.raw("<div class=\"banner\" id=\"ingest-banner\" role=\"status\">Vigil is starting: ")
          .text(s.step().get())
          .raw(" … The pages answer already and show what is loaded so far; reload to follow.")
          .raw("<progress></progress></div>");
      return;
    }
    switch (s.state()) {
      case RUNNING -> {
        page.raw("<div class=\"banner\" id=\"ingest-banner\" role=\"status\">Ingesting ")
            .text(s.label())
            .raw(": ")
            .text(s.done() + " of " + s.total())
            .raw(" documents read, ")
            .text(Integer.toString(s.stored()))
            .raw(" stored")
            .text(s.rejected() > 0 ? ", " + s.rejected() + " refused" : "")
            .raw(". What is stored can be searched already; reload the page to follow.")
            .raw("<progress max=\"")
            .text(Integer.toString(Math.max(1, s.total())))
            .raw("\" value=\"")
            .text(Integer.toString(s.done()))
            .raw("\"></progress></div>");
      }
      case STOPPED -> {
        page.raw("<div class=\"banner error\" id=\"ingest-banner\" role=\"status\">")
            .text(
                s.step().isPresent()
                    ? "Starting stopped while " + s.step().get()
                    : "Ingesting " + s.label() + " stopped after " + s.done() + " of " + s.total())
            .text(": " + s.lastProblem().orElse("no reason given"))
            .raw("</div>");
      }
      case IDLE, FINISHED -> {}
    }
  }
}
