package io.lumbar.accounts;

import io.lumbar.db.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Slows password guessing. Within {@link #WINDOW}, sign-in is refused after {@link
 * #MAX_PER_USER_AND_IP} failures for one user name from one address, {@link #MAX_PER_IP} failures
 * from one address, or {@link #MAX_PER_USER} failures for one user name from anywhere. The last
 * limit is high on purpose: anyone can fail a sign-in for any name, and a low limit would let them
 * lock its owner out.
 *
 * <p>An attempt is written down as a failure <em>before</em> its password is checked and only
 * forgiven when the password was right; so attempts sent in parallel count each other and no burst
 * gets more guesses than the limit. Kept in the database, so it holds across nodes and restarts.
 */
final class LoginThrottle {
  static final int MAX_PER_USER_AND_IP = 5;
  static final int MAX_PER_IP = 20;
  static final int MAX_PER_USER = 100;
  static final Duration WINDOW = Duration.ofMinutes(15);

  private static final String RECORD =
      """
      INSERT INTO login_failures (username, client_ip) VALUES (?, ?)
      """;
  private static final String RECENT =
      """
      SELECT (SELECT COUNT(*) FROM login_failures
               WHERE username = ? AND client_ip = ? AND failed_at > CURRENT_TIMESTAMP(3) - INTERVAL ? SECOND),
             (SELECT COUNT(*) FROM login_failures WHERE client_ip = ? AND failed_at > CURRENT_TIMESTAMP(3) - INTERVAL ? SECOND),
             (SELECT COUNT(*) FROM login_failures WHERE username = ? AND failed_at > CURRENT_TIMESTAMP(3) - INTERVAL ? SECOND)
      """;
  private static final String FORGET_ONE =
      """
      DELETE FROM login_failures WHERE id = ?
      """;
  private static final String FORGET =
      """
      DELETE FROM login_failures
       WHERE (username = ? AND client_ip = ?) OR failed_at < CURRENT_TIMESTAMP(3) - INTERVAL ? SECOND
      """;

  private final Database db;

  LoginThrottle(Database db) {
    this.db = db;
  }

  /**
   * Writes the attempt down as a failure and answers its id, or empty when the limits are reached
   * (then the attempt is not counted: refused attempts check no password, so they must not lock
   * anyone out further).
   */
  OptionalLong begin(String username, String ip) {
    long id =
        db.inTransaction(
            c -> {
              try (PreparedStatement st =
                  c.prepareStatement(RECORD, Statement.RETURN_GENERATED_KEYS)) {
                st.setString(1, username);
                st.setString(2, ip);
                st.executeUpdate();
                try (ResultSet keys = st.getGeneratedKeys()) {
                  keys.next();
                  return keys.getLong(1);
                }
              }
            });
    boolean blocked =
        db.read(
            c -> {
              try (PreparedStatement st = c.prepareStatement(RECENT)) {
                long window = WINDOW.toSeconds();
                st.setString(1, username);
                st.setString(2, ip);
                st.setLong(3, window);
                st.setString(4, ip);
                st.setLong(5, window);
                st.setString(6, username);
                st.setLong(7, window);
                try (ResultSet rs = st.executeQuery()) {
                  rs.next();
                  // Counts include this attempt, hence "greater than".
                  return rs.getInt(1) > MAX_PER_USER_AND_IP
                      || rs.getInt(2) > MAX_PER_IP
                      || rs.getInt(3) > MAX_PER_USER;
                }
              }
            });
    if (blocked) {
      forget(id);
      return OptionalLong.empty();
    }
    return OptionalLong.of(id);
  }

  /** The attempt did not check a password after all (e.g. the server was too busy). */
  void forget(long attemptId) {
    db.inTransaction(
        c -> {
          try (PreparedStatement st = c.prepareStatement(FORGET_ONE)) {
            st.setLong(1, attemptId);
            return st.executeUpdate();
          }
        });
  }

  /**
   * After a successful sign-in: this user's failures from this address are forgiven, and old rows
   * are dropped.
   */
  void succeeded(String username, String ip) {
    db.inTransaction(
        c -> {
          try (PreparedStatement st = c.prepareStatement(FORGET)) {
            st.setString(1, username);
            st.setString(2, ip);
            st.setLong(3, WINDOW.toSeconds());
            return st.executeUpdate();
          }
        });
  }
}
