/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.vigil.app.CoreNlpModels;
import org.vigil.documents.DocumentIngest;
import org.vigil.documents.DocumentTerms;
import org.vigil.documents.IngestOutcome;
import org.vigil.extract.CoreNlpRecogniser;
import org.vigil.extract.Extractor;
import org.vigil.extract.evaluation.CoreNlpDefaultPipeline;
import org.vigil.ingest.DocumentReader;
import org.vigil.ingest.IngestLimits;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Tlp;
import org.vigil.store.StatementRepository.IndexUpdate;
import org.vigil.store.Store;
import org.vigil.store.StoreConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code vigil bench ingest}: documents a second, end to end (read, clean, check for copies,
 * extract, store) into a fresh embedded store, on seeded synthetic reports.
 */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Measures ingest end to end on seeded synthetic reports of about --words words: reading,"
          + " cleaning, the duplicate check, extraction and the store write, one document after"
          + " another, into a fresh H2 database in a temporary folder.",
      "The extractor's models load once, before the clock starts (reported separately)."
    })
public final class BenchIngestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--documents", description = "Documents to ingest (default: ${DEFAULT-VALUE}).")
  int documents = 500;

  @Option(names = "--words", description = "Words per document (default: ${DEFAULT-VALUE}).")
  int words = 600;

  @Option(names = "--seed", description = "Seed of the generator (default: ${DEFAULT-VALUE}).")
  long seed = 42;

  @Option(
      names = "--baseline-documents",
      description =
          "Documents of the sample on which the extractor and CoreNLP's default pipeline (tokenize,"
              + " ssplit, pos, lemma, ner) are timed side by side; 0 leaves the baseline out"
              + " (default: ${DEFAULT-VALUE}).")
  int baselineDocuments = 20;

  @Option(
      names = "--warm-up-documents",
      description =
          "Documents of another seed ingested before the clock starts, so that the JIT has compiled"
              + " the reading's hot code; 0 measures a cold start, the compiler's work included"
              + " (default: ${DEFAULT-VALUE}).")
  int warmUpDocuments = 100;

  @Option(
      names = "--threads",
      description =
          "Documents ingested at once, each by its own thread (default: ${DEFAULT-VALUE}).")
  int threads = 1;

  @Option(
      names = "--corenlp-models",
      paramLabel = "JAR",
      description =
          "CoreNLP's full models jar, for the baseline (default: the local Maven repository's).")
  Path modelsJar;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    if (documents < 1 || words < 1 || baselineDocuments < 0 || threads < 1 || warmUpDocuments < 0) {
      throw new ParameterException(
          spec.commandLine(),
          "--documents, --words and --threads must be positive, --baseline-documents and"
              + " --warm-up-documents >= 0");
    }
    if (baselineDocuments > 0 && !CoreNlpDefaultPipeline.isAvailable()) {
      Path jar = modelsJar == null ? CoreNlpModels.defaultJar() : modelsJar;
      List<String> args =
          List.of(
              "bench",
              "ingest",
              "--documents",
              Integer.toString(documents),
              "--words",
              Integer.toString(words),
              "--seed",
              Long.toString(seed),
              "--baseline-documents",
              Integer.toString(baselineDocuments),
              "--threads",
              Integer.toString(threads),
              "--warm-up-documents",
              Integer.toString(warmUpDocuments));
      try {
        return CoreNlpModels.runWithJar(jar, "org.vigil.cli.VigilCommand", args, out);
      } catch (IOException e) {
        throw new ParameterException(
            spec.commandLine(), e.getMessage() + " (or pass --baseline-documents 0)");
      }
    }
    out.println("vigil bench ingest");
    out.println("machine: " + MachineDescription.describe());
    SyntheticReports generator = new SyntheticReports(seed);
    List<byte[]> texts = new ArrayList<>(documents);
    long tokens = 0;
    for (int i = 0; i < documents; i++) {
      String text = generator.next(words);
      tokens += text.split("\\s+").length;
      texts.add(text.getBytes(StandardCharsets.UTF_8));
    }
    SyntheticReports warmUpGenerator = new SyntheticReports(~seed);
    List<byte[]> warmUp = new ArrayList<>(warmUpDocuments);
    for (int i = 0; i < warmUpDocuments; i++) {
      warmUp.add(warmUpGenerator.next(words).getBytes(StandardCharsets.UTF_8));
    }
    Path dir = Files.createTempDirectory("vigil-bench-ingest");
    DocumentTerms terms = new DocumentTerms(Marking.of(Tlp.GREEN, "bench"), Reliability.C);
    try (Store store = Store.open(StoreConfig.embedded(dir));
        DocumentReader reader = DocumentReader.create(IngestLimits.DEFAULT)) {
      long loadStart = System.nanoTime();
      Extractor extractor = Extractor.standard();
      extractor.extract("Warm-up: Naji Sharifi met officials of MOIS in Istanbul.");
      double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
      DocumentIngest ingest =
          new DocumentIngest(store, reader, extractor, Clock.systemUTC(), IndexUpdate.DEFERRED);
      long warmUpStart = System.nanoTime();
      // The same work as the measured run, on other documents, so the JIT compiles what it uses.
      ingestAll(ingest, warmUp, "warm-up-", terms);
      ingest.indexPending();
      double warmUpSeconds = (System.nanoTime() - warmUpStart) / 1e9;
      java.util.Optional<java.util.Map<String, Double>> processBefore = ProcessCpu.snapshot();
      long start = System.nanoTime();
      Ingested run = ingestAll(ingest, texts, "report-", terms);
      int stored = run.stored();
      long indexCpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      ingest.indexPending();
      double seconds = (System.nanoTime() - start) / 1e9;
      java.util.Optional<java.util.Map<String, Double>> processAfter = ProcessCpu.snapshot();
      double cpuSeconds =
          (run.cpuNanos()
                  + ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()
                  - indexCpuStart)
              / 1e9;
      out.printf(
          Locale.ROOT,
          "extractor: %s, loaded and warmed up in %.1f s%n",
          CoreNlpRecogniser.isAvailable() ? "CoreNLP CRF recogniser" : "names by capitals",
          loadSeconds);
      out.printf(
          Locale.ROOT,
          "warm-up before the clock: %d documents of another seed in %.1f s%s%n",
          warmUp.size(),
          warmUpSeconds,
          warmUp.isEmpty() ? " (a cold start: the JIT compiles during the run)" : "");
      out.printf(
          Locale.ROOT,
          "ingested %d documents (%d stored, %,d tokens, about %d words each) with %d thread(s)"
              + " in %.1f s: %.1f documents/s, %,.0f tokens/s%n",
          texts.size(),
          stored,
          tokens,
          words,
          threads,
          seconds,
          texts.size() / seconds,
          tokens / seconds);
      // On a shared machine the wall clock counts other people's work; the ingesting thread's own
      // CPU time does not (the store's and the collector's threads are left out of it).
      out.printf(
          Locale.ROOT,
          "ingesting threads' CPU time: %.1f s: %.1f documents, %,.0f tokens per CPU second%n",
          cpuSeconds,
          texts.size() / cpuSeconds,
          tokens / cpuSeconds);
      if (processBefore.isPresent() && processAfter.isPresent()) {
        // What the ingesting threads leave out: the collector, the JIT, the store's own threads.
        // On a quiet machine of N cores the wall clock is at least this divided by N.
        double process = ProcessCpu.delta(processBefore.get(), processAfter.get(), "process");
        out.printf(
            Locale.ROOT,
            "whole process's CPU time meanwhile: %s: %.1f documents per CPU second, at most %.1f"
                + " documents/s on %d idle cores%n",
            ProcessCpu.between(processBefore.get(), processAfter.get()),
            texts.size() / process,
            texts.size() / process * Runtime.getRuntime().availableProcessors(),
            Runtime.getRuntime().availableProcessors());
      }
      out.printf(Locale.ROOT, "peak heap: %.0f MiB%n", peakHeapBytes() / (1024.0 * 1024.0));
      out.flush();
      if (baselineDocuments > 0) {
        baseline(out, extractor, texts.subList(0, Math.min(baselineDocuments, texts.size())));
      }
    } finally {
      deleteTree(dir);
    }
    return 0;
  }

  /** What a run of workers stored, and their threads' processor time together. */
  private record Ingested(int stored, long cpuNanos) {}

  /**
   * Ingests {@code texts} with {@link #threads} workers, each taking the next document and counting
   * its own thread's processor time.
   */
  private Ingested ingestAll(
      DocumentIngest ingest, List<byte[]> texts, String prefix, DocumentTerms terms)
      throws InterruptedException {
    java.util.concurrent.atomic.AtomicInteger next =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger storedCount =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicLong cpuNanos = new java.util.concurrent.atomic.AtomicLong();
    Runnable worker =
        () -> {
          long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
          for (int i = next.getAndIncrement(); i < texts.size(); i = next.getAndIncrement()) {
            IngestOutcome outcome = ingest.ingest(prefix + i + ".txt", texts.get(i), terms);
            if (outcome.kind() == IngestOutcome.Kind.STORED
                || outcome.kind() == IngestOutcome.Kind.NEAR_DUPLICATE) {
              storedCount.incrementAndGet();
            }
          }
          cpuNanos.addAndGet(
              ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart);
        };
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread thread = new Thread(worker, "bench-ingest-" + t);
      thread.start();
      workers.add(thread);
    }
    for (Thread thread : workers) {
      thread.join();
    }
    return new Ingested(storedCount.get(), cpuNanos.get());
  }

  /**
   * The extractor alone and CoreNLP's default pipeline on the same sample, tokens a second each,
   * after each has loaded and warmed up on the first document.
   */
  private static void baseline(PrintWriter out, Extractor extractor, List<byte[]> sample) {
    List<String> texts = sample.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
    long tokens = texts.stream().mapToLong(t -> t.split("\\s+").length).sum();
    extractor.extract(texts.get(0));
    java.lang.management.ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long start = System.nanoTime();
    long cpuStart = cpu.getCurrentThreadCpuTime();
    for (String t : texts) {
      extractor.extract(t);
    }
    double ours = tokens / ((System.nanoTime() - start) / 1e9);
    double oursCpu = tokens / ((cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9);
    CoreNlpDefaultPipeline pipeline = new CoreNlpDefaultPipeline();
    long loadStart = System.nanoTime();
    pipeline.find(texts.get(0));
    double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
    start = System.nanoTime();
    cpuStart = cpu.getCurrentThreadCpuTime();
    for (String t : texts) {
      pipeline.find(t);
    }
    double theirs = tokens / ((System.nanoTime() - start) / 1e9);
    double theirsCpu = tokens / ((cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9);
    out.printf(
        Locale.ROOT,
        "extraction alone on %d documents (%,d tokens): vigil %,.0f tokens/s;"
            + " CoreNLP default pipeline (tokenize,ssplit,pos,lemma,ner; loaded in %.1f s)"
            + " %,.0f tokens/s; ratio %.1f%n",
        texts.size(),
        tokens,
        ours,
        loadSeconds,
        theirs,
        ours / theirs);
    out.printf(
        Locale.ROOT,
        "per CPU second of the extracting thread: vigil %,.0f tokens, CoreNLP default %,.0f;"
            + " ratio %.1f%n",
        oursCpu,
        theirsCpu,
        oursCpu / theirsCpu);
    out.flush();
  }

  private static long peakHeapBytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
