/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.vigil.model.Tlp;
import org.vigil.sharing.TaxiiCollections;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code vigil bench taxii}: pages of a large TAXII collection read from a running {@code vigil
 * serve}, through its HTTP port as a partner's client reads them.
 */
@Command(
    name = "taxii",
    mixinStandardHelpOptions = true,
    description = {
      "Measures the TAXII server of a running vigil serve: adds --objects identity objects to the"
          + " organisation's GREEN collection (1,000 per add, unless --no-fill), then walks the"
          + " collection --walks times in pages of --page objects with next, timing each page"
          + " request; reports p50, p95 and the largest, and checks the walk saw every object once."
    })
public final class BenchTaxiiCommand implements Callable<Integer> {
  private static final String MEDIA = "application/taxii+json;version=2.1";

  @Spec CommandSpec spec;

  @Option(names = "--url", required = true, description = "The server, e.g. http://127.0.0.1:8080")
  String url;

  @Option(names = "--token", required = true, description = "An API token with write access.")
  String token;

  @Option(names = "--org", required = true, description = "The token's organisation.")
  String org;

  @Option(names = "--objects", description = "Objects to add (default: ${DEFAULT-VALUE}).")
  int objects = 100_000;

  @Option(names = "--page", description = "Objects per page (default: ${DEFAULT-VALUE}).")
  int page = 1_000;

  @Option(names = "--walks", description = "Walks of the collection (default: ${DEFAULT-VALUE}).")
  int walks = 2;

  @Option(names = "--no-fill", description = "Do not add objects; walk what is there.")
  boolean noFill;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json = new ObjectMapper();

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (page < 1 || page > 10_000 || walks < 1 || objects < 0) {
      throw new ParameterException(spec.commandLine(), "--page 1..10000, --walks >= 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("vigil bench taxii");
    out.println("machine: " + MachineDescription.describe());
    String collection = TaxiiCollections.idOf(org, Tlp.GREEN);
    String base = url.replaceAll("/+$", "") + "/taxii2/api/collections/" + collection + "/objects/";
    if (!noFill) {
      long started = System.nanoTime();
      for (int from = 0; from < objects; from += 1_000) {
        add(base, from, Math.min(1_000, objects - from));
      }
      out.printf(
          Locale.ROOT,
          "added %d objects in %.1f s%n",
          objects,
          (System.nanoTime() - started) / 1e9);
    }
    List<Double> millis = new ArrayList<>();
    for (int walk = 1; walk <= walks; walk++) {
      Set<String> seen = new HashSet<>();
      int duplicates = 0;
      String next = null;
      do {
        String uri = base + "?limit=" + page + (next == null ? "" : "&next=" + encode(next));
        long t = System.nanoTime();
        HttpResponse<String> r = get(uri);
        millis.add((System.nanoTime() - t) / 1e6);
        if (r.statusCode() != 200) {
          throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
        }
        JsonNode envelope = json.readTree(r.body());
        for (JsonNode o : envelope.path("objects")) {
          if (!seen.add(o.path("id").asText())) {
            duplicates++;
          }
        }
        next = envelope.path("more").asBoolean(false) ? envelope.path("next").asText(null) : null;
      } while (next != null);
      out.printf(
          Locale.ROOT, "walk %d: %d objects, %d duplicates%n", walk, seen.size(), duplicates);
    }
    millis.sort(null);
    out.printf(
        Locale.ROOT,
        "%d page requests of %d: p50 %.1f ms, p95 %.1f ms, max %.1f ms; load average %.1f%n",
        millis.size(),
        page,
        millis.get(millis.size() / 2),
        millis.get(Math.min(millis.size() - 1, (int) Math.ceil(millis.size() * 0.95) - 1)),
        millis.get(millis.size() - 1),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    return 0;
  }

  private void add(String base, int from, int count) throws IOException, InterruptedException {
    StringBuilder body = new StringBuilder("{\"objects\":[");
    for (int i = from; i < from + count; i++) {
      String id =
          "identity--"
              + UUID.nameUUIDFromBytes(("bench-taxii-" + i).getBytes(StandardCharsets.UTF_8));
      body.append(i == from ? "" : ",")
          .append("{\"type\":\"identity\",\"spec_version\":\"2.1\",\"id\":\"")
          .append(id)
          .append("\",\"created\":\"2024-01-01T00:00:00.000Z\",")
          .append("\"modified\":\"2024-01-01T00:00:00.000Z\",\"name\":\"Bench organisation ")
          .append(i)
          .append("\",\"identity_class\":\"organization\"}");
    }
    body.append("]}");
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token)
                .header("Accept", MEDIA)
                .header("Content-Type", MEDIA)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 202) {
      throw new IllegalStateException("adding objects: HTTP " + r.statusCode() + ": " + r.body());
    }
  }

  private HttpResponse<String> get(String uri) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(uri))
            .timeout(Duration.ofMinutes(2))
            .header("Authorization", "Bearer " + token)
            .header("Accept", MEDIA)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
