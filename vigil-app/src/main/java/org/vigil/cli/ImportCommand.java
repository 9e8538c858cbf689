/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.vigil.app.DataLocation;
import org.vigil.model.InvalidValueException;
import org.vigil.model.Reliability;
import org.vigil.model.Tlp;
import org.vigil.sharing.DanglingReferences;
import org.vigil.sharing.FtmImport;
import org.vigil.sharing.MispEventMapping;
import org.vigil.sharing.MispImport;
import org.vigil.sharing.StixImport;
import org.vigil.stix.StixImportPlan;
import org.vigil.store.SourceConflictException;
import org.vigil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vigil import}: data from exchange formats, as a source of the importing organisation. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Imports data from an exchange format as a source of an organisation.",
    subcommands = {ImportCommand.Stix.class, ImportCommand.Misp.class, ImportCommand.Ftm.class})
final class ImportCommand implements Runnable {
  @ParentCommand VigilCommand root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "name a format: stix, misp, ftm");
  }

  /** {@code vigil import stix FILE --org ORG}. */
  @Command(
      name = "stix",
      mixinStandardHelpOptions = true,
      description = {
        "Imports a STIX 2.1 bundle: intrusion sets, threat actors, identities, locations and their"
            + " relationships become entities and links; every valid object is kept whole in the"
            + " organisation's TAXII collection of the level. Refused objects are listed with the"
            + " reason; the others are imported. References to objects neither in the bundle"
            + " nor in ORG's collections are listed as dangling (the objects are kept). The"
            + " file is read as a stream. Exit code 1 if any object was refused."
      })
  static final class Stix implements Callable<Integer> {
    @ParentCommand ImportCommand parent;
    @Spec CommandSpec spec;
    @Mixin StoreOptions storeOptions;

    @Parameters(paramLabel = "FILE", description = "The bundle (JSON).")
    Path file;

    @Option(names = "--org", required = true, paramLabel = "ORG", description = "The owner.")
    String org;

    @Option(
        names = "--tlp",
        defaultValue = "GREEN",
        paramLabel = "LEVEL",
        description = "CLEAR, GREEN, AMBER or AMBER+STRICT (default: ${DEFAULT-VALUE}).")
    String tlp;

    @Option(
        names = "--reliability",
        defaultValue = "F",
        paramLabel = "A-F",
        description = "The bundle's Admiralty reliability (default: ${DEFAULT-VALUE}).")
    String reliability;

    @Override
    public Integer call() throws IOException {
      VigilCommand root = parent.root;
      if (Files.size(file) > StixImport.MAX_BYTES) {
        throw new CliFailure(file + " is larger than " + StixImport.MAX_BYTES + " bytes");
      }
      Store store =
          root.openStore(storeOptions.location(DataLocation.DEFAULT_DATA_DIR, root.env()));
      try {
        long started = System.nanoTime();
        StixImport.Outcome outcome;
        try {
          outcome =
              new StixImport(store, root.clock())
                  .importFile(file, org, Tlp.parse(tlp), Reliability.parse(reliability), "cli");
        } catch (InvalidValueException e) {
          throw new CliFailure(e.getMessage());
        }
        long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        PrintWriter err = spec.commandLine().getErr();
        for (StixImportPlan.Rejected r : outcome.rejected()) {
          err.println("refused " + r.object() + ": " + r.reason());
        }
        for (DanglingReferences.Dangling d : outcome.dangling()) {
          err.println("dangling " + d.object() + ": " + d.reason());
        }
        err.println(
            "Imported "
                + file.getFileName()
                + " as source "
                + outcome.sourceId()
                + ": "
                + outcome.objects()
                + " objects, "
                + outcome.kept()
                + " kept, "
                + outcome.mapped()
                + " mapped to "
                + outcome.statements()
                + " statements, "
                + outcome.revoked()
                + " revoked, "
                + outcome.rejected().size()
                + " refused, "
                + outcome.dangling().size()
                + " dangling references, in "
                + millis
                + " ms ("
                + (outcome.objects() * 1000L / millis)
                + " objects/s).");
        err.flush();
        return outcome.rejected().isEmpty() ? 0 : 1;
      } finally {
        store.close();
      }
    }
  }

  /** {@code vigil import misp FILE|DIR --org ORG [--marking LEVEL]}. */
  @Command(
      name = "misp",
      mixinStandardHelpOptions = true,
      description = {
        "Imports MISP events (a feed directory with manifest.json, a directory of event files or"
            + " one event file): each event becomes a source of ORG; attributes naming people,"
            + " organisations, places, e-mail addresses and phone numbers become statements on"
            + " entities, the others notes of the source; threat-actor galaxy clusters become"
            + " organisations. Skipped events and attributes are listed with the reason; the"
            + " rest is imported. Exit code 1 if anything was skipped."
      })
  static final class Misp implements Callable<Integer> {
    @ParentCommand ImportCommand parent;
    @Spec CommandSpec spec;
    @Mixin StoreOptions storeOptions;

    @Parameters(paramLabel = "FILE|DIR", description = "An event file or a feed directory.")
    Path path;

    @Option(names = "--org", required = true, paramLabel = "ORG", description = "The owner.")
    String org;

    @Option(
        names = "--marking",
        paramLabel = "LEVEL",
        description =
            "CLEAR, GREEN, AMBER or AMBER+STRICT: the level of events without a TLP tag (default"
                + " AMBER), and the least level of those with one.")
    String marking;

    @Override
    public Integer call() {
      VigilCommand root = parent.root;
      Optional<Tlp> level;
      try {
        level = marking == null ? Optional.empty() : Optional.of(Tlp.parse(marking));
      } catch (InvalidValueException e) {
        throw new CliFailure(e.getMessage());
      }
      if (level.equals(Optional.of(Tlp.RED))) {
        throw new CliFailure("MISP events cannot be imported as RED: RED names its readers");
      }
      Store store =
          root.openStore(storeOptions.location(DataLocation.DEFAULT_DATA_DIR, root.env()));
      try {
        long started = System.nanoTime();
        MispImport.Outcome outcome;
        try {
          outcome = new MispImport(store, root.clock()).importPath(path, org, level, "cli");
        } catch (InvalidValueException e) {
          throw new CliFailure(e.getMessage());
        }
        long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        PrintWriter err = spec.commandLine().getErr();
        for (MispEventMapping.Skipped s : outcome.skipped()) {
          err.println("skipped " + s.what() + ": " + s.reason());
        }
        err.println(
            "Imported "
                + outcome.events().size()
                + " MISP events: "
                + outcome.imported()
                + " of "
                + outcome.attributes()
                + " attributes, "
                + outcome.skipped().size()
                + " skipped, in "
                + millis
                + " ms ("
                + (outcome.attributes() * 1000L / millis)
                + " attributes/s).");
        err.flush();
        return outcome.skipped().isEmpty() ? 0 : 1;
      } finally {
        store.close();
      }
    }
  }

  /** {@code vigil import ftm FILE --org ORG [--marking LEVEL]}. */
  @Command(
      name = "ftm",
      mixinStandardHelpOptions = true,
      description = {
        "Imports FollowTheMoney entities (JSON lines, as vigil export ftm writes them) as one"
            + " source of ORG: each property value becomes a statement on the entity of its"
            + " line's id; references keep the ids they name. Skipped lines and values are"
            + " listed with their line number and reason; the rest is imported. Importing the"
            + " same file again writes the same statements. Exit code 1 if anything was skipped."
      })
  static final class Ftm implements Callable<Integer> {
    @ParentCommand ImportCommand parent;
    @Spec CommandSpec spec;
    @Mixin StoreOptions storeOptions;

    @Parameters(paramLabel = "FILE", description = "The JSON lines.")
    Path file;

    @Option(names = "--org", required = true, paramLabel = "ORG", description = "The owner.")
    String org;

    @Option(
        names = "--marking",
        paramLabel = "LEVEL",
        description =
            "CLEAR, GREEN, AMBER or AMBER+STRICT: the level of lines without a marking (default"
                + " AMBER), and the least level of those with one.")
    String marking;

    @Override
    public Integer call() {
      VigilCommand root = parent.root;
      Optional<Tlp> level;
      try {
        level = marking == null ? Optional.empty() : Optional.of(Tlp.parse(marking));
      } catch (InvalidValueException e) {
        throw new CliFailure(e.getMessage());
      }
      Store store =
          root.openStore(storeOptions.location(DataLocation.DEFAULT_DATA_DIR, root.env()));
      try {
        long started = System.nanoTime();
        FtmImport.Outcome outcome;
        try {
          outcome = new FtmImport(store, root.clock()).importFile(file, org, level, "cli");
        } catch (InvalidValueException | SourceConflictException e) {
          throw new CliFailure(e.getMessage());
        }
        long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        PrintWriter err = spec.commandLine().getErr();
        for (FtmImport.Skipped s : outcome.skipped()) {
          err.println("skipped " + s);
        }
        err.println(
            "Imported "
                + outcome.entities()
                + " of "
                + outcome.lines()
                + " lines of "
                + file.getFileName()
                + " as source "
                + outcome.sourceId()
                + ": "
                + outcome.statements()
                + " statements, "
                + outcome.skipped().size()
                + " skipped, in "
                + millis
                + " ms ("
                + (outcome.lines() * 1000L / millis)
                + " lines/s).");
        err.flush();
        return outcome.skipped().isEmpty() ? 0 : 1;
      } finally {
        store.close();
      }
    }
  }
}
