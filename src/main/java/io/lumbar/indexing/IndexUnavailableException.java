package io.lumbar.indexing;

/** The index folder cannot be opened or written. */
public class IndexUnavailableException extends RuntimeException {
  public IndexUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
