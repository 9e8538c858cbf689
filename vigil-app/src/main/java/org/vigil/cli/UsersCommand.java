/* SPDX-License-Identifier: GPL-3.0-or-later */
package org.vigil.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vigil.access.Permission;
import org.vigil.access.Role;
import org.vigil.access.User;
import org.vigil.audit.AuditAction;
import org.vigil.audit.AuditEvent;
import org.vigil.auth.ApiTokens;
import org.vigil.auth.PasswordHasher;
import org.vigil.auth.PasswordRules;
import org.vigil.auth.Secrets;
import org.vigil.auth.Totp;
import org.vigil.model.InvalidValueException;
import org.vigil.store.AccountRepository;
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
    description =
        "Adds, lists, disables and changes users; issues, lists and revokes API tokens; lists and"
            + " ends sessions; enrols a second factor.",
    subcommands = {
      UsersCommand.Add.class,
      UsersCommand.ListUsers.class,
      UsersCommand.Passwd.class,
      UsersCommand.Token.class,
      UsersCommand.Disable.class,
      UsersCommand.Enable.class,
      UsersCommand.Tokens.class,
      UsersCommand.Sessions.class,
      UsersCommand.TotpCommand.class
    })
final class UsersCommand implements Runnable {
  @ParentCommand VigilCommand root;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(),
        "name a subcommand: add, list, passwd, token, tokens, sessions, disable, enable or totp");
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
        description = "admin, analyst, viewer or tip_handler (default: ${DEFAULT-VALUE}).")
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
      Store store = storeOptions.open(root);
      try {
        if (store.accounts().organization(org).isEmpty()) {
          throw new CliFailure("no organisation '" + org + "'; add it with: vigil orgs add " + org);
        }
        String hash = PasswordHasher.standard().hash(password);
        User user =
            store.audited(
                () -> store.accounts().createUser(username, org, parsedRole, hash),
                u ->
                    new AuditEvent(
                        "cli",
                        AuditAction.ADMIN,
                        u.username(),
                        "user added (" + parsedRole.code() + " in " + org + ")",
                        "cli",
                        root.clock().instant()));
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
      Store store = storeOptions.open(root);
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
      Store store = storeOptions.open(root);
      try {
        User user = expectUser(store, username);
        if (passwordStdin) {
          PasswordRules.checkNew(password, user.username());
        }
        String hash = PasswordHasher.standard().hash(password);
        CliAudit.audited(
            store,
            root,
            user.username(),
            "password changed; sessions and API tokens ended",
            () -> store.accounts().changePassword(user.id(), hash, Optional.empty()));
        PrintWriter out = spec.commandLine().getOut();
        out.println(
            "Changed the password of '"
                + user.username()
                + "'; their sessions and API tokens are ended.");
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

    @Option(
        names = "--scope",
        split = ",",
        paramLabel = "PERMISSION",
        description =
            "Limit the token to these permissions of the user's role: read, screen, write, judge,"
                + " export, admin (repeatable; default: all of the role). --scope read makes a"
                + " read-only token.")
    List<String> scopes = new ArrayList<>();

    @Override
    public Integer call() {
      VigilCommand root = users.root;
      if (days < 1 || days > 3650) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "--days " + days + " is outside 1..3650");
      }
      Store store = storeOptions.open(root);
      try {
        User user = expectUser(store, username);
        Set<Permission> scoped;
        try {
          scoped = ApiTokens.parseScopes(scopes);
        } catch (InvalidValueException e) {
          throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        String token =
            store.audited(
                () ->
                    ApiTokens.issue(
                        store.accounts(), user, label, Duration.ofDays(days), scoped, root.clock()),
                t ->
                    new AuditEvent(
                        "cli",
                        AuditAction.ADMIN,
                        user.username(),
                        "API token '"
                            + label
                            + "' issued for "
                            + days
                            + " days, scopes "
                            + (scoped.isEmpty() ? "all" : scoped.toString()),
                        "cli",
                        root.clock().instant()));
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

  /** Options shared by the subcommands that act on one user. */
  abstract static class OnUser implements java.util.concurrent.Callable<Integer> {
    @ParentCommand UsersCommand users;
    @Spec CommandSpec spec;
    @Mixin StoreOptions storeOptions;

    @Parameters(paramLabel = "NAME", description = "The username.")
    String username;

    @Override
    public Integer call() {
      VigilCommand root = users.root;
      Store store = storeOptions.open(root);
      try {
        User user = expectUser(store, username);
        PrintWriter out = spec.commandLine().getOut();
        int code = on(store, root, user, out);
        out.flush();
        return code;
      } finally {
        store.close();
      }
    }

    abstract int on(Store store, VigilCommand root, User user, PrintWriter out);
  }

  @Command(
      name = "disable",
      mixinStandardHelpOptions = true,
      description = "Disables a user: they cannot sign in, their sessions end, their tokens stop.")
  static final class Disable extends OnUser {
    @Override
    int on(Store store, VigilCommand root, User user, PrintWriter out) {
      CliAudit.audited(
          store,
          root,
          user.username(),
          "user disabled; sessions ended",
          () -> store.accounts().setEnabled(user.id(), false));
      out.println("Disabled '" + user.username() + "'; their sessions are ended.");
      return 0;
    }
  }

  @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enables a user again.")
  static final class Enable extends OnUser {
    @Override
    int on(Store store, VigilCommand root, User user, PrintWriter out) {
      CliAudit.audited(
          store,
          root,
          user.username(),
          "user enabled",
          () -> store.accounts().setEnabled(user.id(), true));
      out.println("Enabled '" + user.username() + "'.");
      return 0;
    }
  }

  @Command(
      name = "tokens",
      mixinStandardHelpOptions = true,
      description = "Lists a user's API tokens (never the tokens themselves), or revokes one.")
  static final class Tokens extends OnUser {
    @Option(names = "--revoke", paramLabel = "ID", description = "Revoke the token with this id.")
    Optional<String> revoke = Optional.empty();

    @Override
    int on(Store store, VigilCommand root, User user, PrintWriter out) {
      if (revoke.isPresent()) {
        String id = revoke.get();
        boolean[] done = new boolean[1];
        CliAudit.audited(
            store,
            root,
            user.username(),
            "API token " + id + " revoked",
            () -> done[0] = store.accounts().deleteApiToken(user.id(), id));
        if (!done[0]) {
          throw new CliFailure("'" + user.username() + "' has no API token " + id);
        }
        out.println("Revoked API token " + id + " of '" + user.username() + "'.");
        return 0;
      }
      out.println("ID\tLABEL\tCREATED\tEXPIRES\tSCOPES");
      for (AccountRepository.TokenInfo t :
          store.accounts().apiTokens(user.id(), root.clock().instant())) {
        out.println(
            t.id()
                + "\t"
                + t.label()
                + "\t"
                + t.createdAt()
                + "\t"
                + t.expiresAt()
                + "\t"
                + (t.scopes().isEmpty() ? "all" : String.join(",", t.scopes())));
      }
      return 0;
    }
  }

  @Command(
      name = "sessions",
      mixinStandardHelpOptions = true,
      description = "Lists a user's sessions, or ends one (--end ID) or all (--end-all).")
  static final class Sessions extends OnUser {
    @Option(names = "--end", paramLabel = "ID", description = "End the session with this id.")
    Optional<String> end = Optional.empty();

    @Option(names = "--end-all", description = "End every session of the user.")
    boolean endAll;

    @Override
    int on(Store store, VigilCommand root, User user, PrintWriter out) {
      List<AccountRepository.SessionInfo> sessions =
          store.accounts().sessions(user.id(), root.clock().instant());
      if (endAll || end.isPresent()) {
        List<String> ids =
            endAll
                ? sessions.stream().map(AccountRepository.SessionInfo::id).toList()
                : List.of(end.get());
        int[] ended = new int[1];
        CliAudit.audited(
            store,
            root,
            user.username(),
            "sessions ended: " + String.join(", ", ids),
            () ->
                ids.forEach(
                    id -> ended[0] += store.accounts().deleteSession(user.id(), id) ? 1 : 0));
        if (end.isPresent() && ended[0] == 0) {
          throw new CliFailure("'" + user.username() + "' has no session " + end.get());
        }
        out.println("Ended " + ended[0] + " session(s) of '" + user.username() + "'.");
        return 0;
      }
      out.println("ID\tCREATED\tLAST SEEN\tEXPIRES\tADDRESS");
      for (AccountRepository.SessionInfo s : sessions) {
        out.println(
            s.id()
                + "\t"
                + s.createdAt()
                + "\t"
                + s.lastSeenAt()
                + "\t"
                + s.expiresAt()
                + "\t"
                + s.remoteAddress());
      }
      return 0;
    }
  }

  @Command(
      name = "totp",
      mixinStandardHelpOptions = true,
      description = {
        "Enrols a second factor (TOTP, RFC 6238) for a user and prints its secret and otpauth://"
            + " URI once, for their authenticator app; --remove takes it away.",
        "For users of an organisation that requires a second factor and who cannot sign in to"
            + " enrol themselves (POST /api/v1/me/totp)."
      })
  static final class TotpCommand extends OnUser {
    @Option(names = "--remove", description = "Remove the user's second factor.")
    boolean remove;

    @Override
    int on(Store store, VigilCommand root, User user, PrintWriter out) {
      if (remove) {
        CliAudit.audited(
            store,
            root,
            user.username(),
            "second factor removed",
            () -> store.accounts().removeTotp(user.id()));
        out.println("Removed the second factor of '" + user.username() + "'.");
        return 0;
      }
      String secret = Totp.newSecret();
      CliAudit.audited(
          store,
          root,
          user.username(),
          "second factor enrolled by the command line",
          () -> {
            store.accounts().setPendingTotp(user.id(), Optional.of(secret));
            store.accounts().confirmTotp(user.id());
          });
      out.println("Second factor of '" + user.username() + "' (shown only this once):");
      out.println("secret: " + secret);
      out.println("uri: " + Totp.uri("Vigil", user.username(), secret));
      return 0;
    }
  }
}
