/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.documents;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditEvent;
import org.vigil.background.BackgroundWork;
import org.vigil.extract.Extractor;
import org.vigil.ingest.DocumentReader;
import org.vigil.ingest.IngestLimits;
import org.vigil.jobs.Job;
import org.vigil.jobs.JobRequest;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Tlp;
import org.vigil.resolution.BackgroundResolution;
import org.vigil.store.Store;

/**
 * Ingest as jobs on the shared queue: {@code vigil ingest --queue} enqueues one job of kind {@value
 * #KIND} per file (a path every node can read, such as a shared folder), and whichever {@code vigil
 * serve} node takes a job ingests that file through {@link DocumentIntake}, audited, and then asks
 * for resolution ({@link BackgroundResolution}). So a batch is spread over the nodes, and a node
 * that dies leaves its jobs to the others.
 *
 * <p>Exactly once: a job's key is the file's content hash and its terms, so one file under one
 * marking is one job however often it is enqueued; a document is stored in one transaction with its
 * audit row, and a job run again after its node died mid-way finds the document stored already (an
 * exact duplicate) or stores it then. A file that cannot be read fails the job (retried, then
 * parked with its error).
 *
 * <p>Thread-safe.
 */
public final class QueuedIngest {
  /** The kind of the ingest jobs. */
  public static final String KIND = "ingest";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A job's payload: the file and the terms it is stored under. */
  record Payload(
      String path, String tlp, String org, List<String> namedUsers, String reliability) {}

  private final IngestLimits limits;
  private final Supplier<Extractor> extractor;
  private final BackgroundResolution resolution;
  private final Clock clock;
  private DocumentIngest ingest;

  public QueuedIngest(
      IngestLimits limits,
      Supplier<Extractor> extractor,
      BackgroundResolution resolution,
      Clock clock) {
    this.limits = requireNonNull(limits, "limits");
    this.extractor = requireNonNull(extractor, "extractor");
    this.resolution = requireNonNull(resolution, "resolution");
    this.clock = requireNonNull(clock, "clock");
  }

  /** Registers the ingest jobs on {@code work}, before it starts. */
  public void register(BackgroundWork work) {
    work.register(KIND, job -> run(work.store(), job));
  }

  /**
   * The job that ingests {@code file} under {@code marking} and {@code reliability}, as an operator
   * (checked for duplicates against every stored document).
   *
   * @throws IOException if the file cannot be read (to hash it)
   */
  public static JobRequest job(Path file, Marking marking, Reliability reliability)
      throws IOException {
    requireNonNull(marking, "marking");
    requireNonNull(reliability, "reliability");
    Path absolute = file.toAbsolutePath().normalize();
    Payload payload =
        new Payload(
            absolute.toString(),
            marking.tlp().label(),
            marking.ownerOrg(),
            List.copyOf(marking.namedUsers()),
            reliability.name());
    String key = sha256(absolute) + ":" + marking.tlp().code() + ":" + marking.ownerOrg();
    if (!marking.namedUsers().isEmpty()) {
      key = key + ":" + HexFormat.of().formatHex(digest(String.join(",", marking.namedUsers())));
    }
    return new JobRequest(
        KIND,
        key.length() > JobRequest.MAX_KEY ? key.substring(0, JobRequest.MAX_KEY) : key,
        JSON.writeValueAsString(payload));
  }

  private void run(Store store, Job job) throws IOException {
    Payload payload = JSON.readValue(job.payload(), Payload.class);
    Path file = Path.of(payload.path());
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file + " (is it on storage every node reads?)");
    }
    Tlp tlp = Tlp.parse(payload.tlp());
    Marking marking =
        tlp == Tlp.RED
            ? Marking.red(payload.org(), new TreeSet<>(payload.namedUsers()))
            : Marking.of(tlp, payload.org());
    DocumentTerms terms = new DocumentTerms(marking, Reliability.parse(payload.reliability()));
    DocumentIntake intake =
        new DocumentIntake(
            store, ingest(store), new DocumentIntake.ResolveInBackground(resolution));
    intake.add(
        DocumentIntake.Request.audited(
            List.of(new DocumentIntake.FromFile(file, terms)),
            o ->
                new AuditEvent(
                    "jobs",
                    AuditAction.WRITE,
                    o.documentId().orElse("document"),
                    "queued ingest " + o.name() + ": " + o.kind() + ", " + o.reason(),
                    "job " + job.id(),
                    clock.instant())),
        o -> {});
  }

  /** One ingest for all jobs, built at the first (its reader and extractor are slow to make). */
  private synchronized DocumentIngest ingest(Store store) {
    if (ingest == null) {
      ingest = new DocumentIngest(store, DocumentReader.create(limits), extractor.get(), clock);
    }
    return ingest;
  }

  private static String sha256(Path file) throws IOException {
    MessageDigest sha = sha();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        sha.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static byte[] digest(String text) {
    return sha().digest(text.getBytes(StandardCharsets.UTF_8));
  }

  private static MessageDigest sha() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }
}
