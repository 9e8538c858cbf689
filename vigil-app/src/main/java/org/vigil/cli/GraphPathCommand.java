/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.util.concurrent.Callable;
import org.vigil.access.Viewer;
import org.vigil.network.PathRequest;
import org.vigil.network.PathsView;
import org.vigil.store.Store;
import org.vigil.weighing.WeighedNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vigil graph path}: how two entities connect. */
@Command(
    name = "path",
    mixinStandardHelpOptions = true,
    description =
        "Shows the shortest paths (fewest links) between two entities, each link with the"
            + " sentences it was read from.")
final class GraphPathCommand implements Callable<Integer> {
  @ParentCommand GraphCommand parent;
  @Spec CommandSpec spec;
  @Mixin GraphOptions options;

  @Parameters(index = "0", paramLabel = "FROM", description = "An entity id or name.")
  String from;

  @Parameters(index = "1", paramLabel = "TO", description = "An entity id or name.")
  String to;

  @Option(
      names = "--k",
      defaultValue = "1",
      description = "Paths to show, 1..10 (default: ${DEFAULT-VALUE}).")
  int k;

  @Override
  public Integer call() {
    try (Store store = GraphQueries.open(parent, options)) {
      Viewer viewer = options.viewer(store);
      EntityLookup lookup = new EntityLookup(store, viewer);
      String start = lookup.resolve(from);
      String end = lookup.resolve(to);
      WeighedNetwork.Answer<PathsView> found =
          new WeighedNetwork(store)
              .paths(new PathRequest(start, end, k, options.filter()), options.weighing(), viewer);
      new GraphPrinter(spec.commandLine().getOut(), options.format)
          .paths(found.answer(), from, to, found::notGraded);
    }
    return 0;
  }
}
