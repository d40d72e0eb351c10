package io.lumbar.accounts;

/**
 * What a user may do: editors curate; admins also manage users, the taxonomy's structure and
 * synonyms.
 */
public enum Role {
  EDITOR,
  ADMIN;

  static Role of(String column) {
    return valueOf(column.toUpperCase(java.util.Locale.ROOT));
  }

  /** The role an admin or operator typed: {@code editor} or {@code admin}. */
  static Role parse(String typed) {
    if (typed != null) {
      for (Role role : values()) {
        if (role.column().equals(typed.strip().toLowerCase(java.util.Locale.ROOT))) {
          return role;
        }
      }
    }
    throw new io.lumbar.web.BadRequestException("A role is editor or admin");
  }

  String column() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
