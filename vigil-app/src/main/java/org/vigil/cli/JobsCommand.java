/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.vigil.jobs.Job;
import org.vigil.jobs.JobState;
import org.vigil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vigil jobs}: the background job queue that every node shares, for an operator. */
@Command(
    name = "jobs",
    mixinStandardHelpOptions = true,
    description =
        "Shows the background job queue (counts, lag, parked jobs with their errors) and queues a"
            + " parked job again.",
    subcommands = {JobsCommand.Status.class, JobsCommand.ListJobs.class, JobsCommand.Retry.class})
final class JobsCommand implements Runnable {
  @ParentCommand VigilCommand root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "name a subcommand: status, list or retry");
  }

  /** A job as listed. */
  record JobRow(long id, String kind, String key, String state, int attempts, String lastError) {}

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description =
          "Counts the jobs in each state and the queue's lag (the oldest due job's wait).")
  static final class Status implements Callable<Integer> {
    @ParentCommand JobsCommand jobs;
    @Spec CommandSpec spec;
    @Mixin StoreOptions storeOptions;

    @Override
    public Integer call() {
      VigilCommand root = jobs.root;
      try (Store store = storeOptions.open(root)) {
        Map<JobState, Long> counts = store.jobs().counts();
        PrintWriter out = spec.commandLine().getOut();
        for (JobState state : JobState.values()) {
          out.println(state.column() + "\t" + counts.get(state));
        }
        out.println("lag\t" + store.jobs().lag().toMillis() + " ms");
        out.flush();
        return 0;
      }
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists jobs in one state, newest first (parked by default), with their errors.")
  static final class ListJobs implements Callable<Integer> {
    @ParentCommand JobsCommand jobs;
    @Spec CommandSpec spec;
    @Mixin StoreOptions storeOptions;

    @Option(
        names = "--state",
        defaultValue = "parked",
        description = "queued, running, done or parked (default: ${DEFAULT-VALUE}).")
    String state;

    @Option(names = "--limit", defaultValue = "50", description = "At most this many.")
    int limit;

    @Option(
        names = "--format",
        defaultValue = "table",
        description = "table or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() {
      JobState wanted;
      try {
        wanted = JobState.ofColumn(state);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "--state '" + state + "' is none of queued, running, done, parked");
      }
      VigilCommand root = jobs.root;
      try (Store store = storeOptions.open(root)) {
        List<JobRow> rows =
            store.jobs().list(wanted, limit).stream().map(JobsCommand::row).toList();
        format.print(
            spec.commandLine().getOut(),
            rows,
            List.of("ID", "KIND", "KEY", "STATE", "ATTEMPTS", "LAST ERROR"),
            r ->
                List.of(
                    Long.toString(r.id()),
                    r.kind(),
                    r.key(),
                    r.state(),
                    Integer.toString(r.attempts()),
                    r.lastError()));
        return 0;
      }
    }
  }

  @Command(
      name = "retry",
      mixinStandardHelpOptions = true,
      description =
          "Queues parked jobs again, due now, with their attempts counted from zero (once their"
              + " cause is fixed).")
  static final class Retry implements Callable<Integer> {
    @ParentCommand JobsCommand jobs;
    @Spec CommandSpec spec;
    @Mixin StoreOptions storeOptions;

    @Parameters(paramLabel = "ID", arity = "1..*", description = "Parked jobs' ids.")
    List<Long> ids;

    @Override
    public Integer call() {
      VigilCommand root = jobs.root;
      try (Store store = storeOptions.open(root)) {
        PrintWriter out = spec.commandLine().getOut();
        int missing = 0;
        for (long id : ids) {
          boolean[] queued = new boolean[1];
          CliAudit.audited(
              store,
              root,
              "job-" + id,
              "parked job queued again",
              () -> queued[0] = store.jobs().retry(id));
          out.println(queued[0] ? "Job " + id + " queued again." : "No parked job " + id + ".");
          missing += queued[0] ? 0 : 1;
        }
        out.flush();
        return missing == 0 ? 0 : 1;
      }
    }
  }

  private static JobRow row(Job job) {
    return new JobRow(
        job.id(),
        job.kind(),
        job.key(),
        job.state().column(),
        job.attempts(),
        job.lastError().orElse(""));
  }
}
