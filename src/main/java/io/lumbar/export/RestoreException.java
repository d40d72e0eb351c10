package io.lumbar.export;

/** A restore that cannot go ahead; the message names the line at fault, and nothing was written. */
public final class RestoreException extends RuntimeException {
  RestoreException(String message) {
    super(message);
  }
}
