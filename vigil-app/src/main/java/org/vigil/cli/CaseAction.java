/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.vigil.access.Viewer;
import org.vigil.cases.CaseWork;
import org.vigil.cases.Cases;
import org.vigil.store.Store;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every subcommand of {@code vigil case} (and of {@code case hypothesis} and {@code case
 * task}) shares: the store, the user it acts as, and its outcome's exit.
 */
abstract class CaseAction implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOptions storeOptions;

  @Option(
      names = "--as",
      required = true,
      paramLabel = "USER",
      description = "Act as this user: their cases, rights and markings.")
  String asUser;

  Store store;
  Clock clock;

  @Override
  public Integer call() {
    VigilCommand root = (VigilCommand) spec.root().userObject();
    try (Store opened = storeOptions.open(root)) {
      store = opened;
      clock = root.clock();
      Viewer viewer = CliViewers.viewer(store, asUser);
      PrintWriter out = spec.commandLine().getOut();
      run(new Cases(store, clock), new Cases.Actor("cli:" + asUser, viewer, "cli"), out);
      out.flush();
      return 0;
    }
  }

  abstract void run(Cases cases, Cases.Actor actor, PrintWriter out);

  /** The case's hypotheses and tasks, on the same store. */
  CaseWork work() {
    return new CaseWork(store, clock);
  }

  /** The outcome's value; a refusal fails the command with its message (exit 1). */
  static <T> T done(Cases.Outcome<T> outcome) {
    if (outcome instanceof Cases.Refused<T> r) {
      throw new CliFailure(r.message());
    }
    return ((Cases.Done<T>) outcome).value();
  }
}
