/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import org.vigil.tips.IntakeLimits;
import org.vigil.tips.IntakeServer;
import org.vigil.tips.IntakeSettings;
import org.vigil.tips.OpeningKey;
import org.vigil.tips.ProofOfWork;
import org.vigil.tips.SealedBox;
import org.vigil.tips.TeamKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code vigil bench tips}: the tip line's costs on a scratch store and a real intake listener over
 * HTTP: a tip with a 5 MB photo end to end (cleaning by mat2, sealing, storing), a receipt checked
 * (Argon2id) end to end, and sealing and opening 5 MB alone.
 */
@Command(
    name = "tips",
    mixinStandardHelpOptions = true,
    description = {
      "Times the public tip line on a scratch store: POST /tip with a 5 MB PNG (noise, so it does"
          + " not compress) and a text, end to end (the cleaner's mat2 run, sealing, storing);"
          + " POST /follow with a right receipt (its Argon2id check); sealing and opening 5 MB to"
          + " the team's key.",
      "Prints the medians and the machine. Needs Debian's mat2 for the working copy."
    })
public final class BenchTipsCommand implements Callable<Integer> {
  private static final Pattern RECEIPT = Pattern.compile("id=\"receipt\" dir=\"ltr\">([^<]+)<");
  private static final String BOUNDARY = "----vigil-bench-boundary";
  private static final Pattern FORM =
      Pattern.compile(
          "data-pow-bits=\"(\\d+)\" data-pow-count=\"(\\d+)\" data-pow-memory=\"(\\d+)\">\\n"
              + "(?:<input type=\"hidden\" name=\"lang\" value=\"\\w+\">\\n)?"
              + "<input type=\"hidden\" name=\"challenge\" value=\"([^\"]+)\">");

  @Spec CommandSpec spec;

  @Option(
      names = "--runs",
      paramLabel = "N",
      description = "Timed runs of each measure (default: ${DEFAULT-VALUE}).")
  int runs = 5;

  @Override
  public Integer call() throws Exception {
    if (runs < 1 || runs > 100) {
      throw new ParameterException(spec.commandLine(), "--runs is 1 to 100");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("vigil bench tips");
    out.println(MachineDescription.describe());
    byte[] photo = noisePng(1300, 1300);
    try (ScratchFolder scratch = ScratchFolder.create("vigil-bench-tips")) {
      OpeningKey team =
          TeamKeys.generate(scratch.path().resolve("team.key"), scratch.path().resolve("data"));
      sealing(out, team, photo);
      proofOfWork(out);
      try (Store store = Store.open(StoreConfig.embedded(scratch.path().resolve("data")))) {
        IntakeServer intake =
            IntakeServer.start(
                IntakeSettings.of("bench", "127.0.0.1", 0, scratch.path().resolve("data")),
                store,
                team.sealingKey(),
                Clock.systemUTC());
        try {
          overHttp(out, intake.port(), photo);
        } finally {
          intake.close();
        }
      }
    }
    return 0;
  }

  private void sealing(PrintWriter out, OpeningKey team, byte[] photo) {
    SealedBox box = new SealedBox(new SecureRandom());
    double[] seal = new double[runs];
    double[] open = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      byte[] sealed = box.seal(team.sealingKey(), photo);
      long t1 = System.nanoTime();
      SealedBox.open(team, sealed);
      long t2 = System.nanoTime();
      seal[i] = (t1 - t0) / 1e6;
      open[i] = (t2 - t1) / 1e6;
    }
    out.printf(
        Locale.ROOT,
        "seal %,d bytes: median %.1f ms; open: median %.1f ms%n",
        photo.length,
        Percentiles.median(seal),
        Percentiles.median(open));
  }

  /**
   * The server's side of the proof-of-work at the default difficulty: issuing a challenge, and
   * checking a right answer (the Argon2id runs of every puzzle, the signature, the spent set).
   */
  private void proofOfWork(PrintWriter out) {
    IntakeLimits l = IntakeLimits.DEFAULT;
    ProofOfWork pow =
        new ProofOfWork(new SecureRandom(), Clock.systemUTC(), l.powLifetimeSeconds());
    int n = Math.max(50, runs * 20);
    double[] verify = new double[n];
    double[] solve = new double[n];
    for (int i = 0; i < n; i++) {
      ProofOfWork.Challenge c = pow.issue(l.powBits(), l.powCount(), l.powMemoryKib());
      long t0 = System.nanoTime();
      String answer = ProofOfWork.solve(c);
      long t1 = System.nanoTime();
      ProofOfWork.Verdict v = pow.verify(c.token(), answer);
      long t2 = System.nanoTime();
      if (v != ProofOfWork.Verdict.VALID) {
        throw new IllegalStateException("a right answer was not accepted: " + v);
      }
      solve[i] = (t1 - t0) / 1e6;
      verify[i] = (t2 - t1) / 1e6;
    }
    java.util.Arrays.sort(verify);
    out.printf(
        Locale.ROOT,
        "proof-of-work (%d puzzles of %d bits, Argon2id %d KiB): verify median %.2f ms, p95 %.2f ms,"
            + " max %.2f ms; solve in Java (Bouncy Castle) median %.0f ms; %d runs%n",
        l.powCount(),
        l.powBits(),
        l.powMemoryKib(),
        Percentiles.median(verify),
        verify[(int) Math.floor(0.95 * (n - 1))],
        verify[n - 1],
        Percentiles.median(solve),
        n);
  }

  private void overHttp(PrintWriter out, int port, byte[] photo)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    String base = "http://127.0.0.1:" + port;
    double[] submit = new double[runs];
    double[] follow = new double[runs];
    for (int i = 0; i < runs; i++) {
      // as a browser with JavaScript: the form's challenge, solved before the tip is sent
      ProofOfWork.Challenge c = challenge(http.send(get(base + "/"), BodyHandlers.UTF8).body());
      String proof = ProofOfWork.solve(c);
      byte[] body =
          multipart(
              List.of(
                  Map.entry("challenge", c.token()),
                  Map.entry("proof", proof),
                  Map.entry("text", "Bench tip " + i + ": the photo shows the car.")),
              photo);
      long t0 = System.nanoTime();
      HttpResponse<String> sent = http.send(post(base + "/tip", body), BodyHandlers.UTF8);
      long t1 = System.nanoTime();
      Matcher m = RECEIPT.matcher(sent.body());
      if (sent.statusCode() != 200 || !m.find()) {
        throw new IllegalStateException(
            "the intake refused the bench tip: " + sent.statusCode() + " " + sent.body());
      }
      byte[] check = multipart(List.of(Map.entry("receipt", m.group(1))), new byte[0]);
      long t2 = System.nanoTime();
      HttpResponse<String> read = http.send(post(base + "/follow", check), BodyHandlers.UTF8);
      long t3 = System.nanoTime();
      if (read.statusCode() != 200) {
        throw new IllegalStateException("the receipt did not open its tip: " + read.statusCode());
      }
      submit[i] = (t1 - t0) / 1e6;
      follow[i] = (t3 - t2) / 1e6;
    }
    out.printf(
        Locale.ROOT,
        "POST /tip with a %,d-byte PNG, end to end: median %.0f ms (max %.0f ms)%n",
        photo.length,
        Percentiles.median(submit),
        java.util.Arrays.stream(submit).max().orElse(0));
    out.printf(
        Locale.ROOT,
        "POST /follow with a right receipt (Argon2id 19 MiB x 2), end to end: median %.0f ms%n",
        Percentiles.median(follow));
  }

  private static HttpRequest post(String url, byte[] body) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofMinutes(2))
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(1)).GET().build();
  }

  private static ProofOfWork.Challenge challenge(String page) {
    Matcher m = FORM.matcher(page);
    if (!m.find()) {
      throw new IllegalStateException("the intake's form carries no challenge");
    }
    return new ProofOfWork.Challenge(
        m.group(4),
        Integer.parseInt(m.group(1)),
        Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)));
  }

  private static byte[] multipart(List<Map.Entry<String, String>> fields, byte[] file) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (Map.Entry<String, String> f : fields) {
      String head =
          "--"
              + BOUNDARY
              + "\r\nContent-Disposition: form-data; name=\""
              + f.getKey()
              + "\"\r\n\r\n"
              + f.getValue()
              + "\r\n";
      b.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    }
    if (file.length > 0) {
      b.writeBytes(
          ("--"
                  + BOUNDARY
                  + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"photo.png\""
                  + "\r\nContent-Type: image/png\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      b.writeBytes(file);
      b.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    b.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return b.toByteArray();
  }

  private static byte[] noisePng(int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(18);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, random.nextInt(1 << 24));
      }
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    return png.toByteArray();
  }

  /** The one body handler used. */
  private static final class BodyHandlers {
    static final HttpResponse.BodyHandler<String> UTF8 =
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);

    private BodyHandlers() {}
  }
}
