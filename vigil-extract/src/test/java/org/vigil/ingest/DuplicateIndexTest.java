/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DuplicateIndexTest {
  private static final String STORY =
      "On 29 January 2024 the Treasury and the United Kingdom sanctioned a transnational network "
          + "led by a narcotics trafficker who acted on behalf of the Ministry of Intelligence and "
          + "Security. The network is accused of plotting assassinations and kidnappings in Europe "
          + "and the United States. Officials said the ministry hired criminals so that it could "
          + "deny any role in the plots. The designation freezes any assets the members hold under "
          + "American and British jurisdiction and bars dealings with them.";
  private static final String OTHER_STORY =
      "Iran said it had arrested seventeen people it accused of spying for the Central "
          + "Intelligence Agency, and that some of them had been sentenced to death. The American "
          + "president called the claim totally false in a message posted the next morning.";

  @Test
  void exactCopyWithOtherSpacingAndCaseIsAnExactDuplicate() {
    DuplicateIndex index = new DuplicateIndex(0.7);
    index.add("doc-a", STORY);

    DuplicateCheck check =
        index.add("doc-b", "  " + STORY.toUpperCase(java.util.Locale.ROOT).replace(" ", "\n"));

    assertThat(check.kind()).isEqualTo(DuplicateCheck.Kind.EXACT_DUPLICATE);
    assertThat(check.original()).hasValue("doc-a");
    assertThat(check.similarity()).isEqualTo(1.0);
    assertThat(index.size()).isEqualTo(1);
  }

  @Test
  void syndicatedCopyWithNewHeadlineIsANearDuplicate() {
    DuplicateIndex index = new DuplicateIndex(0.7);
    index.add("doc-a", STORY);
    index.add("doc-c", OTHER_STORY);

    DuplicateCheck check =
        index.add(
            "doc-b",
            "Treasury targets Iranian network (Reuters)\n" + STORY + " Reporting by wire staff.");

    assertThat(check.kind()).isEqualTo(DuplicateCheck.Kind.NEAR_DUPLICATE);
    assertThat(check.original()).hasValue("doc-a");
    assertThat(check.similarity()).isBetween(0.7, 1.0);
    assertThat(check.isCopy()).isTrue();
  }

  @Test
  void differentStoryIsNew() {
    DuplicateIndex index = new DuplicateIndex(0.7);
    index.add("doc-a", STORY);

    DuplicateCheck check = index.add("doc-c", OTHER_STORY);

    assertThat(check.kind()).isEqualTo(DuplicateCheck.Kind.NEW);
    assertThat(check.original()).isEmpty();
  }

  @Test
  void similarityFallsAsTheTextsDiverge() {
    ContentFingerprint story = ContentFingerprint.of(STORY);
    String half = STORY.substring(0, STORY.length() / 2) + " " + OTHER_STORY;

    assertThat(story.similarity(ContentFingerprint.of(STORY))).isEqualTo(1.0);
    assertThat(story.similarity(ContentFingerprint.of(half))).isBetween(0.15, 0.6);
    assertThat(story.similarity(ContentFingerprint.of(OTHER_STORY))).isLessThan(0.1);
  }
}
