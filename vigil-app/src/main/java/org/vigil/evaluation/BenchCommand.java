/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.evaluation;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vigil bench}: the benchmarks whose figures docs/benchmarks.md records. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Runs a benchmark and prints its figures with the machine it ran on.",
    subcommands = {
      BenchStoreCommand.class,
      BenchScreeningCommand.class,
      BenchIngestCommand.class,
      BenchGraphCommand.class,
      BenchUiCommand.class,
      BenchResolveCommand.class,
      BenchDemoCommand.class,
      BenchMatchCommand.class,
      BenchScaleCommand.class,
      BenchTipsCommand.class,
      BenchTipsTriageCommand.class,
      BenchStixCommand.class,
      BenchReportCommand.class,
      BenchGeocodeCommand.class,
      BenchAttachmentsCommand.class,
      BenchTaxiiCommand.class,
      BenchCasesCommand.class,
      CommandLine.HelpCommand.class
    })
public final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a benchmark, such as store");
  }
}
