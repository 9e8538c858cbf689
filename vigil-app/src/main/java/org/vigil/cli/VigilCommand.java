/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.vigil.app.DataLocation;
import org.vigil.app.NameIdKeyFile;
import org.vigil.app.Version;
import org.vigil.evaluation.BenchCommand;
import org.vigil.evaluation.EvalCommand;
import org.vigil.evaluation.TrainCommand;
import org.vigil.store.Store;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vigil}: the root command. Run {@code vigil --help} for the list of commands. */
@Command(
    name = "vigil",
    mixinStandardHelpOptions = true,
    versionProvider = VigilCommand.VersionProvider.class,
    description = "Intelligence fusion for analysts who counter state-sponsored threat networks.",
    subcommands = {
      ServeCommand.class,
      DemoCommand.class,
      UsersCommand.class,
      OrgsCommand.class,
      ReindexCommand.class,
      AuditCommand.class,
      ListsCommand.class,
      ScreenCommand.class,
      NamesCommand.class,
      IngestCommand.class,
      DocumentsCommand.class,
      ExtractCommand.class,
      ResolveCommand.class,
      JudgeCommand.class,
      ClaimsCommand.class,
      GradeCommand.class,
      OriginLinkCommand.class,
      AssessCommand.class,
      AchCommand.class,
      AlertsCommand.class,
      JobsCommand.class,
      CaseCommand.class,
      TipsCommand.class,
      GraphCommand.class,
      ExportCommand.class,
      ImportCommand.class,
      TaxiiCommand.class,
      EvalCommand.class,
      BenchCommand.class,
      TrainCommand.class,
      CommandLine.HelpCommand.class
    })
public final class VigilCommand implements Runnable {
  @Spec CommandSpec spec;

  private final InputStream stdin;
  private final Function<String, Optional<String>> env;
  private final StoreClock clock;
  private final boolean terminal;

  VigilCommand(
      InputStream stdin, Function<String, Optional<String>> env, Clock clock, boolean terminal) {
    this.stdin = requireNonNull(stdin, "stdin");
    this.env = requireNonNull(env, "env");
    this.clock = new StoreClock(requireNonNull(clock, "clock"));
    this.terminal = terminal;
  }

  public static void main(String[] args) {
    // Stanford CoreNLP lowercases words with the default locale: under a Turkish or Azeri locale
    // "Iran" becomes "ıran" and its recogniser reads the country as a person. Vigil's own code
    // names Locale.ROOT everywhere; the process runs in the root locale so the libraries do too.
    Locale.setDefault(Locale.ROOT);
    int code =
        commandLine(
                System.in,
                name -> Optional.ofNullable(System.getenv(name)),
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8),
                System.console() != null)
            .execute(args);
    // serve and demo return only once the server has stopped; then the process ends.
    System.exit(code);
  }

  /**
   * A command line that reads {@code stdin} and the environment through {@code env} and writes to
   * {@code out} and {@code err}; tests run it in-process with their own.
   */
  public static CommandLine commandLine(
      InputStream stdin, Function<String, Optional<String>> env, PrintWriter out, PrintWriter err) {
    return commandLine(stdin, env, out, err, false);
  }

  /**
   * Like {@link #commandLine(InputStream, Function, PrintWriter, PrintWriter)}; {@code terminal}
   * says whether a person watches the output on a terminal (progress bars are drawn then).
   */
  public static CommandLine commandLine(
      InputStream stdin,
      Function<String, Optional<String>> env,
      PrintWriter out,
      PrintWriter err,
      boolean terminal) {
    CommandLine cli = new CommandLine(new VigilCommand(stdin, env, Clock.systemUTC(), terminal));
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(CliErrors::execution);
    cli.setParameterExceptionHandler(CliErrors::parameters);
    return cli;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command, such as serve");
  }

  Function<String, Optional<String>> env() {
    return env;
  }

  /** The machine's clock until a store is opened, then the store's (the database's). */
  Clock clock() {
    return clock;
  }

  /** Whether the output goes to a terminal that a person watches. */
  boolean terminal() {
    return terminal;
  }

  /**
   * Opens the store at {@code location}.
   *
   * @throws CliFailure naming the running server when the embedded database is held by another
   *     process
   */
  Store openStore(DataLocation location) {
    // Names read from text from now on get ids keyed with this data folder's secret.
    String nameIdKey = NameIdKeyFile.install(location.dataDir());
    Store store;
    try {
      Optional<
              java.util.function.Function<
                  org.vigil.search.SearchIndex.Resolver, org.vigil.search.SearchIndex>>
          search = SearchConfig.from(env).openSearch();
      store =
          search.isPresent()
              ? Store.open(location.storeConfig(), search.get())
              : Store.open(location.storeConfig());
    } catch (RuntimeException e) {
      throw RunningServer.explain(location, e, commandPath(), positionals()).orElseThrow(() -> e);
    }
    try {
      if (store.sharedKey(NameIdKeyFile.SHARED_NAME, nameIdKey).isPresent()) {
        throw new CliFailure(
            location.dataDir().resolve(NameIdKeyFile.FILE_NAME)
                + " is not the name id key this database's other processes use (the ids of names"
                + " read from text are keyed with it, so a node with another key gives the same"
                + " names other ids): copy name-id.key from the data folder of the first node or"
                + " process that used this database (docs/scaling.md) and start again");
      }
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    clock.follow(store.clock());
    return store;
  }

  /** The names of the command being run below vigil, such as [graph, path]. */
  private List<String> commandPath() {
    List<String> path = new java.util.ArrayList<>();
    picocli.CommandLine.ParseResult result = spec.commandLine().getParseResult();
    while (result != null && result.subcommand() != null) {
      result = result.subcommand();
      path.add(result.commandSpec().name());
    }
    return path;
  }

  /** The positional arguments of the command being run. */
  private List<String> positionals() {
    picocli.CommandLine.ParseResult result = spec.commandLine().getParseResult();
    while (result != null && result.subcommand() != null) {
      result = result.subcommand();
    }
    return result == null
        ? List.of()
        : result.matchedPositionals().stream().flatMap(p -> p.stringValues().stream()).toList();
  }

  /** The first line of standard input, for --password-stdin. */
  String readPasswordLine() {
    try {
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
      String line = reader.readLine();
      if (line == null) {
        throw new CliFailure("--password-stdin was given but standard input is empty");
      }
      return line;
    } catch (IOException e) {
      throw new CliFailure("cannot read the password from standard input: " + e.getMessage());
    }
  }

  /** Prints "vigil VERSION". */
  static final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"vigil " + Version.current()};
    }
  }
}
