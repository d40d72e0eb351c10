package io.lumbar.web;

/** The signed-in user may not do this (403), or a form's CSRF token did not match. */
public final class Forbidden extends RuntimeException {
  public Forbidden(String message) {
    super(message);
  }
}
