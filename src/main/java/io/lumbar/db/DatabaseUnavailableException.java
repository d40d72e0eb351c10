package io.lumbar.db;

/** The database cannot be reached right now; callers answer 503 and try again later. */
public class DatabaseUnavailableException extends DataAccessException {
  public DatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
