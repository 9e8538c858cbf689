/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.tips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/**
 * A bounded flood on loopback: 2,000 submissions in under a minute from eight source addresses
 * (127.0.0.2 to 127.0.0.9), most without a proof-of-work, some with a forged or a replayed one,
 * while a legitimate tipster loads the form, solves its challenge and sends a tip. Four client
 * threads at a fixed pace keep the machine's load modest.
 */
class IntakeFloodIT {
  private static final Pattern RECEIPT = Pattern.compile("id=\"receipt\" dir=\"ltr\">([^<]+)<");
  private static final Pattern FORM =
      Pattern.compile(
          "data-pow-bits=\"(\\d+)\" data-pow-count=\"(\\d+)\" data-pow-memory=\"(\\d+)\">\\n"
              + "(?:<input type=\"hidden\" name=\"lang\" value=\"\\w+\">\\n)?"
              + "<input type=\"hidden\" name=\"challenge\" value=\"([^\"]+)\">");
  private static final int FLOOD = 2_000;
  private static final int THREADS = 4;
  private static final long FLOOD_MILLIS = 50_000;
  private static final IntakeLimits LIMITS = IntakeLimits.DEFAULT.withTipsPerMinute(10, 5);

  @TempDir Path dataDir;
  @TempDir Path offline;

  private Store store;
  private IntakeServer intake;

  @BeforeEach
  void start() {
    store = Store.open(StoreConfig.embedded(dataDir));
    TeamKeys.generate(offline.resolve("team.key"), dataDir);
    intake =
        IntakeServer.start(
            IntakeSettings.of("org-a", "127.0.0.1", 0, dataDir).withLimits(LIMITS),
            store,
            TeamKeys.sealingKey(dataDir).orElseThrow(),
            Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    if (intake != null) {
      intake.close();
    }
    if (store != null) {
      store.close();
    }
  }

  @Test
  void aFloodStaysAtTheCapAndALegitimateProvenTipArrives() throws Exception {
    // one proof solved and used once, to be replayed by the flood
    ProofOfWork.Challenge used = challenge(RawHttp.get(intake.port(), "/").body());
    String usedAnswer = ProofOfWork.solve(used);
    RawHttp.Response first = post("127.0.0.2", "the first proven tip", used.token(), usedAnswer);
    assertEquals(200, first.status(), first.body());

    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    AtomicInteger floodAccepted = new AtomicInteger();
    long began = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
    List<Future<?>> senders = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      senders.add(
          pool.submit(
              () -> {
                for (int i = thread; i < FLOOD; i += THREADS) {
                  pace(began, i);
                  String from = "127.0.0." + (2 + i % 8);
                  RawHttp.Response r =
                      switch (i % 10) {
                        case 0 -> post(from, "forged " + i, used.token(), "1,2,3,4");
                        case 1 -> post(from, "replayed " + i, used.token(), usedAnswer);
                        default -> post(from, "flood " + i, "", "");
                      };
                  statuses.computeIfAbsent(r.status(), k -> new AtomicInteger()).incrementAndGet();
                  if (RECEIPT.matcher(r.body()).find()) {
                    floodAccepted.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    // the legitimate tipster, a third of the way in: loads the form, solves, sends
    Thread.sleep(FLOOD_MILLIS / 3);
    RawHttp.Response form =
        RawHttp.send("127.0.0.9", intake.port(), "GET", "/", Map.of(), new byte[0]);
    ProofOfWork.Challenge c = challenge(form.body());
    assertTrue(
        c.bits() > LIMITS.powBits(), "the difficulty rose under the flood: " + c.bits() + " bits");
    RawHttp.Response legit =
        post(
            "127.0.0.9", "a legitimate tip sent during the flood", c.token(), ProofOfWork.solve(c));
    for (Future<?> f : senders) {
      f.get();
    }
    pool.shutdown();
    long seconds = (System.nanoTime() - began) / 1_000_000_000L;

    assertEquals(200, legit.status(), legit.body());
    Matcher receipt = RECEIPT.matcher(legit.body());
    assertTrue(receipt.find(), "the legitimate tip got a receipt");
    assertTrue(seconds < 60, "the flood took " + seconds + " s");
    // within one minute: the unproven cap, not one more; the proven budget untouched by the flood
    assertEquals(LIMITS.unprovenTipsPerMinute(), floodAccepted.get(), statuses.toString());
    assertEquals(FLOOD / 10 * 2, statuses.get(400).get(), "forged and replayed proofs refused");
    assertEquals(
        FLOOD - FLOOD / 10 * 2 - LIMITS.unprovenTipsPerMinute(),
        statuses.get(429).get(),
        statuses.toString());
    assertEquals(2 + LIMITS.unprovenTipsPerMinute(), store.tips().queue("org-a").size());
  }

  private static void pace(long began, int i) {
    long due = began + (FLOOD_MILLIS * 1_000_000L / FLOOD) * i;
    long wait = due - System.nanoTime();
    if (wait > 0) {
      try {
        Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private RawHttp.Response post(String from, String text, String challenge, String proof) {
    RawHttp.Form form =
        new RawHttp.Form()
            .field("lang", "en")
            .field("challenge", challenge)
            .field("proof", proof)
            .field("text", text);
    try {
      return RawHttp.send(
          from,
          intake.port(),
          "POST",
          "/tip",
          Map.of("Content-Type", form.contentType()),
          form.bytes());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The challenge a served form carries, as the browser's script reads it. */
  static ProofOfWork.Challenge challenge(String page) {
    Matcher m = FORM.matcher(page);
    assertTrue(m.find(), page);
    return new ProofOfWork.Challenge(
        m.group(4),
        Integer.parseInt(m.group(1)),
        Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)));
  }
}
