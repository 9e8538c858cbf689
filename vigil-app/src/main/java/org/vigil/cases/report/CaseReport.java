/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cases.report;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.vigil.model.Tlp;

/**
 * A report as written for one recipient organisation, before it takes a form: every paragraph is a
 * {@link Portion} with its own marking and the numbers of its endnotes; the cover carries the
 * highest marking of them all.
 *
 * @param caseId the case it was written from
 * @param title the case's title, or a plain one when the recipient may not read the case's own
 *     marking
 * @param titleMarking the marking of the title
 * @param recipient the organisation it is written for, by id
 * @param recipientName that organisation's name
 * @param author the analyst who exported it, by username
 * @param madeAt when it was written
 * @param highest the highest marking of anything inside
 * @param summary the analyst's executive summary, when one was given
 * @param findings one paragraph per entity: what the recipient may read of it
 * @param links one paragraph per link among the report's entities
 * @param picture the network picture of the report's entities and links
 * @param pictureMarking the highest marking of what the picture shows
 * @param notes the analysts' notes both readers may read, one portion each (see ReportNote)
 * @param hypotheses the case's hypotheses, ranked, and the evidence both readers may read rated
 *     against them (empty when the case's marking does not reach the recipient)
 * @param tasks the case's tasks, one portion each (empty likewise)
 * @param map the map of the places the report's entities name (placed ones only) and their paths
 * @param mapMarking the highest marking of what the map shows
 * @param timeline one paragraph per dated fact, oldest first
 * @param endnotes the sources cited, numbered from 1
 * @param releasedStatements the ids of every statement the report releases, for the audit log
 */
public record CaseReport(
    String caseId,
    String title,
    Tlp titleMarking,
    String recipient,
    String recipientName,
    String author,
    Instant madeAt,
    Tlp highest,
    Optional<Portion> summary,
    List<Portion> notes,
    List<Portion> hypotheses,
    List<Portion> tasks,
    List<Portion> findings,
    List<Portion> links,
    NetworkPicture picture,
    Tlp pictureMarking,
    ReportMap map,
    Tlp mapMarking,
    List<Portion> timeline,
    List<Endnote> endnotes,
    List<String> releasedStatements) {
  public CaseReport {
    requireNonNull(caseId, "caseId");
    requireNonNull(title, "title");
    requireNonNull(titleMarking, "titleMarking");
    requireNonNull(recipient, "recipient");
    requireNonNull(recipientName, "recipientName");
    requireNonNull(author, "author");
    requireNonNull(madeAt, "madeAt");
    requireNonNull(highest, "highest");
    requireNonNull(summary, "summary");
    notes = List.copyOf(notes);
    hypotheses = List.copyOf(hypotheses);
    tasks = List.copyOf(tasks);
    findings = List.copyOf(findings);
    links = List.copyOf(links);
    requireNonNull(picture, "picture");
    requireNonNull(pictureMarking, "pictureMarking");
    requireNonNull(map, "map");
    requireNonNull(mapMarking, "mapMarking");
    timeline = List.copyOf(timeline);
    endnotes = List.copyOf(endnotes);
    releasedStatements = List.copyOf(releasedStatements);
  }

  /**
   * One paragraph and its portion marking.
   *
   * @param marking the highest marking of what the paragraph says
   * @param lead words set apart at its start (an entity's name, a date), possibly empty
   * @param facts what it says, each fact with the endnotes that cite its sources
   */
  public record Portion(Tlp marking, String lead, List<Fact> facts) {
    public Portion {
      requireNonNull(marking, "marking");
      requireNonNull(lead, "lead");
      facts = List.copyOf(facts);
    }

    /** The portion marking printed before the paragraph, such as "(TLP:AMBER)". */
    public String label() {
      return "(" + marking.label() + ")";
    }
  }

  /** Words of a paragraph and the endnotes (by number) citing their sources. */
  public record Fact(String text, List<Integer> notes) {
    public Fact {
      requireNonNull(text, "text");
      notes = List.copyOf(notes);
    }
  }

  /**
   * A cited source: which document or list, of when, the sentence the fact was read in, and its
   * Admiralty grade (the source's reliability, then the fact's credibility when known: "B2").
   */
  public record Endnote(
      int number,
      Tlp marking,
      String source,
      String date,
      Optional<String> sentence,
      String grade) {
    public Endnote {
      if (number < 1) {
        throw new IllegalArgumentException("endnotes count from 1, not " + number);
      }
      requireNonNull(marking, "marking");
      requireNonNull(source, "source");
      requireNonNull(date, "date");
      requireNonNull(sentence, "sentence");
      requireNonNull(grade, "grade");
    }

    /** The portion marking printed before the endnote: its source's and its facts' highest. */
    public String label() {
      return "(" + marking.label() + ")";
    }

    /** The endnote as one line of text. */
    public String line() {
      return source
          + ", "
          + date
          + ", grade "
          + grade
          + sentence.map(s -> ": \u201c" + s + "\u201d").orElse(" (a list entry, no sentence)");
    }
  }
}
