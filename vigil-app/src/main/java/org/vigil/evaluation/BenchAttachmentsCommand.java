/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.vigil.tips.attachments.AttachmentCleaner;
import org.vigil.tips.attachments.CleanerSettings;
import org.vigil.tips.attachments.CleaningResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code vigil bench attachments}: cleaning a tip's photo and PDF with mat2, timed. */
@Command(
    name = "attachments",
    mixinStandardHelpOptions = true,
    description = {
      "Times the tip attachment cleaner on a seeded photo (JPEG of noise, which does not"
          + " compress) and a PDF of a text page and such photos, each about --megabytes large:"
          + " type checks, mat2 in its own process, and reading the working copy back.",
      "Prints the median, fastest and slowest of --runs runs after one warm-up, with the load"
          + " average before and after. Needs Debian's mat2."
    })
public final class BenchAttachmentsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--megabytes",
      paramLabel = "N",
      description = "Size of each file in MB (default: ${DEFAULT-VALUE}).")
  int megabytes = 5;

  @Option(
      names = "--runs",
      paramLabel = "N",
      description = "Timed runs per file (default: ${DEFAULT-VALUE}).")
  int runs = 7;

  @Option(names = "--seed", paramLabel = "N", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed = 42;

  @Override
  public Integer call() {
    if (megabytes < 1 || megabytes > 30) {
      throw new ParameterException(spec.commandLine(), "--megabytes must be in 1..30");
    }
    if (runs < 1 || runs > 100) {
      throw new ParameterException(spec.commandLine(), "--runs must be in 1..100");
    }
    PrintWriter out = spec.commandLine().getOut();
    AttachmentCleaner cleaner = AttachmentCleaner.create(CleanerSettings.DEFAULT);
    Optional<String> unavailable = cleaner.unavailableReason();
    if (unavailable.isPresent()) {
      spec.commandLine().getErr().println(unavailable.get());
      return 1;
    }
    long target = megabytes * 1_000_000L;
    out.println("vigil bench attachments");
    out.println("machine: " + MachineDescription.describe());
    out.printf(Locale.ROOT, "load average before: %.2f%n", load());
    out.flush();
    byte[] photo = photo(target, seed);
    byte[] pdf = pdf(target, seed + 1);
    time(out, cleaner, "photo.jpg", photo);
    time(out, cleaner, "report.pdf", pdf);
    out.printf(Locale.ROOT, "load average after: %.2f%n", load());
    out.flush();
    return 0;
  }

  private void time(PrintWriter out, AttachmentCleaner cleaner, String name, byte[] file) {
    clean(cleaner, name, file);
    double[] millis = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      clean(cleaner, name, file);
      millis[i] = (System.nanoTime() - start) / 1_000_000.0;
    }
    double[] sorted = millis.clone();
    java.util.Arrays.sort(sorted);
    out.printf(
        Locale.ROOT,
        "%s (%.1f MB): median %.0f ms, fastest %.0f ms, slowest %.0f ms over %d runs%n",
        name,
        file.length / 1_000_000.0,
        Percentiles.median(millis),
        sorted[0],
        sorted[sorted.length - 1],
        runs);
    out.flush();
  }

  private static void clean(AttachmentCleaner cleaner, String name, byte[] file) {
    CleaningResult result = cleaner.clean(Optional.of(name), new ByteArrayInputStream(file));
    if (result instanceof CleaningResult.Refused refused) {
      throw new IllegalStateException(
          name + " was refused: " + refused.code() + ", " + refused.message());
    }
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /** A JPEG of seeded noise of about {@code bytes}: its side grows until it is large enough. */
  static byte[] photo(long bytes, long seed) {
    int width = 800;
    int height = 600;
    byte[] jpeg = jpeg(width, height, seed);
    while (jpeg.length < bytes) {
      double scale = Math.sqrt((double) bytes / jpeg.length) * 1.02;
      width = (int) Math.ceil(width * scale);
      height = (int) Math.ceil(height * scale);
      jpeg = jpeg(width, height, seed);
    }
    return jpeg;
  }

  private static byte[] jpeg(int width, int height, long seed) {
    Random random = new Random(seed);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, random.nextInt(0x1000000));
      }
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.9f);
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /** A PDF of a text page and then a page per 1 MB photo, until it is about {@code bytes}. */
  static byte[] pdf(long bytes, long seed) {
    List<byte[]> photos = new ArrayList<>();
    long total = 0;
    while (total < bytes) {
      byte[] photo = photo(Math.min(1_000_000, bytes - total), seed + photos.size());
      photos.add(photo);
      total += photo.length;
    }
    try (PDDocument document = new PDDocument()) {
      PDPage first = new PDPage();
      document.addPage(first);
      try (PDPageContentStream content = new PDPageContentStream(document, first)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(50, 700);
        content.showText("Photographs of the warehouse on Ferry Road, taken at night.");
        content.endText();
      }
      for (byte[] photo : photos) {
        PDPage page = new PDPage();
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.drawImage(JPEGFactory.createFromByteArray(document, photo), 20, 20, 570, 750);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
