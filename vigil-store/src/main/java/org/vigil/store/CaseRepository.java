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

  /** Changes the status. */
  void setStatus(String caseId, StoredCase.Status status);

  /** Deletes the case with its members, references and notes; false if there was none. */
  boolean delete(String caseId);
}
