/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.cli.CliRunner.fixture;
import static org.vigil.cli.CliRunner.vigil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.access.Viewer;
import org.vigil.model.Entity;
import org.vigil.search.SearchQuery;
import org.vigil.store.ListAlert;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;

/**
 * {@code vigil lists load|show|diff|update} on the committed fixtures, in-process; update downloads
 * from a local HTTP server on 127.0.0.1 that serves the fixtures, never from the internet. (The
 * server is Javalin, already on the class path: forbiddenapis bans the JDK's
 * com.sun.net.httpserver.)
 */
class ListsCliIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;
  @TempDir Path work;

  private CliRunner.Run lists(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "lists";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--data";
    all[args.length + 2] = data.toString();
    return vigil(all);
  }

  private JsonNode shown() throws IOException {
    CliRunner.Run show = lists("show", "--format", "json");
    assertThat(show.code()).as(show.err()).isZero();
    return JSON.readTree(show.out());
  }

  private JsonNode dataset(String name) throws IOException {
    for (JsonNode row : shown()) {
      if (row.path("dataset").asText().equals(name)) {
        return row;
      }
    }
    throw new AssertionError("no dataset " + name + " in " + shown());
  }

  @Test
  void loadedListsAreKeptShownAndWrittenToTheStore() throws IOException {
    CliRunner.Run load =
        lists(
            "load",
            fixture("sdn-json/ofac-sdn-excerpt.json").toString(),
            fixture("un/un-consolidated-excerpt.xml").toString(),
            fixture("uk-conlist/conlist-excerpt.csv").toString());
    assertThat(load.code()).as(load.err()).isZero();
    assertThat(load.out()).contains("Loaded OFAC SDN 2026-08-20: 5 entries").contains("Indexed");

    JsonNode sdn = dataset("OFAC SDN");
    assertThat(sdn.path("entries").asInt()).isEqualTo(5);
    assertThat(sdn.path("published").asText()).isEqualTo("2026-08-20");
    assertThat(sdn.path("sha256").asText()).hasSize(64);
    assertThat(shown()).hasSize(3);

    Path release = data.resolve("lists").resolve(sdn.path("release").asText());
    assertThat(release.resolve("ofac-sdn-excerpt.json")).exists();
    JsonNode manifest = JSON.readTree(release.resolve("manifest.json").toFile());
    assertThat(manifest.path("format").asText()).isEqualTo("sdn-json");
    assertThat(manifest.path("entries").asInt()).isEqualTo(5);
    assertThat(manifest.path("loadedAt").asText()).isNotEmpty();
    assertThat(Files.readString(data.resolve("lists/ofac-sdn/current")).strip())
        .isEqualTo(manifest.path("releaseId").asText());

    CliRunner.Run table = lists("show");
    assertThat(table.out()).contains("DATASET").contains("UN Security Council Consolidated");

    try (Store store = Store.open(StoreConfig.embedded(data))) {
      Optional<Entity> entity = store.statements().entity("ofac-sdn-36", Viewer.system());
      assertThat(entity).isPresent();
      assertThat(
              store
                  .search()
                  .search(new SearchQuery("AEROCARIBBEAN", Optional.empty(), 5), Viewer.system())
                  .total())
          .isPositive();
    }
  }

  @Test
  void aFolderIsOneReleaseAndLoadingTheSameFileAgainChangesNothing() throws IOException {
    CliRunner.Run legacy =
        lists("load", "--dataset", "OFAC legacy sample", fixture("ofac-legacy").toString());
    assertThat(legacy.code()).as(legacy.err()).isZero();
    assertThat(dataset("OFAC legacy sample").path("format").asText()).isEqualTo("ofac-csv");

    Path agency = fixture("agency/partner-list.csv");
    assertThat(lists("load", agency.toString()).code()).isZero();
    CliRunner.Run again = lists("load", agency.toString());
    assertThat(again.code()).isZero();
    assertThat(again.out()).contains("Unchanged partner-list").doesNotContain("Indexed");
  }

  @Test
  void aGzipFileIsDecompressedFirst() throws IOException {
    Path gz = work.resolve("partner-list.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(fixture("agency/partner-list.csv")));
    }
    CliRunner.Run load = lists("load", gz.toString());
    assertThat(load.code()).as(load.err()).isZero();
    assertThat(dataset("partner-list").path("entries").asInt()).isEqualTo(2);
  }

  @Test
  void aTruncatedListIsNamedWithItsLineAndThePreviousReleaseStaysInForce() throws IOException {
    Path good = fixture("un/un-consolidated-excerpt.xml");
    assertThat(lists("load", good.toString()).code()).isZero();
    String before = dataset("UN Security Council Consolidated").path("release").asText();

    String text = Files.readString(good, StandardCharsets.UTF_8);
    Path truncated = work.resolve("un-consolidated-excerpt.xml");
    Files.writeString(truncated, text.substring(0, text.length() / 2), StandardCharsets.UTF_8);
    CliRunner.Run load =
        lists("load", truncated.toString(), fixture("agency/partner-list.csv").toString());

    assertThat(load.code()).isEqualTo(1);
    assertThat(load.err())
        .contains(truncated.toString())
        .contains("line ")
        .contains("malformed XML")
        .contains("1 of 2 files failed");
    assertThat(dataset("UN Security Council Consolidated").path("release").asText())
        .isEqualTo(before);
    assertThat(dataset("partner-list").path("entries").asInt()).isEqualTo(2);
    try (var staging = Files.list(data.resolve("lists/.staging"))) {
      assertThat(staging).isEmpty();
    }
  }

  @Test
  void anUnknownFileOrFormatIsRefused() throws IOException {
    Path text = work.resolve("notes.txt");
    Files.writeString(text, "not a list\n", StandardCharsets.UTF_8);
    CliRunner.Run unknown = lists("load", text.toString());
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).contains(text.toString()).contains("not a known list format");

    assertThat(lists("load", "--format", "pdf", text.toString()).code()).isEqualTo(2);
    CliRunner.Run missing = lists("load", work.resolve("absent.csv").toString());
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("no such file");
  }

  @Test
  void diffCountsAddedRemovedAndChangedEntries() throws IOException {
    Path v1 = fixture("agency/partner-list.csv");
    Path dir = Files.createDirectories(work.resolve("v2"));
    Path v2 = dir.resolve("partner-list.csv");
    Files.writeString(
        v2,
        String.join(
            "\n",
            "id,name,schema,aliases,country,birth_date,programs",
            "A-1,Qasem Examplani,Person,Ghasem Examplani;Kasem Examplani,ir,1957-03,WATCH;PARTNER-7",
            "A-3,Second Example Shipping Co,Organization,,ae,,PARTNER-7",
            ""),
        StandardCharsets.UTF_8);

    CliRunner.Run files = lists("diff", v1.toString(), v2.toString());
    assertThat(files.code()).as(files.err()).isZero();
    assertThat(files.out())
        .contains("added 1, removed 1, changed 1")
        .contains("+ A-3")
        .contains("- A-2")
        .contains("~ A-1")
        .contains("aliases: +Kasem Examplani, -قاسم اگزامپلانی");

    assertThat(lists("load", v1.toString()).code()).isZero();
    String first = dataset("partner-list").path("release").asText();
    assertThat(lists("load", v2.toString()).code()).isZero();
    CliRunner.Run loaded = lists("diff", first, "partner-list", "--format", "json");
    assertThat(loaded.code()).as(loaded.err()).isZero();
    JsonNode diff = JSON.readTree(loaded.out());
    assertThat(diff.path("added").asInt()).isEqualTo(1);
    assertThat(diff.path("removed").asInt()).isEqualTo(1);
    assertThat(diff.path("changed").asInt()).isEqualTo(1);
    assertThat(diff.path("changedEntries").get(0).path("id").asText()).isEqualTo("A-1");

    CliRunner.Run unknown = lists("diff", "no-such-release", "partner-list");
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).contains("no-such-release");
  }

  @Test
  void updateDownloadsVerifiesAndKeepsThePreviousReleaseOnFailure() throws Exception {
    Path un = fixture("un/un-consolidated-excerpt.xml");
    Javalin server =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.startupWatcherEnabled = false;
            });
    serve(server, "/un.xml", Files.readAllBytes(un));
    for (String name : List.of("sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv")) {
      serve(server, "/ofac/" + name, Files.readAllBytes(fixture("ofac-legacy/" + name)));
    }
    serve(
        server, "/broken.xml", "<CONSOLIDATED_LIST><INDIVIDUALS>".getBytes(StandardCharsets.UTF_8));
    server.start("127.0.0.1", 0);
    try {
      String base = "http://127.0.0.1:" + server.port();
      String ofacFiles =
          String.join(
              ",",
              List.of("sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv").stream()
                  .map(n -> "{\"url\": \"" + base + "/ofac/" + n + "\", \"name\": \"" + n + "\"}")
                  .toList());
      sources(
          "{\"sources\": ["
              + "{\"name\": \"un\", \"format\": \"un-xml\", \"files\": [{\"url\": \""
              + base
              + "/un.xml\", \"name\": \"consolidated.xml\", \"sha256\": \""
              + sha256(un)
              + "\"}]},"
              + "{\"name\": \"ofac-sdn\", \"format\": \"ofac-csv\", \"files\": ["
              + ofacFiles
              + "]}]}");
      CliRunner.Run update = lists("update");
      assertThat(update.code()).as(update.err()).isZero();
      assertThat(update.out())
          .contains("Loaded UN Security Council Consolidated")
          .contains("Loaded OFAC SDN");
      String unRelease = dataset("UN Security Council Consolidated").path("release").asText();
      assertThat(dataset("OFAC SDN").path("entries").asInt()).isPositive();

      sources(
          "{\"sources\": [{\"name\": \"un\", \"format\": \"un-xml\", \"files\": [{\"url\": \""
              + base
              + "/un.xml\", \"name\": \"consolidated.xml\", \"sha256\": \""
              + "0".repeat(64)
              + "\"}]}, {\"name\": \"un-broken\", \"format\": \"un-xml\", \"dataset\":"
              + " \"UN Security Council Consolidated\", \"files\": [{\"url\": \""
              + base
              + "/broken.xml\", \"name\": \"consolidated.xml\"}]},"
              + " {\"name\": \"gone\", \"format\": \"un-xml\", \"files\": [{\"url\": \""
              + base
              + "/missing.xml\", \"name\": \"consolidated.xml\"}]}]}");
      CliRunner.Run failing = lists("update");
      assertThat(failing.code()).isEqualTo(1);
      assertThat(failing.err())
          .contains("checksum")
          .contains("un-broken")
          .contains("malformed XML")
          .contains("HTTP 404");
      assertThat(dataset("UN Security Council Consolidated").path("release").asText())
          .isEqualTo(unRelease);
      // each source that failed is an alert on the alert page, saying the release in force stays
      try (Store store = Store.open(StoreConfig.embedded(data))) {
        List<ListAlert> alerts = store.resolution().listAlerts(50);
        assertThat(alerts).extracting(ListAlert::listSource).contains("un", "un-broken", "gone");
        assertThat(alerts)
            .filteredOn(a -> a.listSource().equals("un-broken"))
            .singleElement()
            .satisfies(
                a ->
                    assertThat(a.detail())
                        .contains("malformed XML")
                        .contains("the release in force before the update is kept"));
      }

      assertThat(lists("update", "no-such-source").code()).isEqualTo(2);
    } finally {
      server.stop();
    }
  }

  private void sources(String json) throws IOException {
    Files.createDirectories(data.resolve("lists"));
    Files.writeString(data.resolve("lists/sources.json"), json, StandardCharsets.UTF_8);
  }

  private static void serve(Javalin server, String path, byte[] body) {
    server.get(path, ctx -> ctx.result(body));
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
