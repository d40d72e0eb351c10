package io.lumbar.db;

/**
 * The database rolled a transaction back because another one touched the same rows at the same
 * time.
 */
public final class ConcurrentChangeException extends DataAccessException {
  public ConcurrentChangeException(String message, Throwable cause) {
    super(message, cause);
  }
}
