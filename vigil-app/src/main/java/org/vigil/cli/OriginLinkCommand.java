/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.vigil.access.Viewer;
import org.vigil.claims.LinkKind;
import org.vigil.claims.OriginLink;
import org.vigil.store.DeclaredLink;
import org.vigil.store.Store;
import org.vigil.weighing.Grading;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vigil origin-link}: declares, lists or undoes links of derivation. */
@Command(
    name = "origin-link",
    mixinStandardHelpOptions = true,
    description = {
      "Declares that one source or party derives from another (copied_from, derived_from,"
          + " same_author, same_feed, quotes), so that they count as one independent origin; lists"
          + " the links in force; or undoes one. Links belong to the declarer's organisation and"
          + " are audited. A copying or citing link that would close a circle is refused whole."
    })
final class OriginLinkCommand implements Callable<Integer> {
  @ParentCommand VigilCommand root;
  @Spec CommandSpec spec;
  @Mixin StoreOptions storeOptions;

  @Parameters(
      arity = "0..3",
      paramLabel = "FROM KIND TO",
      description =
          "The later source or party, the kind of link, the earlier one (a source id, an entity"
              + " id, or party:NAME).")
  List<String> arguments = List.of();

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why (kept with the link).")
  String reason = "";

  @Option(names = "--undo", paramLabel = "ID", description = "Undo the link with this id.")
  Long undo;

  @Option(names = "--list", description = "List the organisation's links in force.")
  boolean list;

  @Option(names = "--as", paramLabel = "USER", description = "Act as this user.")
  String asUser;

  @Override
  public Integer call() {
    int asked = (undo != null ? 1 : 0) + (list ? 1 : 0) + (arguments.isEmpty() ? 0 : 1);
    if (asked != 1 || (!arguments.isEmpty() && arguments.size() != 3)) {
      throw new ParameterException(
          spec.commandLine(), "give FROM KIND TO, or --undo ID, or --list");
    }
    try (Store store = storeOptions.open(root)) {
      Viewer viewer = CliViewers.viewer(store, asUser);
      Grading grading = new Grading(store, root.clock());
      if (list) {
        grading.links(viewer).forEach(l -> spec.commandLine().getOut().println(line(l)));
        spec.commandLine().getOut().flush();
        return 0;
      }
      Grading.Actor actor =
          new Grading.Actor(asUser == null ? "cli" : "cli:" + asUser, viewer, "cli");
      Grading.Outcome<DeclaredLink> outcome;
      if (undo != null) {
        outcome = grading.undoLink(undo, actor);
      } else {
        OriginLink link;
        try {
          link =
              new OriginLink(arguments.get(0), LinkKind.parse(arguments.get(1)), arguments.get(2));
        } catch (IllegalArgumentException e) {
          throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        outcome = grading.link(link, reason, actor);
      }
      if (outcome instanceof Grading.Refused<DeclaredLink> r) {
        throw new CliFailure(r.message());
      }
      DeclaredLink l = ((Grading.Done<DeclaredLink>) outcome).value();
      spec.commandLine().getOut().println((l.inForce() ? "Recorded " : "Undone ") + line(l));
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  private static String line(DeclaredLink l) {
    return "link "
        + l.id()
        + ": "
        + l.link().from()
        + " "
        + l.link().kind().code()
        + " "
        + l.link().to()
        + (l.reason().isEmpty() ? "" : " (" + l.reason() + ")");
  }
}
