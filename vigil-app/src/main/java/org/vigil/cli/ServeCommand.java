/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.vigil.app.DataLocation;
import org.vigil.app.FirstStart;
import org.vigil.app.Version;
import org.vigil.auth.PasswordHasher;
import org.vigil.documents.IngestProgress;
import org.vigil.http.ServerSettings;
import org.vigil.sharing.TaxiiPartner;
import org.vigil.sharing.TaxiiPullSchedule;
import org.vigil.store.Store;
import org.vigil.tips.IntakeLimits;
import org.vigil.tips.IntakeSettings;
import org.vigil.watchlists.ListLibrary;
import org.vigil.watchlists.ListScreening;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vigil serve}: the HTTP API. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the HTTP API until stopped (Ctrl-C).",
      "On the first start, with no users yet, creates the organisation given by --org and a user"
          + " 'admin' whose password is taken from $VIGIL_ADMIN_PASSWORD or generated and printed"
          + " once."
    })
final class ServeCommand implements java.util.concurrent.Callable<Integer> {
  @ParentCommand VigilCommand root;
  @Spec CommandSpec spec;
  @Mixin StoreOptions storeOptions;
  @Mixin IngestLimitOptions limitOptions;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "TCP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1",
      paramLabel = "ADDRESS",
      description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all).")
  String bind;

  @Option(
      names = "--org",
      defaultValue = "local",
      description = "Organisation of the first administrator (default: ${DEFAULT-VALUE}).")
  String org;

  @Option(
      names = "--max-body",
      defaultValue = "10485760",
      paramLabel = "BYTES",
      description =
          "Largest request body accepted, so also the largest upload of documents (default:"
              + " ${DEFAULT-VALUE}).")
  long maxBody;

  @Option(
      names = "--trusted-proxy",
      paramLabel = "ADDRESS",
      split = ",",
      description =
          "IP address of a reverse proxy in front of Vigil (repeatable): only from it are"
              + " X-Forwarded-For (the client's address, for throttling and the audit log) and"
              + " X-Forwarded-Proto believed. Default: none ($VIGIL_TRUSTED_PROXIES).")
  List<String> trustedProxies = new ArrayList<>();

  @Option(
      names = "--secure-cookies",
      description =
          "Always mark the session cookie Secure, as behind a proxy that ends TLS"
              + " ($VIGIL_SECURE_COOKIES=true).")
  boolean secureCookies;

  @Option(
      names = "--session-idle",
      paramLabel = "MINUTES",
      defaultValue = "30",
      description = "Minutes after which an unused session ends (default: ${DEFAULT-VALUE}).")
  int sessionIdleMinutes;

  @Option(
      names = "--lists-update-every",
      paramLabel = "HOURS",
      defaultValue = "24",
      description =
          "Hours between the server's own 'lists update' runs, after which the stored entities are"
              + " screened again and alerts raised; 0 for never (default: ${DEFAULT-VALUE}).")
  int listsUpdateHours;

  @Option(
      names = "--intake-port",
      paramLabel = "PORT",
      description =
          "Port of the public tip line, a listener of its own serving only the intake form; off"
              + " unless given. Needs the tip team's public key (vigil tips keygen).")
  Integer intakePort;

  @Option(
      names = "--intake-bind",
      defaultValue = "127.0.0.1",
      paramLabel = "ADDRESS",
      description =
          "Address the tip line listens on, apart from --bind (default: ${DEFAULT-VALUE}, e.g."
              + " for an onion service on this machine).")
  String intakeBind;

  @Option(
      names = "--intake-difficulty",
      paramLabel = "BITS",
      defaultValue = "4",
      description =
          "The tip line's proof-of-work at rest: zero bits per puzzle, 4 puzzles (each bit doubles"
              + " a browser's work; it rises by up to 3 bits by itself under load; default:"
              + " ${DEFAULT-VALUE}).")
  int intakeDifficulty;

  @Option(
      names = "--intake-tips-per-minute",
      paramLabel = "N",
      defaultValue = "30",
      description =
          "Tips the tip line accepts in any minute with a proof-of-work; those sent without"
              + " JavaScript have a budget of their own, a fifth of it (default: ${DEFAULT-VALUE}).")
  int intakeTipsPerMinute;

  @Option(
      names = "--tip-key",
      paramLabel = "FILE",
      description =
          "The tip team's private key (made by vigil tips keygen): with it this server opens tips"
              + " for tip handlers. Keep it off the machine that runs the public tip line; see"
              + " docs/tips.md.")
  Path tipKey;

  @Option(
      names = "--taxii-partners",
      paramLabel = "FILE",
      description =
          "Partners' TAXII 2.1 collections to pull on their schedules (JSON; docs/sharing.md), as"
              + " jobs of the store's queue.")
  Path taxiiPartners;

  @Option(
      names = "--tip-retention-days",
      paramLabel = "DAYS",
      description =
          "Days a tip not released into a case is kept before it is deleted with its thread,"
              + " attachments and triage (default: VIGIL_TIP_RETENTION_DAYS, else 90).")
  Integer tipRetentionDays;

  /** Starts the partners' pulls once the store is open; stopped when the process stops. */
  private void pullPartners(Store store, Map<String, TaxiiPartner> partners) {
    if (partners.isEmpty()) {
      return;
    }
    TaxiiPullSchedule schedule =
        TaxiiPullSchedule.start(store, partners, root.env(), root.clock(), Duration.ofSeconds(30));
    Runtime.getRuntime().addShutdownHook(new Thread(schedule::close, "vigil-taxii-stop"));
  }

  private Optional<IntakeSettings> intake(Path dataDir) {
    if (intakePort == null) {
      return Optional.empty();
    }
    Serving.checkPort(spec, intakePort);
    if (intakePort != 0 && intakePort == port) {
      throw new ParameterException(
          spec.commandLine(), "--intake-port must differ from --port: the tip line is apart");
    }
    if (intakeDifficulty < 0 || intakeDifficulty > 16 || intakeTipsPerMinute < 1) {
      throw new ParameterException(
          spec.commandLine(),
          "--intake-difficulty is 0 to 16 bits and --intake-tips-per-minute at least 1");
    }
    return Optional.of(
        IntakeSettings.of(org, intakeBind, intakePort, dataDir)
            .withLimits(
                IntakeLimits.DEFAULT
                    .withPowBits(intakeDifficulty)
                    .withTipsPerMinute(intakeTipsPerMinute, Math.max(1, intakeTipsPerMinute / 5))));
  }

  private Duration sessionIdle() {
    if (sessionIdleMinutes < 1 || sessionIdleMinutes > 24 * 60) {
      throw new ParameterException(spec.commandLine(), "--session-idle must be 1 to 1440 minutes");
    }
    return Duration.ofMinutes(sessionIdleMinutes);
  }

  private Duration listsUpdateEvery() {
    if (listsUpdateHours < 0 || listsUpdateHours > 24 * 366) {
      throw new ParameterException(
          spec.commandLine(), "--lists-update-every must be 0 to 8784 hours");
    }
    return Duration.ofHours(listsUpdateHours);
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    DataLocation location = storeOptions.location(DataLocation.DEFAULT_DATA_DIR, root.env());
    ServerSettings settings = settings();
    Map<String, TaxiiPartner> partners;
    try {
      partners = taxiiPartners == null ? Map.of() : TaxiiPartner.read(taxiiPartners);
    } catch (org.vigil.model.InvalidValueException e) {
      throw new ParameterException(spec.commandLine(), "--taxii-partners: " + e.getMessage());
    }
    out.println("Data: " + location.describe());
    // The screener is built while the server starts; the first screening request waits for it.
    ListScreening screening = ListScreening.over(ListLibrary.in(location.dataDir()));
    screening.prepareInBackground();
    return Serving.run(
        location.dataDir(),
        () -> {
          Store store = root.openStore(location);
          try {
            FirstStart.ensureAdministrator(
                store,
                org,
                root.env().apply("VIGIL_ADMIN_PASSWORD").filter(p -> !p.isEmpty()),
                PasswordHasher.standard(),
                root.clock(),
                out);
            pullPartners(store, partners);
            return store;
          } catch (RuntimeException e) {
            store.close();
            throw e;
          }
        },
        settings,
        screening,
        IngestProgress.none(),
        intake(location.dataDir()),
        root.clock(),
        out);
  }

  /** The listener's settings from the options and the environment, checked. */
  private ServerSettings settings() {
    Serving.checkPort(spec, port);
    if (maxBody < 1) {
      throw new ParameterException(spec.commandLine(), "--max-body must be positive");
    }
    Set<String> proxies = new TreeSet<>(trustedProxies);
    root.env()
        .apply("VIGIL_TRUSTED_PROXIES")
        .ifPresent(
            v ->
                Arrays.stream(v.split(","))
                    .map(String::strip)
                    .filter(a -> !a.isEmpty())
                    .forEach(proxies::add));
    boolean secure =
        secureCookies
            || root.env()
                .apply("VIGIL_SECURE_COOKIES")
                .filter("true"::equalsIgnoreCase)
                .isPresent();
    ServerSettings settings =
        ServerSettings.of(bind, port, Version.current())
            .withMaxBodyBytes(maxBody)
            .withIngestLimits(limitOptions.limits(spec))
            .withTrustedProxies(proxies)
            .withSecureCookies(secure)
            .withSessionIdle(sessionIdle())
            .withListsUpdateEvery(listsUpdateEvery());
    if (tipKey != null) {
      settings = settings.withTipKey(tipKey);
    }
    return settings.withTipRetentionDays(tipRetentionDays());
  }

  private int tipRetentionDays() {
    String given =
        tipRetentionDays != null
            ? tipRetentionDays.toString()
            : root.env()
                .apply("VIGIL_TIP_RETENTION_DAYS")
                .orElse(Integer.toString(ServerSettings.DEFAULT_TIP_RETENTION_DAYS));
    try {
      int days = Integer.parseInt(given.strip());
      if (days >= 1 && days <= 36_500) {
        return days;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new ParameterException(
        spec.commandLine(),
        "--tip-retention-days (or VIGIL_TIP_RETENTION_DAYS) is a number of days from 1 to 36500,"
            + " not '"
            + given
            + "'");
  }
}
