/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.vigil.access.Role;
import org.vigil.access.User;
import org.vigil.app.DataLocation;
import org.vigil.auth.ApiTokens;
import org.vigil.auth.PasswordHasher;
import org.vigil.auth.PasswordRules;
import org.vigil.auth.Secrets;
import org.vigil.model.InvalidValueException;
import org.vigil.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code vigil users}: accounts. Every change is written to the audit log with actor "cli". */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = "Adds, lists and changes users; issues API tokens.",
    subcommands = {
      UsersCommand.Add.class,
      UsersCommand.ListUsers.class,
      UsersCommand.Passwd.class,
      UsersCommand.Token.class
    })
final class UsersCommand implements Runnable {
  @ParentCommand VigilCommand root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "name a subcommand: add, list, passwd or token");
  }

  /** A user as listed. */
  record UserRow(
      String id, String username, String org, String role, boolean enabled, Instant createdAt) {
    static UserRow of(User u) {
      return new UserRow(
          u.id(), u.username(), u.orgId(), u.role().code(), u.enabled(), u.createdAt());
    }
  }

  static User expectUser(Store store, String username) {
    return store
        .accounts()
        .userByName(username)
        .orElseThrow(() -> new CliFailure("no user named '" + username + "'"));
  }

  /** The password from stdin (checked), or a generated one that the caller must print. */
  static String newPassword(VigilCommand root, boolean fromStdin) {
    return fromStdin ? PasswordRules.checkNew(root.readPasswordLine()) : Secrets.newPassword();
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds a user.")
  static final class Add implements java.util.concurrent.Callable<Integer> {
    @ParentCommand UsersCommand users;
    @Spec CommandSpec spec;
    @Mixin StoreOptions storeOptions;

    @Parameters(paramLabel = "NAME", description = "The username.")
    String username;

    @Option(names = "--org", required = true, paramLabel = "ORG", description = "Organisation id.")
    String org;

    @Option(
        names = "--role",
        defaultValue = "analyst",
        paramLabel = "ROLE",
        description = "admin, analyst or viewer (default: ${DEFAULT-VALUE}).")
    String role;

    @Option(
        names = "--password-stdin",
        description = "Read the password (at least 12 characters) from standard input.")
    boolean passwordStdin;

    @Override
    public Integer call() {
      VigilCommand root = users.root;
      Role parsedRole;
      try {
        parsedRole = Role.parse(role);
      } catch (InvalidValueException e) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      String password = newPassword(root, passwordStdin);
      Store store =
          root.openStore(storeOptions.location(DataLocation.DEFAULT_DATA_DIR, root.env()));
      try {
        if (store.accounts().organization(org).isEmpty()) {
          throw new CliFailure("no organisation '" + org + "'; add it with: vigil orgs add " + org);
        }
        User user =
            store
                .accounts()
                .createUser(username, org, parsedRole, PasswordHasher.standard().hash(password));
        CliAudit.admin(
            store, root, user.username(), "user added (" + parsedRole.code() + " in " + org + ")");
        PrintWriter out = spec.commandLine().getOut();
        out.println(
            "Added user '" + user.username() + "' (" + parsedRole.code() + ", " + org + ").");
        if (!passwordStdin) {
          out.println("Password (shown only this once): " + password);
        }
        out.flush();
        return 0;
      } finally {
        store.close();
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the users.")
  static final class ListUsers implements java.util.concurrent.Callable<Integer> {
    @ParentCommand UsersCommand users;
    @Spec CommandSpec spec;
    @Mixin StoreOptions storeOptions;

    @Option(
        names = "--format",
        defaultValue = "table",
        description = "table or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() {
      VigilCommand root = users.root;
      Store store =
          root.openStore(storeOptions.location(DataLocation.DEFAULT_DATA_DIR, root.env()));
      try {
        List<UserRow> rows = store.accounts().users().stream().map(UserRow::of).toList();
        format.print(
            spec.commandLine().getOut(),
            rows,
            List.of("USERNAME", "ORG", "ROLE", "ENABLED", "CREATED"),
            r ->
                List.of(
                    r.username(),
                    r.org(),
                    r.role(),
                    r.enabled() ? "yes" : "no",
                    r.createdAt().toString()));
        return 0;
      } finally {
        store.close();
      }
    }
  }

  @Command(
      name = "passwd",
      mixinStandardHelpOptions = true,
      description = "Sets a new password for a user (generated and printed unless given on stdin).")
  static final class Passwd implements java.util.concurrent.Callable<Integer> {
    @ParentCommand UsersCommand users;
    @Spec CommandSpec spec;
    @Mixin StoreOptions storeOptions;

    @Parameters(paramLabel = "NAME", description = "The username.")
    String username;

    @Option(names = "--password-stdin", description = "Read the new password from standard input.")
    boolean passwordStdin;

    @Override
    public Integer call() {
      VigilCommand root = users.root;
      String password = newPassword(root, passwordStdin);
      Store store =
          root.openStore(storeOptions.location(DataLocation.DEFAULT_DATA_DIR, root.env()));
      try {
        User user = expectUser(store, username);
        store.accounts().setPasswordHash(user.id(), PasswordHasher.standard().hash(password));
        CliAudit.admin(store, root, user.username(), "password changed");
        PrintWriter out = spec.commandLine().getOut();
        out.println("Changed the password of '" + user.username() + "'.");
        if (!passwordStdin) {
          out.println("New password (shown only this once): " + password);
        }
        out.flush();
        return 0;
      } finally {
        store.close();
      }
    }
  }

  @Command(
      name = "token",
      mixinStandardHelpOptions = true,
      description = "Creates an API token for a user and prints it once.")
  static final class Token implements java.util.concurrent.Callable<Integer> {
    @ParentCommand UsersCommand users;
    @Spec CommandSpec spec;
    @Mixin StoreOptions storeOptions;

    @Parameters(paramLabel = "NAME", description = "The username.")
    String username;

    @Option(names = "--label", defaultValue = "cli", description = "What the token is for.")
    String label;

    @Option(
        names = "--days",
        defaultValue = "90",
        description = "Days until it expires, 1 to 3650 (default: ${DEFAULT-VALUE}).")
    int days;

    @Override
    public Integer call() {
      VigilCommand root = users.root;
      if (days < 1 || days > 3650) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "--days " + days + " is outside 1..3650");
      }
      Store store =
          root.openStore(storeOptions.location(DataLocation.DEFAULT_DATA_DIR, root.env()));
      try {
        User user = expectUser(store, username);
        String token =
            ApiTokens.issue(store.accounts(), user, label, Duration.ofDays(days), root.clock());
        CliAudit.admin(
            store, root, user.username(), "API token '" + label + "' issued for " + days + " days");
        PrintWriter out = spec.commandLine().getOut();
        out.println(token);
        out.flush();
        spec.commandLine()
            .getErr()
            .println(
                "API token for '"
                    + user.username()
                    + "', valid "
                    + days
                    + " days; it is shown only this once. Send it as 'Authorization: Bearer"
                    + " <token>'.");
        return 0;
      } finally {
        store.close();
      }
    }
  }
}
