/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadCreditLinesTest {
  private static List<String> read(String text, Mention... found) {
    return ReadCreditLines.apply(text, Places.shared(), List.of(found)).stream()
        .map(m -> m.type() + " " + m.text())
        .toList();
  }

  private static Mention org(String text, String name) {
    int start = text.indexOf(name);
    return new Mention(
        name,
        MentionType.ORGANIZATION,
        start,
        start + name.length(),
        "x",
        Optional.empty(),
        Optional.empty(),
        "corenlp:ner",
        0.9);
  }

  @Test
  void datelineIsTownRegionAndAgency() {
    String text = "BRISBANE, Australia (AP) - Floods closed the port.";

    assertThat(read(text, org(text, "BRISBANE")))
        .containsExactly("LOCATION BRISBANE", "LOCATION Australia", "ORGANIZATION AP");
  }

  @Test
  void monitoringCreditIsPlaceAndOutletWithoutTheSerialOrHeadline() {
    String text =
        "Signs of Radiation Leak AU0202111694 Paris AFP in English 1136 GMT 2 Feb 94\nThe leak.";

    assertThat(read(text, org(text, "Signs of Radiation Leak AU0202111694 Paris AFP")))
        .containsExactly("LOCATION Paris", "ORGANIZATION AFP");
  }

  @Test
  void outletLineAfterItsTownIsAnOrganisation() {
    String text = "Tehran KEYHAN\nThe paper said so.";

    assertThat(read(text, org(text, "Tehran KEYHAN")))
        .containsExactly("LOCATION Tehran", "ORGANIZATION KEYHAN");
  }

  @Test
  void ordinaryCapitalisedSentenceIsLeftAlone() {
    String text = "NATO (the alliance) met in Brussels.";
    Mention nato = org(text, "NATO");

    assertThat(read(text, nato)).containsExactly("ORGANIZATION NATO");
  }
}
