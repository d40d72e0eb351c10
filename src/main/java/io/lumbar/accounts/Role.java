package io.lumbar.accounts;

/** What a user may do: editors curate; admins also manage users, the taxonomy's structure and synonyms. */
public enum Role {
  EDITOR, ADMIN;

  static Role of(String column) {
    return valueOf(column.toUpperCase(java.util.Locale.ROOT));
  }

  String column() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
