package io.lumbar.accounts;

import io.lumbar.web.Page;

/** The console's sign-in form; {@code error} says why the last attempt failed. */
public record LoginPage(String username, String next, String loginToken, String error)
    implements Page {
  @Override
  public String template() {
    return "accounts/login.jte";
  }
}
