/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainVerificationTest {

  @Test
  void anUntouchedChainIsIntact() {
    ChainVerification v = verify(chain(5));
    assertThat(v.intact()).isTrue();
    assertThat(v.checked()).isEqualTo(5);
  }

  @Test
  void aChangedRowIsReportedByNumber() {
    List<AuditRecord> rows = chain(5);
    AuditRecord third = rows.get(2);
    AuditEvent forged =
        new AuditEvent(
            "u-mallory",
            third.event().action(),
            third.event().target(),
            third.event().detail(),
            third.event().remoteAddress(),
            third.event().at());
    rows.set(2, new AuditRecord(3, forged, third.previousHash(), third.hash()));
    assertThat(verify(rows).problems())
        .singleElement()
        .asString()
        .contains("row 3")
        .contains("changed");
  }

  @Test
  void aDeletedRowIsReported() {
    List<AuditRecord> rows = chain(5);
    rows.remove(1);
    assertThat(verify(rows).problems())
        .anyMatch(p -> p.contains("rows 2 to 2 are missing"))
        .anyMatch(p -> p.contains("does not chain"));
  }

  @Test
  void aRowRehashedAfterEditingStillBreaksTheNextLink() {
    List<AuditRecord> rows = chain(4);
    AuditRecord second = rows.get(1);
    AuditEvent edited =
        new AuditEvent(
            second.event().actor(),
            second.event().action(),
            "ent-hidden",
            "",
            second.event().remoteAddress(),
            second.event().at());
    rows.set(1, AuditRecord.chain(2, edited, second.previousHash()));
    assertThat(verify(rows).problems()).singleElement().asString().contains("row 3");
  }

  @Test
  void anAnchorShowsNewestRowsCutOffTogetherWithTheHead() {
    List<AuditRecord> rows = chain(6);
    ChainVerification.Anchor anchor = verify(rows).lastRow().orElseThrow();
    assertThat(anchor.sequence()).isEqualTo(6);

    ChainVerification cut = new ChainVerification(anchor);
    rows.subList(0, 4).forEach(cut::accept);
    cut.finish();
    assertThat(cut.problems())
        .singleElement()
        .asString()
        .contains("row 6")
        .contains("cut back to row 4");
  }

  @Test
  void anAnchorShowsARowRewrittenWithAFreshChain() {
    List<AuditRecord> rows = chain(3);
    ChainVerification.Anchor anchor = ChainVerification.Anchor.parse("2:" + rows.get(1).hash());
    List<AuditRecord> rewritten = new ArrayList<>();
    String previous = AuditRecord.GENESIS;
    for (AuditRecord r : rows) {
      AuditEvent e = r.sequence() == 2 ? withDetail(r.event(), "nothing to see") : r.event();
      AuditRecord again = AuditRecord.chain(r.sequence(), e, previous);
      rewritten.add(again);
      previous = again.hash();
    }
    assertThat(verify(rewritten).intact()).isTrue();
    ChainVerification anchored = new ChainVerification(anchor);
    rewritten.forEach(anchored::accept);
    anchored.finish();
    assertThat(anchored.problems())
        .singleElement()
        .asString()
        .contains("row 2")
        .contains("rewritten");
  }

  @Test
  void anAnchorIsReadAsRowColonHash() {
    String hash = "ab".repeat(32);
    assertThat(ChainVerification.Anchor.parse("12:" + hash.toUpperCase(java.util.Locale.ROOT)))
        .isEqualTo(new ChainVerification.Anchor(12, hash));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ChainVerification.Anchor.parse("twelve"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'twelve'");
  }

  private static AuditEvent withDetail(AuditEvent e, String detail) {
    return new AuditEvent(e.actor(), e.action(), e.target(), detail, e.remoteAddress(), e.at());
  }

  private static List<AuditRecord> chain(int n) {
    List<AuditRecord> rows = new ArrayList<>();
    String previous = AuditRecord.GENESIS;
    for (int i = 1; i <= n; i++) {
      AuditEvent e =
          new AuditEvent(
              "u-" + i,
              AuditAction.READ_ENTITY,
              "ent-" + i,
              "read",
              "127.0.0.1",
              Instant.ofEpochSecond(1_700_000_000L + i, 123_456_789));
      AuditRecord r = AuditRecord.chain(i, e, previous);
      rows.add(r);
      previous = r.hash();
    }
    return rows;
  }

  private static ChainVerification verify(List<AuditRecord> rows) {
    ChainVerification v = new ChainVerification();
    rows.forEach(v::accept);
    return v;
  }
}
