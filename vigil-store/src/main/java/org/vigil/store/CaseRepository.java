/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.vigil.access.Viewer;
import org.vigil.model.Tlp;

/**
 * Cases, their members, items and notes. Reads answer only cases the reader may read ({@link
 * StoredCase#readableBy}); a case they may not read is answered like one that does not exist.
 * Writes check nothing of the sort: the use case ({@code org.vigil.cases.Cases}) decides who may
 * write what, and writes in its audited transaction. Items are references: nothing here reads or
 * changes the evidence they point at.
 */
public interface CaseRepository {
  /** The most items one case holds. */
  int MAX_ITEMS = 5_000;

  /** The most notes one case holds. */
  int MAX_NOTES = 1_000;

  /**
   * Opens a new case owned by {@code owner} and their organisation, with a fresh random id.
   *
   * @throws org.vigil.model.InvalidValueException for a blank or overlong title
   */
  StoredCase create(String title, Tlp tlp, Viewer owner);

  /** The case, if it exists and {@code viewer} may read it. */
  Optional<StoredCase> find(String id, Viewer viewer);

  /** Every case {@code viewer} may read, the most recently changed first. */
  List<StoredCase> readableBy(Viewer viewer);

  /** Adds a member, or changes the rights of one already there. */
  void putMember(String caseId, CaseMember member);

  /** Removes a member; false if there was none such. */
  boolean removeMember(String caseId, CaseMember.Kind kind, String memberId);

  /**
   * Adds references to a case, skipping those it holds already.
   *
   * @return the ids that were new, in the order given
   * @throws org.vigil.model.InvalidValueException when the case would hold more than {@link
   *     #MAX_ITEMS}; nothing is added then
   */
  List<String> addItems(String caseId, CaseItem.Kind kind, Collection<String> ids, String by);

  /** Removes a reference (never the evidence); false if the case did not hold it. */
  boolean removeItem(String caseId, CaseItem.Kind kind, String itemId);

  /**
   * Every reference the case holds, oldest first; the caller filters them by what a reader sees.
   */
  List<CaseItem> items(String caseId);

  /**
   * Adds a note by {@code author}, owned by their organisation.
   *
   * @throws org.vigil.model.InvalidValueException for a blank or overlong body, or when the case
   *     holds {@link #MAX_NOTES} notes already
   */
  CaseNote addNote(String caseId, String body, Tlp tlp, Viewer author);

  /** Every note of the case, oldest first; the caller filters them by their markings. */
  List<CaseNote> notes(String caseId);

  /** The most hypotheses one case holds (as many as an ACH matrix takes). */
  int MAX_HYPOTHESES = 20;

  /** The most tasks one case holds. */
  int MAX_TASKS = 1_000;

  /**
   * Edits a note: keeps the version in force as the next of its {@link #noteVersions}, then puts
   * {@code body} and {@code tlp} in its place, written by {@code editor} now.
   *
   * @return the note as edited; empty if the case holds no such note
   * @throws org.vigil.model.InvalidValueException for a blank or overlong body
   */
  Optional<CaseNote> editNote(String caseId, long noteId, String body, Tlp tlp, Viewer editor);

  /** The earlier versions of a note, the first first; none when it was never edited. */
  List<CaseNoteVersion> noteVersions(long noteId);

  /**
   * Adds a hypothesis by {@code author}.
   *
   * @throws org.vigil.model.InvalidValueException for a blank or overlong text, or when the case
   *     holds {@link #MAX_HYPOTHESES} already
   */
  CaseHypothesis addHypothesis(String caseId, String text, Viewer author);

  /** The case's hypotheses with their ratings, oldest first; the caller filters the evidence. */
  List<CaseHypothesis> hypotheses(String caseId);

  /**
   * Rates one item of evidence against a hypothesis of the case, in place of any earlier rating of
   * that cell.
   *
   * @return false if the case holds no such hypothesis (nothing is written then)
   */
  boolean rate(String caseId, long hypothesisId, CaseHypothesis.Rating rating);

  /** Deletes a hypothesis with its ratings (never the evidence); false if there was none. */
  boolean deleteHypothesis(String caseId, long hypothesisId);

  /**
   * Adds a task; its id, times and status (open) are given here.
   *
   * @throws org.vigil.model.InvalidValueException for a bad title, or when the case holds {@link
   *     #MAX_TASKS} already
   */
  CaseTask addTask(
      String caseId,
      String title,
      Optional<String> assignee,
      Optional<java.time.LocalDate> due,
      String by);

  /** Writes a task's title, assignee, status and due date; false if the case holds no such task. */
  boolean updateTask(CaseTask task);

  /** Deletes a task; false if there was none. */
  boolean deleteTask(String caseId, long taskId);

  /** The case's tasks, oldest first. */
  List<CaseTask> tasks(String caseId);

  /** Changes the status. */
  void setStatus(String caseId, StoredCase.Status status);

  /**
   * Deletes the case with its members, references, notes (and their versions), hypotheses (and
   * their ratings) and tasks; never the evidence; false if there was none.
   */
  boolean delete(String caseId);
}
