/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.vigil.app.DataLocation;
import org.vigil.tips.OpeningKey;
import org.vigil.tips.TeamKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vigil tips}: the public tip line's keys. */
@Command(
    name = "tips",
    mixinStandardHelpOptions = true,
    description = "The public tip line: the tip team's key pair.",
    subcommands = {TipsCommand.Keygen.class})
final class TipsCommand implements Runnable {
  @ParentCommand VigilCommand root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name a subcommand: keygen");
  }

  @Command(
      name = "keygen",
      mixinStandardHelpOptions = true,
      description = {
        "Makes the tip team's key pair: the private key in the file given (keep it off the"
            + " intake machine, e.g. on removable media; only the analyst server reads it, with"
            + " --tip-key), the public key in the data folder, where the intake seals tips to it.",
        "An existing private key file is kept and its public key written again."
      })
  static final class Keygen implements Callable<Integer> {
    @ParentCommand TipsCommand tips;
    @Spec CommandSpec spec;
    @Mixin StoreOptions storeOptions;

    @Option(
        names = "--private-key",
        required = true,
        paramLabel = "FILE",
        description = "Where the private key is written (owner-only permissions).")
    Path privateKey;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      DataLocation location = storeOptions.location(DataLocation.DEFAULT_DATA_DIR, tips.root.env());
      boolean existed = Files.exists(privateKey);
      OpeningKey key = TeamKeys.generate(privateKey, location.dataDir());
      out.println(
          (existed ? "Kept the private key in " : "Wrote a new private key to ")
              + privateKey
              + "; public key "
              + key.sealingKey().hex()
              + " in "
              + location.dataDir().resolve(TeamKeys.PUBLIC_FILE));
      return 0;
    }
  }
}
