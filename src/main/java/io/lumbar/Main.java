package io.lumbar;

import io.lumbar.accounts.UserCommand;
import io.lumbar.backup.BackupCommand;
import io.lumbar.cli.Backend;
import io.lumbar.cli.CheckCommand;
import io.lumbar.cli.ImportCommand;
import io.lumbar.cli.ReindexCommand;
import io.lumbar.cli.SynonymsCommand;
import io.lumbar.config.CommandContext;
import io.lumbar.config.Config;
import io.lumbar.export.ExportCommand;
import io.lumbar.export.RestoreCommand;
import io.lumbar.server.ServeCommand;
import java.io.InputStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar lumbar.jar [serve|import|reindex|synonyms|user|export|backup|restore|check]
 * ...}; with no command it serves. The measuring commands (eval, generate, bench, load) are in
 * bench/'s own jar.
 */
@Command(
    name = "lumbar",
    mixinStandardHelpOptions = true,
    version = "Lumbar 0.1",
    description = "Searchable passages about lower back pain, with an editors' console.",
    subcommands = {
      ServeCommand.class,
      ImportCommand.class,
      ReindexCommand.class,
      SynonymsCommand.class,
      UserCommand.class,
      ExportCommand.class,
      BackupCommand.class,
      RestoreCommand.class,
      CheckCommand.class
    })
public final class Main implements Runnable, CommandContext {
  private final Config config;
  private final InputStream stdin;

  public Main(Config config) {
    this(config, System.in);
  }

  public Main(Config config, InputStream stdin) {
    this.config = config;
    this.stdin = stdin;
  }

  public static void main(String[] args) {
    int exit;
    try {
      exit =
          commandLine(Config.fromEnvironment())
              .execute(args.length == 0 ? new String[] {"serve"} : args);
    } catch (Config.ConfigException e) {
      System.err.println("error: " + e.getMessage());
      exit = 2;
    }
    System.exit(exit);
  }

  /** The command line over this configuration; tests run commands through it. */
  public static CommandLine commandLine(Config config) {
    return commandLine(config, System.in);
  }

  /** The same, reading what commands need from standard input (passwords) from {@code stdin}. */
  public static CommandLine commandLine(Config config, InputStream stdin) {
    CommandLine cli = new CommandLine(new Main(config, stdin));
    // Every failure is one line for the operator; the details go to the log.
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("error: " + CommandContext.oneLine(e));
          return 1;
        });
    return cli;
  }

  @Override
  public Config config() {
    return config;
  }

  @Override
  public InputStream stdin() {
    return stdin;
  }

  @Override
  public OpenDatabase openDatabase() {
    return Backend.open(config, false);
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }
}
