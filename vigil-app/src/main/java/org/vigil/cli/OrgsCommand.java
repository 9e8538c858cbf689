/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vigil.access.Organization;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditEvent;
import org.vigil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vigil orgs}: organisations and their partnerships. */
@Command(
    name = "orgs",
    mixinStandardHelpOptions = true,
    description = "Adds and lists organisations; requires a second factor of their users.",
    subcommands = {
      OrgsCommand.Add.class,
      OrgsCommand.ListOrgs.class,
      OrgsCommand.RequireTotp.class
    })
final class OrgsCommand implements Runnable {
  @ParentCommand VigilCommand root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "name a subcommand: add, list or require-totp");
  }

  /** An organisation as listed. */
  record OrgRow(String id, String name, List<String> partners) {}

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Adds an organisation, optionally as a partner of existing ones.")
  static final class Add implements Callable<Integer> {
    @ParentCommand OrgsCommand orgs;
    @Spec CommandSpec spec;
    @Mixin StoreOptions storeOptions;

    @Parameters(paramLabel = "ID", description = "Short stable id, such as 'allied-svc'.")
    String id;

    @Option(names = "--name", required = true, description = "Full name.")
    String name;

    @Option(
        names = "--partner",
        paramLabel = "OTHER",
        description = "An existing organisation that becomes its partner (repeatable).")
    List<String> partners = new ArrayList<>();

    @Override
    public Integer call() {
      VigilCommand root = orgs.root;
      try (Store store = storeOptions.open(root)) {
        for (String partner : partners) {
          if (store.accounts().organization(partner).isEmpty()) {
            throw new CliFailure("no organisation '" + partner + "' to be a partner of");
          }
        }
        Organization org =
            store.audited(
                () -> {
                  Organization added = store.accounts().createOrganization(id, name);
                  for (String partner : partners) {
                    store.accounts().addPartners(added.id(), partner);
                  }
                  return added;
                },
                o ->
                    new AuditEvent(
                        "cli",
                        AuditAction.ADMIN,
                        o.id(),
                        "organisation added: "
                            + o.name()
                            + (partners.isEmpty() ? "" : "; partner of " + partners),
                        "cli",
                        root.clock().instant()));
        PrintWriter out = spec.commandLine().getOut();
        out.println(
            "Added organisation '"
                + org.id()
                + "'"
                + (partners.isEmpty() ? "" : ", partner of " + String.join(", ", partners))
                + ".");
        out.flush();
        return 0;
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists organisations.")
  static final class ListOrgs implements Callable<Integer> {
    @ParentCommand OrgsCommand orgs;
    @Spec CommandSpec spec;
    @Mixin StoreOptions storeOptions;

    @Option(
        names = "--format",
        defaultValue = "table",
        description = "table or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() {
      VigilCommand root = orgs.root;
      try (Store store = storeOptions.open(root)) {
        List<OrgRow> rows =
            store.accounts().organizations().stream()
                .map(o -> new OrgRow(o.id(), o.name(), List.copyOf(o.partners())))
                .toList();
        format.print(
            spec.commandLine().getOut(),
            rows,
            List.of("ID", "NAME", "PARTNERS"),
            r -> List.of(r.id(), r.name(), String.join(",", r.partners())));
        return 0;
      }
    }
  }

  @Command(
      name = "require-totp",
      mixinStandardHelpOptions = true,
      description =
          "Requires a second factor (TOTP) of every user of an organisation at sign-in; --off"
              + " stops requiring it. Enrol users first with: vigil users totp NAME.")
  static final class RequireTotp implements Callable<Integer> {
    @ParentCommand OrgsCommand orgs;
    @Spec CommandSpec spec;
    @Mixin StoreOptions storeOptions;

    @Parameters(paramLabel = "ID", description = "The organisation.")
    String id;

    @Option(names = "--off", description = "Stop requiring a second factor.")
    boolean off;

    @Override
    public Integer call() {
      VigilCommand root = orgs.root;
      try (Store store = storeOptions.open(root)) {
        if (store.accounts().organization(id).isEmpty()) {
          throw new CliFailure("no organisation '" + id + "'");
        }
        CliAudit.audited(
            store,
            root,
            id,
            off ? "second factor optional" : "second factor required",
            () -> store.accounts().setRequireTotp(id, !off));
        PrintWriter out = spec.commandLine().getOut();
        out.println(
            off
                ? "Organisation '" + id + "' no longer requires a second factor."
                : "Organisation '" + id + "' now requires a second factor at sign-in.");
        out.flush();
        return 0;
      }
    }
  }
}
