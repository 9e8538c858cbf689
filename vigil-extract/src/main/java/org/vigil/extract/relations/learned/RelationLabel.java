/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations.learned;

import java.util.EnumSet;
import java.util.Set;
import org.vigil.extract.MentionType;

/**
 * What the classifier says of an ordered pair of mentions (head, tail) in one sentence: NONE, or
 * one of the relations it was trained on, each read in the direction the corpora write it.
 */
public enum RelationLabel {
  /**
   * The sentence does not say how the two are related, or says something the model was not taught.
   */
  NONE(EnumSet.noneOf(MentionType.class), EnumSet.noneOf(MentionType.class)),
  /** The head (a person) works for the tail (an organisation): CoNLL04 Work_For, Re-DocRED P108. */
  WORK_FOR(EnumSet.of(MentionType.PERSON), EnumSet.of(MentionType.ORGANIZATION)),
  /** The head is a member of the tail: Re-DocRED P463. */
  MEMBER_OF(
      EnumSet.of(MentionType.PERSON, MentionType.ORGANIZATION),
      EnumSet.of(MentionType.ORGANIZATION)),
  /** The head (an organisation) was founded by the tail: Re-DocRED P112. */
  FOUNDED_BY(
      EnumSet.of(MentionType.ORGANIZATION),
      EnumSet.of(MentionType.PERSON, MentionType.ORGANIZATION)),
  /** The head is owned by the tail: Re-DocRED P127. */
  OWNED_BY(
      EnumSet.of(MentionType.ORGANIZATION, MentionType.MISC),
      EnumSet.of(MentionType.PERSON, MentionType.ORGANIZATION)),
  /** The head killed the tail: CoNLL04 Kill. */
  KILL(EnumSet.of(MentionType.PERSON), EnumSet.of(MentionType.PERSON)),
  /** The head (a person) lives in the tail: CoNLL04 Live_In, Re-DocRED P551. */
  LIVE_IN(EnumSet.of(MentionType.PERSON), EnumSet.of(MentionType.LOCATION)),
  /** The head (an organisation) is based in the tail: CoNLL04 OrgBased_In, Re-DocRED P159. */
  BASED_IN(EnumSet.of(MentionType.ORGANIZATION), EnumSet.of(MentionType.LOCATION)),
  /** The head (a place) lies in the tail: CoNLL04 Located_In. */
  LOCATED_IN(EnumSet.of(MentionType.LOCATION), EnumSet.of(MentionType.LOCATION));

  private final Set<MentionType> heads;
  private final Set<MentionType> tails;

  RelationLabel(Set<MentionType> heads, Set<MentionType> tails) {
    this.heads = heads;
    this.tails = tails;
  }

  /** Whether a head of type {@code head} and a tail of type {@code tail} can stand in it. */
  public boolean fits(MentionType head, MentionType tail) {
    return heads.contains(head) && tails.contains(tail);
  }

  /** Whether any relation but NONE fits the two types. */
  public static boolean anyFits(MentionType head, MentionType tail) {
    for (RelationLabel l : values()) {
      if (l.fits(head, tail)) {
        return true;
      }
    }
    return false;
  }
}
