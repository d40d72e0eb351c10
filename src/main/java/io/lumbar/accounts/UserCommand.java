package io.lumbar.accounts;

import io.lumbar.accounts.UserDao.Actor;
import io.lumbar.config.CommandContext;
import io.lumbar.web.BadRequestException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code lumbar user add|list|disable|enable|passwd|role}: console users from the command line. A
 * password is asked for twice on a terminal, or read as the first line of standard input (for
 * scripts); there is no default password. Changes are audited as {@code cli:<OS user>}.
 */
@Command(
    name = "user",
    description = "Manage console users.",
    subcommands = {
      UserCommand.Add.class,
      UserCommand.List.class,
      UserCommand.Disable.class,
      UserCommand.Enable.class,
      UserCommand.Passwd.class,
      UserCommand.SetRole.class
    })
public final class UserCommand implements Runnable {
  @ParentCommand CommandContext parent;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * A password from the terminal (typed twice) or the first line of stdin, checked against the
   * rules.
   */
  String readPassword(String name) {
    String password;
    try {
      Console console = System.console();
      if (console != null && parent.stdin() == System.in) {
        char[] first = console.readPassword("Password for %s: ", name);
        char[] again = console.readPassword("Same password again: ");
        if (first == null || !Arrays.equals(first, again)) {
          throw new BadRequestException("The two passwords differ");
        }
        password = new String(first);
      } else {
        password =
            new BufferedReader(new InputStreamReader(parent.stdin(), StandardCharsets.UTF_8))
                .readLine();
        if (password == null) {
          throw new BadRequestException("No password on standard input");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String problem = Passwords.problemWith(password);
    if (problem != null) {
      throw new BadRequestException(problem);
    }
    return password;
  }

  private abstract static class Sub implements Callable<Integer> {
    @ParentCommand UserCommand user;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      prepare();
      try (CommandContext.OpenDatabase opened = user.parent.openDatabase()) {
        run(new UserDao(opened.database()), Actor.cli(), spec.commandLine().getOut());
        return 0;
      }
    }

    /** What can be checked before the database is opened, e.g. a password read. */
    void prepare() {}

    abstract void run(UserDao users, Actor actor, PrintWriter out);
  }

  /** A command on one existing user, named first. */
  private abstract static class OnUser extends Sub {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;
  }

  @Command(
      name = "add",
      description = "Create a user; the password comes from a prompt or the first line of stdin.")
  static final class Add extends Sub {
    @Parameters(paramLabel = "NAME", description = "User name (1 to 100 characters, no spaces).")
    String name;

    @Option(
        names = "--admin",
        description = "Also manages users, the taxonomy's structure and synonyms.")
    boolean admin;

    private String password;

    @Override
    void prepare() {
      UserDao.checkName(name);
      password = user.readPassword(name);
    }

    @Override
    void run(UserDao users, Actor actor, PrintWriter out) {
      User created =
          users.create(name, Passwords.hash(password), admin ? Role.ADMIN : Role.EDITOR, actor);
      out.printf(
          "created %s %s (id %d)%n", created.role().column(), created.username(), created.id());
    }
  }

  @Command(
      name = "list",
      description =
          "Print every user: name, role, enabled/disabled, created, last sign-in, active sessions.")
  static final class List extends Sub {
    @Override
    void run(UserDao users, Actor actor, PrintWriter out) {
      for (UserSummary u : users.list()) {
        out.printf(
            "%s\t%s\t%s\tcreated %s\tlast sign-in %s\tactive sessions: %d%n",
            u.username(),
            u.roleName(),
            u.disabled() ? "disabled" : "enabled",
            UserSummary.shown(u.createdAt()),
            UserSummary.shown(u.lastSignIn()),
            u.activeSessions());
      }
    }
  }

  @Command(
      name = "disable",
      description = "Disable a user: signed out at once, and cannot sign in until enabled.")
  static final class Disable extends OnUser {
    @Override
    void run(UserDao users, Actor actor, PrintWriter out) {
      int ended = users.disable(users.get(name).id(), actor);
      out.printf("disabled %s (sessions ended: %d)%n", name, ended);
    }
  }

  @Command(name = "enable", description = "Let a disabled user sign in again.")
  static final class Enable extends OnUser {
    @Override
    void run(UserDao users, Actor actor, PrintWriter out) {
      users.enable(users.get(name).id(), actor);
      out.printf("enabled %s%n", name);
    }
  }

  @Command(
      name = "passwd",
      description = "Set a new password (prompt or first line of stdin); ends the user's sessions.")
  static final class Passwd extends OnUser {
    @Override
    void run(UserDao users, Actor actor, PrintWriter out) {
      long id = users.get(name).id();
      int ended = users.setPassword(id, Passwords.hash(user.readPassword(name)), actor, null);
      out.printf("changed the password of %s (sessions ended: %d)%n", name, ended);
    }
  }

  @Command(
      name = "role",
      description = "Make a user an editor or an admin; takes effect on their next request.")
  static final class SetRole extends OnUser {
    @Parameters(index = "1", paramLabel = "ROLE", description = "editor or admin")
    String role;

    private Role parsed;

    @Override
    void prepare() {
      parsed = Role.parse(role);
    }

    @Override
    void run(UserDao users, Actor actor, PrintWriter out) {
      users.setRole(users.get(name).id(), parsed, actor);
      out.printf("%s is now %s%n", name, parsed.column());
    }
  }
}
