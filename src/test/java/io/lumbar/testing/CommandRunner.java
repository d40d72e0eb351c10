package io.lumbar.testing;

import io.lumbar.Main;
import io.lumbar.config.Config;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.BiFunction;
import picocli.CommandLine;

/**
 * Runs {@code lumbar} commands as an operator would, over a configuration, keeping what they print.
 */
public final class CommandRunner {
  private final Config config;
  private final java.io.InputStream stdin;
  private final BiFunction<Config, java.io.InputStream, CommandLine> commandLine;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  public CommandRunner(Config config) {
    this(config, System.in);
  }

  /** Commands that read standard input (passwords) read {@code stdin}. */
  public CommandRunner(Config config, java.io.InputStream stdin) {
    this(config, stdin, Main::commandLine);
  }

  /** Runs the commands of another command line over the same configuration (bench/'s). */
  public CommandRunner(
      Config config,
      java.io.InputStream stdin,
      BiFunction<Config, java.io.InputStream, CommandLine> commandLine) {
    this.config = config;
    this.stdin = stdin;
    this.commandLine = commandLine;
  }

  /** Runs one command line; returns its exit code. Output accumulates across runs. */
  public int run(String... args) {
    CommandLine cli = commandLine.apply(config, stdin);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  public String out() {
    return out.toString();
  }

  public String err() {
    return err.toString();
  }

  public void clear() {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
  }
}
