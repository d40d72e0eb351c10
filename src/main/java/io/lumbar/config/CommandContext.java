package io.lumbar.config;

import io.lumbar.db.Database;
import java.io.InputStream;

/**
 * What the command line hands every command: the configuration, standard input, and the configured
 * database. A command takes it with {@code @ParentCommand CommandContext parent}, so no feature
 * depends on the entry point that lists the commands.
 */
public interface CommandContext {
  Config config();

  /** Where passwords and other answers are read from: {@code System.in}, or what a test gives. */
  InputStream stdin();

  /**
   * The configured database (an embedded one when none is configured), open until the handle is
   * closed.
   */
  OpenDatabase openDatabase();

  /** A database a command opened; closing it closes what was started for it. */
  interface OpenDatabase extends AutoCloseable {
    Database database();

    @Override
    void close();
  }

  /** The first line of a failure's message: what an operator reads after {@code error:}. */
  static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
