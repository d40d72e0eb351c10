package io.lumbar.bench;

import io.lumbar.Main;
import io.lumbar.config.Config;
import io.lumbar.relevance.EvalCommand;
import io.lumbar.relevance.ImportEvalCommand;
import java.io.InputStream;
import picocli.CommandLine;

/**
 * {@code java -jar bench/target/lumbar-bench.jar [generate|bench|load|eval|eval-import] ...}: the
 * product's command line (same configuration, same commands) with the measuring commands added,
 * which the server's jar does not carry.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) {
    int exit;
    try {
      exit = commandLine(Config.fromEnvironment(), System.in).execute(args);
    } catch (Config.ConfigException e) {
      System.err.println("error: " + e.getMessage());
      exit = 2;
    }
    System.exit(exit);
  }

  /** The command line over this configuration; tests run commands through it. */
  public static CommandLine commandLine(Config config, InputStream stdin) {
    return Main.commandLine(config, stdin)
        .setCommandName("lumbar-bench")
        .addSubcommand(new GenerateCommand())
        .addSubcommand(new BenchCommand())
        .addSubcommand(new LoadCommand())
        .addSubcommand(new EvalCommand())
        .addSubcommand(new ImportEvalCommand());
  }
}
