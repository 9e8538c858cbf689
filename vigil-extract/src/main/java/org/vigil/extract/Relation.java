/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.vigil.model.PartialDate;
import org.vigil.model.Schema;

/**
 * A link between two entities read from one sentence, as an FtM edge schema: Membership (member,
 * organization) or Employment (employee, employer) with a role.
 *
 * @param schema the edge schema
 * @param source the edge's source end (member, employee)
 * @param target the edge's target end (organization, employer)
 * @param role the role, such as "leader" or "minister of intelligence", when the text gives one
 * @param startDate when the link began, when the text says ("since August 2021")
 * @param evidence the sentence it was read from
 * @param start the sentence's start in the text
 * @param end the sentence's end
 * @param confidence from 0 to 1
 * @param extractor what read it, such as "pattern:leadership"
 * @param disputed whether a source in the text denies it
 * @param attribution who asserts it and how; the document's source asserting, unless the sentence
 *     quotes someone or hedges
 */
public record Relation(
    Schema schema,
    Mention source,
    Mention target,
    Optional<String> role,
    Optional<PartialDate> startDate,
    String evidence,
    int start,
    int end,
    double confidence,
    String extractor,
    boolean disputed,
    Attribution attribution)
    implements Claim.Claimed {

  /** A relation asserted by the document's source (or disputed in it). */
  public Relation(
      Schema schema,
      Mention source,
      Mention target,
      Optional<String> role,
      Optional<PartialDate> startDate,
      String evidence,
      int start,
      int end,
      double confidence,
      String extractor,
      boolean disputed) {
    this(
        schema,
        source,
        target,
        role,
        startDate,
        evidence,
        start,
        end,
        confidence,
        extractor,
        disputed,
        Attribution.SOURCE);
  }

  public Relation {
    requireNonNull(schema, "schema");
    if (!schema.isEdge()) {
      throw new IllegalArgumentException(schema.ftmName() + " is not an edge schema");
    }
    requireNonNull(source, "source");
    requireNonNull(target, "target");
    requireNonNull(role, "role");
    requireNonNull(startDate, "startDate");
    requireNonNull(evidence, "evidence");
    requireNonNull(extractor, "extractor");
    requireNonNull(attribution, "attribution");
  }

  /** The same relation, attributed to {@code by}. */
  public Relation attributed(Attribution by) {
    return new Relation(
        schema,
        source,
        target,
        role,
        startDate,
        evidence,
        start,
        end,
        confidence,
        extractor,
        disputed || by.stance() == Stance.DENIES,
        by);
  }

  Relation asDisputed() {
    return new Relation(
        schema,
        source,
        target,
        role,
        startDate,
        evidence,
        start,
        end,
        confidence,
        extractor,
        true,
        attribution);
  }
}
