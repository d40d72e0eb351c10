package io.lumbar.accounts;

import io.lumbar.db.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/** Users and their password hashes. */
final class UserDao {
  record StoredUser(User user, String passwordHash, boolean disabled) {}

  private static final String INSERT = """
      INSERT INTO users (username, password_hash, role) VALUES (?, ?, ?)
      """;
  private static final String BY_NAME = """
      SELECT id, username, role, password_hash, disabled_at IS NOT NULL FROM users WHERE username = ?
      """;
  private static final String EXISTS = """
      SELECT EXISTS (SELECT 1 FROM users WHERE username = ?)
      """;

  private final Database db;

  UserDao(Database db) {
    this.db = db;
  }

  /** Creates the user; {@link IllegalArgumentException} when the name is taken. */
  User create(String username, String passwordHash, Role role) {
    return db.inTransaction(c -> {
      try (PreparedStatement check = c.prepareStatement(EXISTS)) {
        check.setString(1, username);
        try (ResultSet rs = check.executeQuery()) {
          rs.next();
          if (rs.getBoolean(1)) {
            throw new IllegalArgumentException("There is already a user called " + username);
          }
        }
      }
      try (PreparedStatement st = c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
        st.setString(1, username);
        st.setString(2, passwordHash);
        st.setString(3, role.column());
        st.executeUpdate();
        try (ResultSet keys = st.getGeneratedKeys()) {
          keys.next();
          return new User(keys.getLong(1), username, role);
        }
      }
    });
  }

  Optional<StoredUser> find(String username) {
    return db.read(c -> {
      try (PreparedStatement st = c.prepareStatement(BY_NAME)) {
        st.setString(1, username);
        try (ResultSet rs = st.executeQuery()) {
          return rs.next() ? Optional.of(map(rs)) : Optional.empty();
        }
      }
    });
  }

  private static StoredUser map(ResultSet rs) throws SQLException {
    return new StoredUser(new User(rs.getLong(1), rs.getString(2), Role.of(rs.getString(3))), rs.getString(4), rs.getBoolean(5));
  }
}
