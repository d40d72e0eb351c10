package io.lumbar.db;

/** A database operation failed for a reason the caller cannot fix (a bug or a broken server). */
public class DataAccessException extends RuntimeException {
  public DataAccessException(String message, Throwable cause) {
    super(message, cause);
  }
}
