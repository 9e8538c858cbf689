/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.watchlists;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vigil.lists.Alias;
import org.vigil.lists.ListEntry;
import org.vigil.lists.ListRelease;
import org.vigil.model.PartialDate;
import org.vigil.model.Schema;

class ListDiffTest {
  private static ListEntry entry(String id, String name, List<String> aliases, String program) {
    return new ListEntry(
        id,
        Schema.PERSON,
        name,
        aliases.stream().map(a -> Alias.of(a, false)).toList(),
        List.of(PartialDate.parse("1957")),
        List.of("ir"),
        List.of(program),
        Optional.empty(),
        "Test",
        List.of());
  }

  private static ListRelease release(ListEntry... entries) {
    return new ListRelease("Test list", Optional.empty(), "0".repeat(64), List.of(entries));
  }

  @Test
  void entriesAreMatchedByIdAndEachDifferenceIsNamed() {
    ListRelease old =
        release(
            entry("1", "Qasem Soleimani", List.of("Ghasem Soleymani"), "IRGC"),
            entry("2", "Gone Person", List.of(), "SDGT"),
            entry("3", "Same Person", List.of("Alias"), "SDGT"));
    ListRelease updated =
        release(
            entry("1", "Qasem Soleimani", List.of("Qassem Suleimani"), "IFSR"),
            entry("3", "Same Person", List.of("Alias"), "SDGT"),
            entry("4", "New Person", List.of(), "SDGT"));

    ListDiff diff = ListDiff.between(old, updated);

    assertThat(diff.added()).extracting(ListEntry::id).containsExactly("4");
    assertThat(diff.removed()).extracting(ListEntry::id).containsExactly("2");
    assertThat(diff.changed()).hasSize(1);
    assertThat(diff.changed().get(0).differences())
        .containsExactly(
            "aliases: +Qassem Suleimani, -Ghasem Soleymani", "programmes: +IFSR, -IRGC");
    assertThat(diff.oldEntries()).isEqualTo(3);
    assertThat(diff.newEntries()).isEqualTo(3);
  }

  @Test
  void aReleaseComparedWithItselfHasNoDifference() {
    ListRelease release = release(entry("1", "A B", List.of(), "X"));
    assertThat(ListDiff.between(release, release).isEmpty()).isTrue();
  }
}
