/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.extract.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.vigil.extract.ExtractedEvent;
import org.vigil.extract.relations.Marked;

/**
 * Events as the tests write them: "arrest authority=Turkish police subject=Ali Karimi @Istanbul".
 */
final class EventAssertions {
  private EventAssertions() {}

  static String written(ExtractedEvent e) {
    return e.kind()
        + " "
        + e.roles().stream()
            .map(r -> r.role() + "=" + r.mention().text())
            .collect(Collectors.joining(" "))
        + e.place().map(p -> " @" + p).orElse("")
        + (e.disputed() ? " (denied)" : "");
  }

  static void assertReads(EventRule rule, String marked, String... expected) {
    List<String> read =
        rule.read(Marked.sentence(marked)).stream().map(EventAssertions::written).toList();
    assertThat(read).as(marked).containsExactlyInAnyOrder(expected);
  }
}
