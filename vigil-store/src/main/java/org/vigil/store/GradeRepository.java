/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store;

import java.util.List;
import java.util.Optional;
import org.vigil.access.Viewer;
import org.vigil.claims.Likelihood;
import org.vigil.claims.OriginLink;

/**
 * What analysts record when they weigh claims: grades of sources and claims, links of derivation,
 * assessments with a likelihood. Each row belongs to the organisation of the analyst who made it;
 * only that organisation's users see it and only they undo it (for anyone else it does not exist).
 * Rows are never deleted: an undo marks them. Whether the caller may see what a row is about is the
 * caller's to check; these rows carry no content of it.
 */
public interface GradeRepository {
  /** The longest reason or assessment kept. */
  int MAX_TEXT = 2_000;

  /**
   * Records {@code by}'s grade of a source or a claim.
   *
   * @throws org.vigil.model.InvalidValueException when the grade is off its scale or the reason too
   *     long; nothing is written then
   */
  Grade grade(Viewer by, Grade.Target target, String targetId, String grade, String reason);

  /**
   * Takes a grade out of force.
   *
   * @throws java.util.NoSuchElementException if there is no grade in force with this id that
   *     belongs to {@code by}'s organisation
   */
  Grade undoGrade(long id, Viewer by);

  /** The grade with this id, in force or undone, if it belongs to {@code viewer}'s organisation. */
  Optional<Grade> gradeById(long id, Viewer viewer);

  /** Every grade in force that {@code viewer}'s organisation made, of any target, oldest first. */
  List<Grade> gradesInForce(Viewer viewer);

  /** Every grade of this target that {@code viewer}'s organisation made, oldest first. */
  List<Grade> grades(Grade.Target target, String targetId, Viewer viewer);

  /**
   * Records a link of derivation.
   *
   * @throws org.vigil.model.InvalidValueException naming the circle when a copying or citing link
   *     would close a circle with the organisation's links in force; nothing is written then
   */
  DeclaredLink link(Viewer by, OriginLink link, String reason);

  /**
   * Takes a link out of force.
   *
   * @throws java.util.NoSuchElementException as {@link #undoGrade}
   */
  DeclaredLink undoLink(long id, Viewer by);

  /** The links in force that {@code viewer}'s organisation declared, oldest first. */
  List<DeclaredLink> links(Viewer viewer);

  /** Records an assessment with its likelihood. */
  Assessment assess(Viewer by, String subjectId, String statement, Likelihood likelihood);

  /**
   * Takes an assessment out of force.
   *
   * @throws java.util.NoSuchElementException as {@link #undoGrade}
   */
  Assessment undoAssessment(long id, Viewer by);

  /** The assessment with this id, in force or undone, if it belongs to {@code viewer}'s org. */
  Optional<Assessment> assessmentById(long id, Viewer viewer);

  /** Every assessment of this subject that {@code viewer}'s organisation made, oldest first. */
  List<Assessment> assessments(String subjectId, Viewer viewer);
}
