package io.lumbar.backup;

/**
 * A backup or restore that cannot go ahead, said in one line; a refused restore has written
 * nothing.
 */
public final class BackupException extends RuntimeException {
  BackupException(String message) {
    super(message);
  }

  /** The first line of an error's message, for a one-line report. */
  static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
