/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.vigil.store.KeptOriginal;
import org.vigil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vigil documents}: what ingest kept of the files it rejected or truncated. */
@Command(
    name = "documents",
    mixinStandardHelpOptions = true,
    description =
        "Lists the originals kept of rejected and truncated files (vigil ingest --retry ingests"
            + " them again).",
    subcommands = {DocumentsCommand.ListKept.class})
final class DocumentsCommand implements Runnable {
  @ParentCommand VigilCommand root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name a subcommand: list");
  }

  /** A kept original as listed. */
  record KeptRow(
      String fileName,
      String status,
      String reason,
      long sizeBytes,
      String fileHash,
      boolean contentKept,
      String originPath,
      String documentId,
      int attempts,
      String firstSeen,
      String lastAttempt) {}

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {
        "Lists the kept originals: name, status (why it was rejected, 'truncated', or once a retry"
            + " settled it 'ingested' or 'duplicate'), reason, size, hash, whether its bytes are"
            + " in the store, attempts.",
      })
  static final class ListKept implements Callable<Integer> {
    @ParentCommand DocumentsCommand documents;
    @Spec CommandSpec spec;
    @Mixin StoreOptions storeOptions;

    @Option(names = "--pending", description = "Only those still waiting for a retry.")
    boolean pendingOnly;

    @Option(
        names = "--format",
        defaultValue = "table",
        description = "table or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() {
      VigilCommand root = documents.root;
      try (Store store = storeOptions.open(root)) {
        List<KeptRow> rows =
            store.originals().list().stream()
                .filter(k -> !pendingOnly || k.isPending())
                .map(ListKept::row)
                .toList();
        format.print(
            spec.commandLine().getOut(),
            rows,
            List.of("FILE", "STATUS", "BYTES", "KEPT", "ATTEMPTS", "HASH", "REASON"),
            r ->
                List.of(
                    r.fileName(),
                    r.status(),
                    Long.toString(r.sizeBytes()),
                    kept(r),
                    Integer.toString(r.attempts()),
                    r.fileHash().substring(0, Math.min(r.fileHash().length(), 19)),
                    r.reason()));
        return 0;
      }
    }

    /** What is kept of the file: its bytes, only its path, or nothing once settled. */
    private static String kept(KeptRow r) {
      if (r.contentKept()) {
        return "bytes";
      }
      if (KeptOriginal.isSettled(r.status())) {
        return "-";
      }
      return r.originPath().isEmpty() ? "nothing" : "path";
    }

    private static KeptRow row(KeptOriginal k) {
      return new KeptRow(
          k.fileName(),
          k.status(),
          k.reason(),
          k.sizeBytes(),
          k.fileHash(),
          k.contentKept(),
          k.originPath().orElse(""),
          k.documentId().orElse(""),
          k.attempts(),
          k.firstSeen().toString(),
          k.lastAttempt().toString());
    }
  }
}
