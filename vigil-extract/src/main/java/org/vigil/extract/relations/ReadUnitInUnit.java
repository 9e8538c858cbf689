/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.relations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.vigil.extract.Mention;
import org.vigil.extract.MentionType;
import org.vigil.extract.MilitaryUnits;
import org.vigil.extract.Relation;
import org.vigil.model.Schema;

/**
 * A unit written with the larger unit it belongs to: "2nd Battalion, 5th Special Forces Group",
 * "Abel Battery, 3rd Battalion", "1st Battalion of the 7th Brigade". The smaller echelon is a unit
 * of the larger (Membership, role "unit"); two units of the same echelon or in the other order
 * ("5th Brigade, 2nd Battalion" in a list) make no link, nor does a body that is not named as a
 * unit ("the Islamic Group, the Free Syrian Army").
 */
public final class ReadUnitInUnit implements RelationRule {
  private static final Pattern BETWEEN = Pattern.compile("\\s*,\\s*|\\s+of\\s+(?:the\\s+)?");

  @Override
  public List<Relation> read(MentionedSentence s) {
    List<Relation> out = new ArrayList<>();
    List<Mention> mentions = s.mentions();
    for (int i = 0; i + 1 < mentions.size(); i++) {
      Mention small = mentions.get(i);
      Mention large = mentions.get(i + 1);
      if (small.type() != MentionType.ORGANIZATION
          || large.type() != MentionType.ORGANIZATION
          || !MilitaryUnits.isUnit(small.text())
          || !MilitaryUnits.isUnit(large.text())) {
        continue;
      }
      Optional<Integer> smaller = MilitaryUnits.echelon(small.text());
      Optional<Integer> larger = MilitaryUnits.echelon(large.text());
      String between =
          s.text()
              .substring(small.end() - s.start(), Math.max(small.end(), large.start()) - s.start());
      if (smaller.isPresent()
          && larger.isPresent()
          && smaller.get() < larger.get()
          && BETWEEN.matcher(between).matches()) {
        out.add(
            Links.relation(
                s, Schema.MEMBERSHIP, small, large, Optional.of("unit"), "unit-in-unit", 0.7));
      }
    }
    return out;
  }
}
