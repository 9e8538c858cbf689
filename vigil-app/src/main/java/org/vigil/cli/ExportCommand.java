/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vigil.app.DataLocation;
import org.vigil.model.Tlp;
import org.vigil.sharing.FtmExport;
import org.vigil.sharing.MispFeed;
import org.vigil.sharing.StixExport;
import org.vigil.store.Store;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vigil export}: data in exchange formats, only what its recipient may read. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Exports data in an exchange format for a recipient organisation.",
    subcommands = {ExportCommand.Stix.class, ExportCommand.Ftm.class, ExportCommand.Misp.class})
final class ExportCommand implements Runnable {
  @ParentCommand VigilCommand root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "name a format: stix, ftm, misp");
  }

  /** {@code vigil export stix}: a STIX 2.1 bundle, or a publication to TAXII collections. */
  @Command(
      name = "stix",
      mixinStandardHelpOptions = true,
      description = {
        "Writes a STIX 2.1 bundle of everything an organisation may read (--for), or publishes an"
            + " organisation's own statements into its TAXII 2.1 collections (--publish).",
        "TLP:RED never leaves; AMBER+STRICT leaves only to its owner. Every released id is audited."
      })
  static final class Stix implements Callable<Integer> {
    @ParentCommand ExportCommand parent;
    @Spec CommandSpec spec;
    @Mixin StoreOptions storeOptions;

    @ArgGroup(multiplicity = "1")
    Target target;

    static final class Target {
      @Option(names = "--for", paramLabel = "ORG", description = "The recipient organisation.")
      String recipient;

      @Option(
          names = "--publish",
          paramLabel = "ORG",
          description = "Publish this organisation's statements to its TAXII collections.")
      String publisher;
    }

    @Option(
        names = {"-o", "--out"},
        paramLabel = "FILE",
        description = "Where to write the bundle (default: standard output).")
    Optional<Path> out;

    @Override
    public Integer call() {
      VigilCommand root = parent.root;
      Store store =
          root.openStore(storeOptions.location(DataLocation.DEFAULT_DATA_DIR, root.env()));
      try {
        StixExport export = new StixExport(store, root.clock());
        PrintWriter err = spec.commandLine().getErr();
        if (target.publisher != null) {
          Map<Tlp, Integer> counts = export.publish(target.publisher, "cli", "cli");
          counts.forEach(
              (tlp, n) -> err.println("Published " + n + " objects as " + tlp.label() + "."));
          err.flush();
          return 0;
        }
        StixExport.Outcome outcome = export.exportFor(target.recipient, "cli", "cli");
        ObjectNode bundle = StixExport.bundle(outcome);
        write(bundle);
        err.println(
            "Exported "
                + outcome.objects().objects().size()
                + " STIX objects for "
                + target.recipient
                + " "
                + outcome.byType()
                + "; "
                + outcome.objects().leftOut().size()
                + " entities have no STIX form for this recipient.");
        err.flush();
        return 0;
      } finally {
        store.close();
      }
    }

    private void write(ObjectNode bundle) {
      ObjectMapper mapper = new ObjectMapper();
      try {
        if (out.isPresent()) {
          try (OutputStream stream = Files.newOutputStream(out.get())) {
            mapper.writerWithDefaultPrettyPrinter().writeValue(stream, bundle);
          }
        } else {
          PrintWriter stdout = spec.commandLine().getOut();
          stdout.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(bundle));
          stdout.flush();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** {@code vigil export ftm}: FollowTheMoney entities as JSON lines. */
  @Command(
      name = "ftm",
      mixinStandardHelpOptions = true,
      description = {
        "Writes everything an organisation may read as FollowTheMoney entities, one JSON object a"
            + " line (what Aleph and OpenSanctions read): id, schema, properties, datasets (the"
            + " sources), first_seen, last_seen, marking.",
        "TLP:RED never leaves; AMBER+STRICT leaves only to its owner. References resolve inside"
            + " the export. Every released id is audited."
      })
  static final class Ftm implements Callable<Integer> {
    @ParentCommand ExportCommand parent;
    @Spec CommandSpec spec;
    @Mixin StoreOptions storeOptions;

    @Option(
        names = "--for",
        paramLabel = "ORG",
        required = true,
        description = "The recipient organisation.")
    String recipient;

    @Option(
        names = {"-o", "--out"},
        paramLabel = "FILE",
        description = "Where to write the JSON lines (default: standard output).")
    Optional<Path> out;

    @Override
    public Integer call() {
      VigilCommand root = parent.root;
      Store store =
          root.openStore(storeOptions.location(DataLocation.DEFAULT_DATA_DIR, root.env()));
      try {
        FtmExport.Outcome outcome =
            new FtmExport(store, root.clock()).exportFor(recipient, "cli", "cli");
        ObjectMapper mapper = new ObjectMapper();
        StringBuilder lines = new StringBuilder();
        for (ObjectNode entity : outcome.entities()) {
          lines.append(mapper.writeValueAsString(entity)).append('\n');
        }
        if (out.isPresent()) {
          Files.writeString(out.get(), lines, java.nio.charset.StandardCharsets.UTF_8);
        } else {
          PrintWriter stdout = spec.commandLine().getOut();
          stdout.print(lines);
          stdout.flush();
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println(
            "Exported "
                + outcome.entities().size()
                + " FtM entities for "
                + recipient
                + " "
                + outcome.bySchema()
                + "; "
                + outcome.leftOut()
                + " left out for want of an end this recipient may read; "
                + outcome.valuesNotInFtm()
                + " values of properties FtM does not define kept out.");
        err.flush();
        return 0;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        store.close();
      }
    }
  }

  /** {@code vigil export misp}: a MISP feed in a folder. */
  @Command(
      name = "misp",
      mixinStandardHelpOptions = true,
      description = {
        "Writes a MISP feed of everything an organisation may read into DIR: one event per source"
            + " (UUID.json), manifest.json keyed by event UUID, hashes.csv; TLP and Admiralty"
            + " machine tags.",
        "TLP:RED never leaves; AMBER+STRICT leaves only to its owner. Every released event is"
            + " audited."
      })
  static final class Misp implements Callable<Integer> {
    @ParentCommand ExportCommand parent;
    @Spec CommandSpec spec;
    @Mixin StoreOptions storeOptions;

    @picocli.CommandLine.Parameters(paramLabel = "DIR", description = "The feed's folder.")
    Path dir;

    @Option(
        names = "--for",
        paramLabel = "ORG",
        required = true,
        description = "The recipient organisation.")
    String recipient;

    @Override
    public Integer call() {
      VigilCommand root = parent.root;
      Store store =
          root.openStore(storeOptions.location(DataLocation.DEFAULT_DATA_DIR, root.env()));
      try {
        MispFeed.Outcome outcome =
            new MispFeed(store, root.clock()).feedFor(recipient, "cli", "cli");
        MispFeed.write(outcome, dir);
        PrintWriter err = spec.commandLine().getErr();
        err.println(
            "Wrote a MISP feed of "
                + outcome.events().size()
                + " events and "
                + outcome.attributes()
                + " attributes for "
                + recipient
                + " to "
                + dir
                + ".");
        err.flush();
        return 0;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        store.close();
      }
    }
  }
}
