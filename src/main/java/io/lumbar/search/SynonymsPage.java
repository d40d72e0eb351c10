package io.lumbar.search;

import io.lumbar.accounts.User;
import io.lumbar.search.SynonymRules.Rule;
import io.lumbar.web.Page;
import java.util.List;

/**
 * Admins' page for the editors' search synonyms; {@code error} explains a refused rule, kept in the
 * box.
 */
public record SynonymsPage(
    User user, String csrf, List<Rule> rules, String draft, String error, String message)
    implements Page {
  @Override
  public String template() {
    return "search/synonyms.jte";
  }
}
