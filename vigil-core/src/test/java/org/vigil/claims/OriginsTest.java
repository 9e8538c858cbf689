/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginsTest {

  @Test
  void everyKindOfLinkJoinsItsEnds() {
    Origins o =
        Origins.of(
            List.of(
                new OriginLink("r1", LinkKind.QUOTES, "ministry"),
                new OriginLink("feed-a", LinkKind.SAME_FEED, "feed-b"),
                new OriginLink("blog", LinkKind.SAME_AUTHOR, "column"),
                new OriginLink("digest", LinkKind.DERIVED_FROM, "feed-a")));
    assertThat(o.originOf("r1")).isEqualTo("ministry");
    assertThat(o.originOf("digest")).isEqualTo("digest");
    assertThat(o.membersOf("feed-b")).containsExactly("digest", "feed-a", "feed-b");
    assertThat(o.originOf("unlinked")).isEqualTo("unlinked");
    assertThat(o.groups()).hasSize(3);
  }

  @Test
  void theOriginsNameDoesNotDependOnTheOrderOfLinks() {
    List<OriginLink> links =
        List.of(
            new OriginLink("b", LinkKind.COPIED_FROM, "c"),
            new OriginLink("a", LinkKind.COPIED_FROM, "b"));
    assertThat(Origins.of(links).originOf("c"))
        .isEqualTo(Origins.of(List.of(links.get(1), links.get(0))).originOf("c"))
        .isEqualTo("a");
  }

  @Test
  void aCopyLinkThatClosesACircleIsFoundWithItsPath() {
    List<OriginLink> links =
        List.of(
            new OriginLink("a", LinkKind.COPIED_FROM, "b"),
            new OriginLink("b", LinkKind.DERIVED_FROM, "c"));
    assertThat(Origins.circle(links, new OriginLink("c", LinkKind.COPIED_FROM, "a")))
        .contains(List.of("c", "a", "b", "c"));
    assertThat(Origins.circle(links, new OriginLink("c", LinkKind.COPIED_FROM, "d"))).isEmpty();
    assertThat(Origins.circle(links, new OriginLink("c", LinkKind.SAME_FEED, "a"))).isEmpty();
  }

  @Test
  void aLinkFromAPartyToItselfIsRefused() {
    assertThatThrownBy(() -> new OriginLink("a", LinkKind.COPIED_FROM, "a"))
        .hasMessageContaining("'a' twice");
    assertThatThrownBy(() -> LinkKind.parse("retweets")).hasMessageContaining("'retweets'");
  }
}
