package io.lumbar.accounts;

/** A signed-in editor or admin. */
public record User(long id, String username, Role role) {
  public boolean isAdmin() {
    return role == Role.ADMIN;
  }
}
