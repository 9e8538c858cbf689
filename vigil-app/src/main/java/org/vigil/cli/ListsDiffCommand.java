/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vigil.lists.ListEntry;
import org.vigil.lists.ListFormatException;
import org.vigil.lists.ListRelease;
import org.vigil.lists.SanctionsLists;
import org.vigil.watchlists.ListDiff;
import org.vigil.watchlists.ListLibrary;
import org.vigil.watchlists.ReleaseManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vigil lists diff}: what changed between two releases. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Compares two releases of a list entry by entry (by the list's own id): entries added,"
          + " removed, and changed in their names, aliases, programmes or birth dates.",
      "OLD and NEW are list files or folders, or loaded releases as 'vigil lists show' names them"
          + " (dataset/release, a release id, or a dataset for its release in force)."
    })
final class ListsDiffCommand implements Callable<Integer> {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @ParentCommand ListsCommand parent;
  @Spec CommandSpec spec;
  @Mixin StoreOptions storeOptions;

  @Parameters(index = "0", paramLabel = "OLD", description = "The older release.")
  String older;

  @Parameters(index = "1", paramLabel = "NEW", description = "The newer release.")
  String newer;

  @Option(
      names = "--limit",
      defaultValue = "20",
      paramLabel = "N",
      description = "Entries shown of each kind (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override
  public Integer call() throws IOException {
    if (limit < 0) {
      throw new ParameterException(spec.commandLine(), "--limit must be 0 or more");
    }
    ListLibrary library = storeOptions.library(parent.root);
    ListRelease before = resolve(library, older);
    ListRelease after = resolve(library, newer);
    ListDiff diff = ListDiff.between(before, after);
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.JSON) {
      out.println(MAPPER.writeValueAsString(json(before, after, diff)));
    } else {
      table(out, before, after, diff);
    }
    out.flush();
    return 0;
  }

  private static ListRelease resolve(ListLibrary library, String ref) throws IOException {
    Path path = Path.of(ref);
    if (Files.exists(path)) {
      try {
        return SanctionsLists.read(path);
      } catch (ListFormatException e) {
        throw new CliFailure(e.getMessage());
      }
    }
    Optional<ReleaseManifest> kept = library.find(ref);
    if (kept.isEmpty()) {
      throw new CliFailure(
          "'"
              + ref
              + "' is neither a file nor a release loaded in "
              + library.root().toAbsolutePath().normalize()
              + " (see vigil lists show)");
    }
    return library.read(kept.get());
  }

  private static String title(ListRelease release) {
    return release.dataset()
        + " "
        + release.published().map(Object::toString).orElse("(undated)")
        + " ("
        + release.entries().size()
        + " entries, sha256 "
        + release.sha256().substring(0, 12)
        + ")";
  }

  private void table(PrintWriter out, ListRelease before, ListRelease after, ListDiff diff) {
    out.println("old: " + title(before));
    out.println("new: " + title(after));
    out.printf(
        java.util.Locale.ROOT,
        "added %d, removed %d, changed %d%n",
        diff.added().size(),
        diff.removed().size(),
        diff.changed().size());
    section(out, "Added", "+", diff.added());
    section(out, "Removed", "-", diff.removed());
    if (!diff.changed().isEmpty()) {
      out.println("Changed:");
      for (ListDiff.Change c : diff.changed().stream().limit(limit).toList()) {
        out.println("  ~ " + c.id() + "  " + c.name());
        c.differences().forEach(d -> out.println("      " + d));
      }
      more(out, diff.changed().size());
    }
  }

  private void section(PrintWriter out, String title, String sign, List<ListEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    out.println(title + ":");
    for (ListEntry e : entries.stream().limit(limit).toList()) {
      out.println(
          "  " + sign + " " + e.id() + "  " + e.name() + "  (" + e.schema().ftmName() + ")");
    }
    more(out, entries.size());
  }

  private void more(PrintWriter out, int total) {
    if (total > limit) {
      out.println("  ... and " + (total - limit) + " more (--limit N shows more)");
    }
  }

  private ObjectNode json(ListRelease before, ListRelease after, ListDiff diff) {
    ObjectNode root = MAPPER.createObjectNode();
    root.set("old", release(before));
    root.set("new", release(after));
    root.put("added", diff.added().size());
    root.put("removed", diff.removed().size());
    root.put("changed", diff.changed().size());
    root.set("addedEntries", entries(diff.added()));
    root.set("removedEntries", entries(diff.removed()));
    ArrayNode changed = root.putArray("changedEntries");
    for (ListDiff.Change c : diff.changed().stream().limit(limit).toList()) {
      ObjectNode node = changed.addObject();
      node.put("id", c.id());
      node.put("name", c.name());
      ArrayNode differences = node.putArray("differences");
      c.differences().forEach(differences::add);
    }
    return root;
  }

  private static ObjectNode release(ListRelease release) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("dataset", release.dataset());
    release
        .published()
        .ifPresentOrElse(p -> node.put("published", p.toString()), () -> node.putNull("published"));
    node.put("sha256", release.sha256());
    node.put("entries", release.entries().size());
    return node;
  }

  private ArrayNode entries(List<ListEntry> entries) {
    ArrayNode array = MAPPER.createArrayNode();
    for (ListEntry e : entries.stream().limit(limit).toList()) {
      array.addObject().put("id", e.id()).put("name", e.name()).put("schema", e.schema().ftmName());
    }
    return array;
  }
}
