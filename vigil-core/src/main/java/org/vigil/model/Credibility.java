/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.model;

/** The Admiralty code's grade of one piece of information, 1 (confirmed) to 6. */
public enum Credibility {
  CONFIRMED(1),
  PROBABLY_TRUE(2),
  POSSIBLY_TRUE(3),
  DOUBTFUL(4),
  IMPROBABLE(5),
  CANNOT_BE_JUDGED(6);

  private final int grade;

  Credibility(int grade) {
    this.grade = grade;
  }

  public int grade() {
    return grade;
  }

  /**
   * The credibility with this grade.
   *
   * @throws InvalidValueException when the grade is not 1 to 6
   */
  public static Credibility ofGrade(int grade) {
    for (Credibility c : values()) {
      if (c.grade == grade) {
        return c;
      }
    }
    throw new InvalidValueException(
        "credibility grade "
            + grade
            + " is out of range; use 1 (confirmed) to 6 (cannot be judged)");
  }
}
