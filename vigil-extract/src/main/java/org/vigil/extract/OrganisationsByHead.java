/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A name the recogniser read as a place whose last word says it is a body ("Black Sea Fleet",
 * "Parkland Memorial Hospital", "Teleonce Television") is an organisation, unless the whole is a
 * known place. People are left alone: family names such as Post or Court are organisation words
 * too.
 */
final class OrganisationsByHead {
  private static final Set<String> MORE_HEADS =
      Set.of("fleet", "hospital", "television", "radio", "airlines", "airways", "newspaper");

  private OrganisationsByHead() {}

  static List<Mention> apply(Places places, List<Mention> found) {
    List<Mention> out = new ArrayList<>();
    for (Mention m : found) {
      if (m.type() == MentionType.LOCATION
          && !places.isPlace(m.text())
          && !places.isCountry(m.text())
          && headed(m.text())) {
        out.add(Retyping.as(m, MentionType.ORGANIZATION));
      } else {
        out.add(m);
      }
    }
    return out;
  }

  private static boolean headed(String name) {
    String[] words = name.split(" ");
    return words.length > 1
        && (NameFinder.endsWithOrganizationWord(name)
            || MORE_HEADS.contains(words[words.length - 1].toLowerCase(Locale.ROOT)));
  }
}
