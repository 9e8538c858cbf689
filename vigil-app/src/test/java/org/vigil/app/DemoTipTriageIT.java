/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Role;
import org.vigil.http.ApiServer;
import org.vigil.http.Client;
import org.vigil.http.ServerSettings;
import org.vigil.store.Store;
import org.vigil.store.TipRepository;
import org.vigil.tips.OpeningKey;
import org.vigil.tips.SealedBox;
import org.vigil.tips.TeamKeys;

/**
 * The demo's promise for the tip line: a tip written in Persian that names the ministry and the
 * Quds Force of the demo's reports reaches the home organisation's tip handlers triaged, linked to
 * both entities, on a server run as the demo runs it (the team's key in the data folder).
 */
class DemoTipTriageIT {
  static final String TIP =
      "سلام. مأموران وزارت اطلاعات هفته گذشته در استانبول با پسرعمویم تماس گرفتند و گفتند از طرف"
          + " سپاه قدس آمده‌اند.";

  @TempDir static Path dir;
  static Store store;
  static ApiServer server;
  static Client handler;

  @BeforeAll
  static void start() {
    store = DemoReports.store(dir);
    DemoReports.user(store, "handler-t", DemoData.HOME_ORG, Role.TIP_HANDLER);
    Path key = dir.resolve("tips-team-private.key");
    TeamKeys.generate(key, dir);
    server =
        DemoReports.serve(store, dir, ServerSettings.of("127.0.0.1", 0, "test").withTipKey(key));
    handler = new Client("http://127.0.0.1:" + server.port()).signedIn("handler-t");
  }

  @AfterAll
  static void stop() {
    server.close();
    store.close();
  }

  @Test
  void aPersianTipNamingDemoEntitiesIsInTheHandlersQueueLinkedToThem() throws Exception {
    SecureRandom random = new SecureRandom();
    store
        .tips()
        .submit(
            new TipRepository.NewTip(
                DemoData.HOME_ORG,
                "DEMO0001",
                "salt",
                "verifier",
                OpeningKey.generate(random).sealingKey().hex(),
                LocalDate.now(ZoneOffset.UTC),
                new SealedBox(random)
                    .seal(
                        TeamKeys.sealingKey(dir).orElseThrow(),
                        TIP.getBytes(StandardCharsets.UTF_8)),
                List.of()));

    JsonNode triage = null;
    Instant until = Instant.now().plus(Duration.ofSeconds(120));
    while (triage == null && Instant.now().isBefore(until)) {
      for (JsonNode item : handler.get("/tips").json().path("items")) {
        if (item.has("triage")) {
          triage = item.path("triage");
        }
      }
      Thread.sleep(500);
    }

    assertThat(triage).as("the tip triaged within two minutes").isNotNull();
    assertThat(triage.path("language").asText()).isEqualTo("fa");
    List<String> links = new ArrayList<>();
    triage.path("links").forEach(l -> links.add(l.path("id").asText()));
    assertThat(links).contains("vigil-ir-mois", "vigil-ir-irgc-qf");
    assertThat(handler.page("/tips").body().toLowerCase(Locale.ROOT))
        .contains("/entities/vigil-ir-mois");
  }
}
