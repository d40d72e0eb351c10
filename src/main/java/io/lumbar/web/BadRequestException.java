package io.lumbar.web;

/** The request cannot be served as sent; the message tells the caller what to change. */
public class BadRequestException extends RuntimeException {
  public BadRequestException(String message) {
    super(message);
  }
}
