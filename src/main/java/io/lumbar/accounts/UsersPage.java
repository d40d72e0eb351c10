package io.lumbar.accounts;

import io.lumbar.web.Page;
import java.util.List;

/**
 * {@code /admin/users}: every user with their state and the admin's actions on them, and the create
 * form. After a refused change {@code error} says why, and {@code form} keeps what was typed in the
 * create form (never the password).
 */
public record UsersPage(
    User user, String csrf, List<UserSummary> users, String message, String error, NewUserForm form)
    implements Page {
  /** The create form's fields as last submitted. */
  public record NewUserForm(String username, String role) {
    static final NewUserForm EMPTY = new NewUserForm("", "editor");
  }

  @Override
  public String template() {
    return "accounts/users.jte";
  }
}
