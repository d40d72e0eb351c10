package io.lumbar.accounts;

import io.lumbar.web.Page;
import java.util.List;

/** The API token list, with the value of a token just created (shown only this once). */
public record TokensPage(
    User user, String csrf, List<ApiTokens.Token> tokens, ApiTokens.Created created, String message)
    implements Page {
  @Override
  public String template() {
    return "accounts/tokens.jte";
  }
}
