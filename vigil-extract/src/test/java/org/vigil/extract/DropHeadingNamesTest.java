/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.extract.FoundMentions.found;

import java.util.List;
import org.junit.jupiter.api.Test;

class DropHeadingNamesTest {
  @Test
  void headlineReadAsAnOrganisationIsDropped() {
    String text = "Tracing Hidden Courier Routes\n\nThe couriers moved cash through Dubai.";

    List<Mention> kept =
        DropHeadingNames.apply(
            text, List.of(found(text, "Tracing Hidden Courier Routes", MentionType.ORGANIZATION)));

    assertThat(kept).isEmpty();
  }

  @Test
  void sectionTitleOfTwoWordsReadAsAnOrganisationIsDropped() {
    String text = "The couriers moved cash.\n\nCourier Finances\n\nMore followed.";

    assertThat(
            DropHeadingNames.apply(
                text, List.of(found(text, "Courier Finances", MentionType.ORGANIZATION))))
        .isEmpty();
  }

  @Test
  void nameInsideASentenceAndAuthorsLineStay() {
    String text = "Leila Ahmadi\n\nThe Quds Force Logistics Unit moved cash through Dubai.";
    Mention author = found(text, "Leila Ahmadi", MentionType.PERSON);
    Mention unit = found(text, "Quds Force Logistics Unit", MentionType.ORGANIZATION);

    assertThat(DropHeadingNames.apply(text, List.of(author, unit))).containsExactly(author, unit);
  }

  @Test
  void oneNameInALongerHeadlineStays() {
    String text = "Why the couriers of Hezbollah kept moving\n\nThey did.";
    Mention hezbollah = found(text, "Hezbollah", MentionType.ORGANIZATION);

    assertThat(DropHeadingNames.apply(text, List.of(hezbollah))).containsExactly(hezbollah);
  }
}
