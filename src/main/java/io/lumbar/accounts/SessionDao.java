package io.lumbar.accounts;

import io.lumbar.db.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Login sessions: a random token in the cookie, its SHA-256 in the database, with a CSRF token
 * beside it.
 */
final class SessionDao {
  /** A session dies after this long without a request. */
  static final Duration IDLE_TIMEOUT = Duration.ofHours(12);

  /**
   * A session dies this long after sign-in however busy it is, so a stolen cookie does not live
   * forever.
   */
  static final Duration ABSOLUTE_LIFETIME = Duration.ofDays(7);

  /** A refreshed expiry is written at most this often, not on every request. */
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(5);

  record Session(String token, User user, String csrfToken) {}

  private static final String INSERT =
      """
      INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)
      VALUES (?, ?, ?, CURRENT_TIMESTAMP(3) + INTERVAL ? SECOND)
      """;
  private static final String FIND =
      """
      SELECT u.id, u.username, u.role, s.csrf_token, s.last_seen_at < CURRENT_TIMESTAMP(3) - INTERVAL ? SECOND
        FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = ? AND s.expires_at > CURRENT_TIMESTAMP(3)
         AND s.created_at > CURRENT_TIMESTAMP(3) - INTERVAL ? SECOND AND u.disabled_at IS NULL
      """;
  private static final String TOUCH =
      """
      UPDATE sessions SET last_seen_at = CURRENT_TIMESTAMP(3),
             expires_at = LEAST(CURRENT_TIMESTAMP(3) + INTERVAL ? SECOND, created_at + INTERVAL ? SECOND)
       WHERE token_hash = ?
      """;
  private static final String DELETE =
      """
      DELETE FROM sessions WHERE token_hash = ?
      """;
  private static final String DELETE_ALL_OF =
      """
      DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?
      """;
  private static final String DELETE_EXPIRED =
      """
      DELETE FROM sessions WHERE expires_at < CURRENT_TIMESTAMP(3)
      """;

  private final Database db;
  private final SecureRandom random = new SecureRandom();

  SessionDao(Database db) {
    this.db = db;
  }

  Session create(User user) {
    String token = randomToken();
    String csrf = randomToken();
    db.inTransaction(
        c -> {
          try (PreparedStatement st = c.prepareStatement(DELETE_EXPIRED)) {
            st.executeUpdate();
          }
          try (PreparedStatement st = c.prepareStatement(INSERT)) {
            st.setString(1, sha256(token));
            st.setLong(2, user.id());
            st.setString(3, csrf);
            st.setLong(4, IDLE_TIMEOUT.toSeconds());
            return st.executeUpdate();
          }
        });
    return new Session(token, user, csrf);
  }

  Optional<Session> find(String token) {
    if (token == null || token.isEmpty() || token.length() > 100) {
      return Optional.empty();
    }
    String hash = sha256(token);
    Optional<Session> found =
        db.read(
            c -> {
              try (PreparedStatement st = c.prepareStatement(FIND)) {
                st.setLong(1, TOUCH_EVERY.toSeconds());
                st.setString(2, hash);
                st.setLong(3, ABSOLUTE_LIFETIME.toSeconds());
                try (ResultSet rs = st.executeQuery()) {
                  if (!rs.next()) {
                    return Optional.empty();
                  }
                  Session s =
                      new Session(
                          token,
                          new User(rs.getLong(1), rs.getString(2), Role.of(rs.getString(3))),
                          rs.getString(4));
                  if (rs.getBoolean(5)) {
                    touch(hash);
                  }
                  return Optional.of(s);
                }
              }
            });
    return found;
  }

  private void touch(String hash) {
    db.inTransaction(
        c -> {
          try (PreparedStatement st = c.prepareStatement(TOUCH)) {
            st.setLong(1, IDLE_TIMEOUT.toSeconds());
            st.setLong(2, ABSOLUTE_LIFETIME.toSeconds());
            st.setString(3, hash);
            return st.executeUpdate();
          }
        });
  }

  void delete(String token) {
    db.inTransaction(
        c -> {
          try (PreparedStatement st = c.prepareStatement(DELETE)) {
            st.setString(1, sha256(token));
            return st.executeUpdate();
          }
        });
  }

  /**
   * Signs the user out everywhere, inside the caller's transaction (with the change that calls for
   * it), except for the session {@code keepToken} when not null: the admin who changes their own
   * password stays signed in.
   */
  static int deleteAllOf(Connection c, long userId, String keepToken) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(DELETE_ALL_OF)) {
      st.setLong(1, userId);
      st.setString(2, keepToken == null ? "" : sha256(keepToken));
      return st.executeUpdate();
    }
  }

  String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
