package io.lumbar.web;

/** The request needs a signed-in user: a login redirect for pages, 401 for the API. */
public final class Unauthenticated extends RuntimeException {
  public Unauthenticated() {
    super("Sign in first");
  }
}
