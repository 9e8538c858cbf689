/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.sharing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vigil.access.Viewer;
import org.vigil.model.Credibility;
import org.vigil.stix.AnalystJudgement;
import org.vigil.stix.StixObjects;
import org.vigil.stix.StixOpinions;
import org.vigil.store.Grade;
import org.vigil.store.Store;

/**
 * Adds STIX opinions to an export ({@link StixOpinions}): the claimants' stances on the claims it
 * holds, and the credibility grades in force that the recipient organisation's own analysts made
 * (grades belong to their organisation; an export for anyone else carries none of them).
 */
final class ExportedOpinions {
  private ExportedOpinions() {}

  /** {@code outcome} with the opinions on its objects, for {@code recipient}'s organisation. */
  static StixExport.Outcome add(Store store, Viewer recipient, StixExport.Outcome outcome) {
    List<AnalystJudgement> judgements = new ArrayList<>();
    for (Grade g : store.grades().gradesInForce(recipient)) {
      if (g.target() == Grade.Target.CLAIM && g.ownerOrg().equals(recipient.orgId())) {
        judgements.add(
            new AnalystJudgement(
                g.targetId(),
                Credibility.ofGrade(Integer.parseInt(g.grade())),
                g.ownerOrg() + ":" + g.gradedBy(),
                g.gradedBy(),
                g.reason(),
                g.gradedAt()));
      }
    }
    StixObjects objects = StixOpinions.add(outcome.objects(), judgements);
    Map<String, Integer> byType = new TreeMap<>();
    objects.objects().forEach(o -> byType.merge(o.get("type").asText(), 1, Integer::sum));
    return new StixExport.Outcome(objects, byType);
  }
}
