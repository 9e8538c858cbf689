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
  /** The head is a member of the tail: Re-DocRED P463, re3d BelongsTo. */
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
  /**
   * The head (a person) lives in or comes from the tail, as CoNLL04's Live_In reads it (a home, a
   * constituency, a birthplace): CoNLL04 only. Re-DocRED's residence is {@link #RESIDENCE}.
   */
  LIVE_IN(EnumSet.of(MentionType.PERSON), EnumSet.of(MentionType.LOCATION)),
  /**
   * The head (an organisation) is based in the tail, as CoNLL04's OrgBased_In reads it: CoNLL04
   * only. Re-DocRED's headquarters is {@link #HEADQUARTERS}.
   */
  BASED_IN(EnumSet.of(MentionType.ORGANIZATION), EnumSet.of(MentionType.LOCATION)),
  /** The head (a place) lies in the tail: CoNLL04 Located_In, Re-DocRED P131 and P17. */
  LOCATED_IN(EnumSet.of(MentionType.LOCATION), EnumSet.of(MentionType.LOCATION)),
  /** The head (a person) resides in the tail: Re-DocRED P551. */
  RESIDENCE(EnumSet.of(MentionType.PERSON), EnumSet.of(MentionType.LOCATION)),
  /** The head (an organisation) has its headquarters in the tail: Re-DocRED P159. */
  HEADQUARTERS(EnumSet.of(MentionType.ORGANIZATION), EnumSet.of(MentionType.LOCATION)),
  /** The head (a person) was born in the tail: Re-DocRED P19. */
  BORN_IN(EnumSet.of(MentionType.PERSON), EnumSet.of(MentionType.LOCATION)),
  /**
   * The head (a person) is a citizen of the tail: Re-DocRED P27. Taught so that the model tells a
   * citizenship from a residence; Vigil records nothing from it (nationality is never read as a
   * risk signal, and a model's guess at it is not recorded).
   */
  CITIZEN_OF(EnumSet.of(MentionType.PERSON), EnumSet.of(MentionType.LOCATION)),
  /**
   * The head (an organisation) lies in the tail, a territory or country, without the text saying it
   * is headquartered there: Re-DocRED P131 and P17 of an organisation. Taught so that the model
   * tells it from a headquarters; Vigil records nothing from it.
   */
  IN_TERRITORY(EnumSet.of(MentionType.ORGANIZATION), EnumSet.of(MentionType.LOCATION)),
  /**
   * The head (a person or an organisation) leads or commands the tail, an organisation: re3d
   * InChargeOf.
   */
  IN_CHARGE_OF(
      EnumSet.of(MentionType.PERSON, MentionType.ORGANIZATION),
      EnumSet.of(MentionType.ORGANIZATION));

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
