/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.store.tips;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.store.TipRepository;

/**
 * What the tip repository does for triage, release and retention, on every database the store runs
 * on ({@link H2TipTriageContractTest}, {@link PostgresTipTriageContractIT}). Retention counts days
 * by the database's own date.
 */
abstract class TipTriageContract {
  @TempDir Path dir;
  private Store store;
  private TipRepository tips;
  private LocalDate today;
  private int locators;

  protected abstract StoreConfig freshConfig(Path dataDir) throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = Store.open(freshConfig(dir));
    tips = store.tips();
    // The database's date may differ from this one by a time zone: the tests keep a day's margin.
    today = LocalDate.now(ZoneOffset.UTC);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private String submit(String org, LocalDate on) {
    locators++;
    String locator = String.format(java.util.Locale.ROOT, "L%07d", locators);
    assertThat(
            tips.submit(
                new TipRepository.NewTip(
                    org,
                    locator,
                    "salt",
                    "verifier",
                    "key",
                    on,
                    "sealed".getBytes(StandardCharsets.UTF_8),
                    List.of())))
        .isTrue();
    return tips.byLocator(locator).orElseThrow().tipId();
  }

  @Test
  void aNewTipWaitsForTriageUntilItsTriageIsSavedAndAgainOnceTheTipsterAddsText() {
    String id = submit("local", today);

    assertThat(tips.untriaged(10)).containsExactly(new TipRepository.Untriaged(id, "local", 1));

    assertThat(tips.saveTriage(new TipRepository.SealedTriage(id, 1, new byte[] {1, 2}))).isTrue();
    assertThat(tips.untriaged(10)).isEmpty();
    assertThat(tips.triage(id).orElseThrow().sealed()).containsExactly(1, 2);
    assertThat(tips.triages("local"))
        .extracting(TipRepository.SealedTriage::tipId)
        .containsExactly(id);
    assertThat(tips.triages("elsewhere")).isEmpty();

    tips.addMessage(id, TipRepository.Author.TIPSTER, today, new byte[] {9}, Optional.empty());
    assertThat(tips.untriaged(10)).containsExactly(new TipRepository.Untriaged(id, "local", 2));
    tips.addMessage(
        id, TipRepository.Author.HANDLER, today, new byte[] {9}, Optional.of(new byte[] {8}));
    assertThat(tips.untriaged(10)).containsExactly(new TipRepository.Untriaged(id, "local", 2));

    assertThat(tips.saveTriage(new TipRepository.SealedTriage(id, 2, new byte[] {3}))).isTrue();
    assertThat(tips.untriaged(10)).isEmpty();
    assertThat(tips.triage(id).orElseThrow().sealed()).containsExactly(3);
    assertThat(tips.saveTriage(new TipRepository.SealedTriage("tip-none", 1, new byte[] {3})))
        .isFalse();
  }

  @Test
  void aReleasedTipLeavesTheQueueAndTheTriageQueueAndIsReleasedOnce() {
    String id = submit("local", today);

    assertThat(tips.release(id, "case-1", "amber")).isTrue();
    assertThat(tips.release(id, "case-2", "red")).isFalse();

    assertThat(tips.released(id)).contains(new TipRepository.Release("case-1", "amber"));
    assertThat(tips.queue("local")).extracting(TipRepository.Tip::id).doesNotContain(id);
    assertThat(tips.untriaged(10)).extracting(TipRepository.Untriaged::tipId).doesNotContain(id);
    assertThat(tips.find(id).orElseThrow().status()).isEqualTo(TipRepository.Status.RELEASED);
  }

  @Test
  void retentionDeletesUnreleasedTipsOlderThanThePeriodByTheDatabasesDateWithAllTheyHeld() {
    String old = submit("local", today.minusDays(10));
    String oldReleased = submit("local", today.minusDays(10));
    String recent = submit("local", today.minusDays(3));
    tips.saveTriage(new TipRepository.SealedTriage(old, 1, new byte[] {1}));
    tips.addMessage(
        old, TipRepository.Author.HANDLER, today, new byte[] {9}, Optional.of(new byte[] {8}));
    tips.release(oldReleased, "case-1", "green");

    assertThat(tips.deleteExpired(5)).containsExactly(old);

    assertThat(tips.find(old)).isEmpty();
    assertThat(tips.triage(old)).isEmpty();
    assertThat(tips.messages(old)).isEmpty();
    assertThat(tips.find(oldReleased)).isPresent();
    assertThat(tips.find(recent)).isPresent();
    assertThat(tips.untriaged(10))
        .extracting(TipRepository.Untriaged::tipId)
        .containsExactly(recent);

    assertThat(tips.deleteExpired(1)).containsExactly(recent);
    assertThat(tips.find(oldReleased)).isPresent();
  }
}
