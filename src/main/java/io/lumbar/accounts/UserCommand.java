package io.lumbar.accounts;

import io.lumbar.App.Backend;
import io.lumbar.Main;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
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
 * {@code lumbar user add NAME [--admin]}: creates an editor or admin. The password is asked for twice on a
 * terminal, or read as the first line of standard input (for scripts); there is no default password.
 */
@Command(name = "user", description = "Manage console users.", subcommands = UserCommand.Add.class)
public final class UserCommand implements Runnable {
  @ParentCommand
  Main parent;

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "add", description = "Create a user; the password comes from a prompt or the first line of stdin.")
  static final class Add implements Callable<Integer> {
    @ParentCommand
    UserCommand user;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "User name (1 to 100 characters, no spaces).")
    String name;

    @Option(names = "--admin", description = "Also manages users, the taxonomy's structure and synonyms.")
    boolean admin;

    @Override
    public Integer call() throws IOException {
      if (!name.matches("[\\p{L}\\p{N}._@-]{1,100}")) {
        throw new IllegalArgumentException("A user name is 1 to 100 letters, digits or . _ @ -");
      }
      String password = readPassword();
      String problem = Passwords.problemWith(password);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
      try (Backend backend = Backend.open(user.parent.config(), false)) {
        User created = new UserDao(backend.database()).create(name, Passwords.hash(password), admin ? Role.ADMIN : Role.EDITOR);
        new AuditTrail(backend.database()).record("cli", "create user", "user", created.id());
        spec.commandLine().getOut().printf("created %s %s (id %d)%n", admin ? "admin" : "editor", created.username(), created.id());
        return 0;
      }
    }

    private String readPassword() throws IOException {
      Console console = System.console();
      if (console != null && user.parent.stdin() == System.in) {
        char[] first = console.readPassword("Password for %s: ", name);
        char[] again = console.readPassword("Same password again: ");
        if (first == null || !Arrays.equals(first, again)) {
          throw new IllegalArgumentException("The two passwords differ");
        }
        return new String(first);
      }
      String line = new BufferedReader(new InputStreamReader(user.parent.stdin(), StandardCharsets.UTF_8)).readLine();
      if (line == null) {
        throw new IllegalArgumentException("No password on standard input");
      }
      return line;
    }
  }
}
