package io.lumbar.importing;

/**
 * An article that cannot be imported as given (empty, unreadable, not text); the message says why.
 */
public class ImportException extends RuntimeException {
  public ImportException(String message) {
    super(message);
  }
}
