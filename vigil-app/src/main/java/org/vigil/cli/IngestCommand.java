/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.vigil.app.DataLocation;
import org.vigil.app.Plural;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditEvent;
import org.vigil.documents.DocumentIngest;
import org.vigil.documents.DocumentIntake;
import org.vigil.documents.DocumentTerms;
import org.vigil.documents.IngestOutcome;
import org.vigil.documents.ListGazetteer;
import org.vigil.documents.QueuedIngest;
import org.vigil.ingest.DocumentReader;
import org.vigil.ingest.IngestLimits;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Marking;
import org.vigil.model.Reliability;
import org.vigil.model.Tlp;
import org.vigil.store.KeptOriginal;
import org.vigil.store.StatementRepository.IndexUpdate;
import org.vigil.store.Store;
import org.vigil.watchlists.ListLibrary;
import org.vigil.watchlists.ListScreening;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vigil ingest}: documents into the store. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Reads documents (text, HTML, PDF, DOC/DOCX, ODT, RTF, EML; folders recursively), removes"
          + " web-page junk, extracts mentions, relations and events, and stores each document"
          + " with its statements.",
      "A text already stored is reported and not stored again; a near copy (a syndicated"
          + " version) is stored and linked to its original. A file that cannot be read is"
          + " reported with its reason and the batch goes on; the exit code is then 1. The"
          + " original of a rejected or truncated file is kept in the store with its status;"
          + " --retry ingests the kept originals again (after raising a limit, say)."
    })
final class IngestCommand implements Callable<Integer> {
  @ParentCommand VigilCommand root;
  @Spec CommandSpec spec;
  @Mixin StoreOptions storeOptions;
  @Mixin IngestLimitOptions limitOptions;

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or folders.")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--retry",
      description =
          "Also ingest again every kept original still pending (rejected or truncated before),"
              + " under the limits given now and the marking and reliability it was first"
              + " offered under.")
  boolean retry;

  @Option(
      names = "--progress",
      defaultValue = "auto",
      paramLabel = "MODE",
      description =
          "auto (a bar on a terminal, a line per file otherwise), bar or lines (default:"
              + " ${DEFAULT-VALUE}).")
  ProgressMode progress;

  @Option(
      names = "--marking",
      paramLabel = "TLP",
      defaultValue = "TLP:AMBER",
      description = "The marking of the documents' statements (default: ${DEFAULT-VALUE}).")
  String marking;

  @Option(
      names = "--org",
      paramLabel = "ORG",
      defaultValue = "public",
      description = "The organisation that owns the marking (default: ${DEFAULT-VALUE}).")
  String org;

  @Option(
      names = "--named-user",
      paramLabel = "USERNAME",
      description =
          "With --marking TLP:RED: a user who may read the documents (repeat for several); a RED"
              + " ingest needs at least one, since a RED document naming no one could be read by"
              + " nobody.")
  List<String> namedUsers = new ArrayList<>();

  @Option(
      names = "--reliability",
      paramLabel = "A-F",
      defaultValue = "F",
      description =
          "The Admiralty reliability of the documents' sources (default: ${DEFAULT-VALUE},"
              + " cannot be judged).")
  String reliability;

  @Option(
      names = "--queue",
      description =
          "Do not ingest here: enqueue one job per file on the job queue, for the `vigil serve`"
              + " nodes on this database to ingest (the files must be on storage they all read)."
              + " A file already queued under the same marking is not queued again.")
  boolean queue;

  /** How progress is shown. */
  enum ProgressMode {
    AUTO,
    BAR,
    LINES
  }

  /** One file to ingest, or one kept original to ingest again, and how progress names it. */
  private record Item(String label, DocumentIntake.Item item) {}

  @Override
  public Integer call() {
    Tlp tlp;
    Reliability grade;
    try {
      tlp = Tlp.parse(marking);
      grade = Reliability.parse(reliability);
    } catch (InvalidValueException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    checkNamedUsers(tlp);
    if (paths.isEmpty() && !retry) {
      throw new ParameterException(spec.commandLine(), "name at least one PATH, or give --retry");
    }
    IngestLimits limits = limitOptions.limits(spec);
    List<Path> files = files(paths);
    if (queue) {
      return enqueue(files, tlp, grade);
    }
    PrintWriter out = spec.commandLine().getOut();
    DocumentIntake.Outcome outcome;
    try (Store store =
            root.openStore(storeOptions.location(DataLocation.DEFAULT_DATA_DIR, root.env()));
        DocumentReader reader = DocumentReader.create(limits)) {
      DocumentTerms terms = terms(store, tlp, grade);
      List<Item> items = items(store, files, terms);
      ListLibrary library = storeOptions.library(root);
      DocumentIntake intake =
          DocumentIntake.resolvingAtOnce(
              store,
              new DocumentIngest(
                  store,
                  reader,
                  ListGazetteer.extractor(library),
                  root.clock(),
                  IndexUpdate.DEFERRED),
              ListScreening.over(library),
              root.clock());
      outcome = add(intake, items);
      List<IngestOutcome> outcomes = outcome.documents();
      if (outcomes.stream().anyMatch(o -> o.kind() != IngestOutcome.Kind.REJECTED)) {
        CliAudit.admin(store, root, "documents", summary(outcomes));
      }
    }
    out.println(summary(outcome.documents()));
    outcome.resolution().ifPresent(r -> out.println(r.summary()));
    out.flush();
    return outcome.documents().stream().anyMatch(o -> o.kind() == IngestOutcome.Kind.REJECTED)
        ? 1
        : 0;
  }

  /** A RED ingest names its readers; no other does. */
  private void checkNamedUsers(Tlp tlp) {
    if (tlp == Tlp.RED && namedUsers.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(),
          "--marking TLP:RED needs at least one --named-user: a RED document naming no one could"
              + " be read by nobody");
    }
    if (tlp != Tlp.RED && !namedUsers.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), "--named-user is for --marking TLP:RED only; this is " + marking);
    }
  }

  /** Enqueues one ingest job per file for the server nodes; a file it cannot read fails the run. */
  private int enqueue(List<Path> files, Tlp tlp, Reliability grade) {
    if (retry) {
      throw new ParameterException(spec.commandLine(), "--queue takes files, not --retry");
    }
    int added = 0;
    try (Store store =
        root.openStore(storeOptions.location(DataLocation.DEFAULT_DATA_DIR, root.env()))) {
      DocumentTerms terms = terms(store, tlp, grade);
      for (Path file : files) {
        try {
          added += store.jobs().enqueue(QueuedIngest.job(file, terms.marking(), grade)) ? 1 : 0;
        } catch (IOException e) {
          throw new CliFailure("cannot read " + file + ": " + e.getMessage());
        }
      }
      CliAudit.admin(
          store, root, "documents", "queued " + added + " of " + files.size() + " files to ingest");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "Queued "
            + added
            + " of "
            + files.size()
            + " files for the server nodes to ingest"
            + (added < files.size() ? " (the others were queued before)" : "")
            + "; see `vigil jobs status`.");
    out.flush();
    return 0;
  }

  /** The marking and grade of every document of this run; RED names the --named-user accounts. */
  private DocumentTerms terms(Store store, Tlp tlp, Reliability grade) {
    Set<String> named = new TreeSet<>();
    for (String username : namedUsers) {
      named.add(
          store
              .accounts()
              .userByName(username)
              .orElseThrow(() -> new CliFailure("no user named '" + username + "'"))
              .id());
    }
    return new DocumentTerms(
        tlp == Tlp.RED ? Marking.red(org, named) : Marking.of(tlp, org), grade);
  }

  private List<Item> items(Store store, List<Path> files, DocumentTerms terms) {
    List<Item> items = new ArrayList<>();
    for (Path file : files) {
      items.add(new Item(file.toString(), new DocumentIntake.FromFile(file, terms)));
    }
    if (retry) {
      for (KeptOriginal kept : store.originals().list()) {
        if (kept.isPending()) {
          items.add(
              new Item(
                  "retry " + kept.fileName() + " (" + kept.status() + ")",
                  new DocumentIntake.Retry(kept)));
        }
      }
    }
    return items;
  }

  /** Adds the items, showing each as it is done (a bar on a terminal, else a line each). */
  private DocumentIntake.Outcome add(DocumentIntake intake, List<Item> items) {
    boolean bar = progress == ProgressMode.BAR || progress == ProgressMode.AUTO && root.terminal();
    IngestProgress shown =
        new IngestProgress(
            spec.commandLine().getOut(),
            spec.commandLine().getErr(),
            spec.qualifiedName() + ": ",
            bar,
            items.size(),
            System::nanoTime);
    int[] next = {0};
    try {
      // Each document is stored with its own audit row, in one transaction.
      DocumentIntake.Request request =
          DocumentIntake.Request.audited(
              items.stream().map(Item::item).toList(),
              o ->
                  new AuditEvent(
                      "cli",
                      AuditAction.WRITE,
                      o.documentId().orElse("document"),
                      "ingest " + o.name() + ": " + o.kind() + ", " + o.reason(),
                      "cli",
                      root.clock().instant()));
      return intake.add(
          request,
          outcome ->
              shown.done(
                  items.get(next[0]++).label() + ": " + describe(outcome),
                  outcome.kind() == IngestOutcome.Kind.REJECTED));
    } finally {
      shown.finish();
    }
  }

  /** The files named, with the regular files under each folder, in name order; hidden ones left. */
  static List<Path> files(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (!Files.isDirectory(path)) {
        files.add(path);
        continue;
      }
      try (Stream<Path> walk = Files.walk(path)) {
        walk.filter(Files::isRegularFile)
            .filter(p -> !p.getFileName().toString().startsWith("."))
            .sorted()
            .forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list the folder " + path, e);
      }
    }
    return files;
  }

  private static String describe(IngestOutcome o) {
    String id = o.documentId().orElse("");
    IngestOutcome.Counts c = o.counts();
    String counts =
        " ("
            + Plural.of(c.mentions(), "mention", "mentions")
            + ", "
            + Plural.of(c.relations(), "relation", "relations")
            + ", "
            + Plural.of(c.events(), "event", "events")
            + ")";
    String kept = o.originalKept() ? "; original kept for --retry" : "";
    String truncated = o.isTruncated() ? " (truncated: " + o.reason() + kept + ")" : "";
    return switch (o.kind()) {
      case STORED -> "stored as " + id + counts + truncated;
      case NEAR_DUPLICATE ->
          "stored as "
              + id
              + ", a near copy of "
              + o.copyOf().orElseThrow()
              + String.format(Locale.ROOT, " (similarity %.2f)", o.similarity())
              + counts
              + truncated;
      case EXACT_DUPLICATE -> "duplicate: " + o.reason();
      case REJECTED -> "rejected: " + rejection(o) + ": " + o.reason() + kept;
    };
  }

  /** Why a document was rejected, in a word: the read status, or that extraction failed. */
  private static String rejection(IngestOutcome o) {
    return o.readStatus().hasText()
        ? "not extracted"
        : o.readStatus().name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  static String summary(List<IngestOutcome> outcomes) {
    Map<IngestOutcome.Kind, Integer> counts = new TreeMap<>();
    Map<String, Integer> rejected = new TreeMap<>();
    for (IngestOutcome o : outcomes) {
      counts.merge(o.kind(), 1, Integer::sum);
      if (o.kind() == IngestOutcome.Kind.REJECTED) {
        rejected.merge(rejection(o), 1, Integer::sum);
      }
    }
    StringBuilder text =
        new StringBuilder()
            .append("Read ")
            .append(outcomes.size())
            .append(outcomes.size() == 1 ? " file: " : " files: ")
            .append(counts.getOrDefault(IngestOutcome.Kind.STORED, 0))
            .append(" stored, ")
            .append(counts.getOrDefault(IngestOutcome.Kind.EXACT_DUPLICATE, 0))
            .append(" duplicates, ")
            .append(counts.getOrDefault(IngestOutcome.Kind.NEAR_DUPLICATE, 0))
            .append(" near-duplicates (stored and linked), ")
            .append(counts.getOrDefault(IngestOutcome.Kind.REJECTED, 0))
            .append(" rejected");
    if (!rejected.isEmpty()) {
      List<String> reasons = new ArrayList<>();
      rejected.forEach((status, n) -> reasons.add(status + ": " + n));
      text.append(" (").append(String.join(", ", reasons)).append(')');
    }
    text.append(", ").append(outcomes.stream().filter(IngestOutcome::isTruncated).count());
    text.append(" truncated");
    long kept = outcomes.stream().filter(IngestOutcome::originalKept).count();
    if (kept > 0) {
      text.append("; ")
          .append(kept)
          .append(kept == 1 ? " original" : " originals")
          .append(" kept for vigil ingest --retry");
    }
    return text.append('.').toString();
  }
}
