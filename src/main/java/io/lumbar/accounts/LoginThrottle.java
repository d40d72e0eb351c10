package io.lumbar.accounts;

import io.lumbar.db.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

/**
 * Slows password guessing: after {@link #MAX_PER_USER} failures for one user name, or {@link #MAX_PER_IP}
 * from one address, within {@link #WINDOW}, logins from there are refused until the window has passed.
 * Kept in the database, so it holds across nodes and restarts.
 */
final class LoginThrottle {
  static final int MAX_PER_USER = 5;
  static final int MAX_PER_IP = 20;
  static final Duration WINDOW = Duration.ofMinutes(15);

  private static final String RECENT = """
      SELECT (SELECT COUNT(*) FROM login_failures WHERE username = ? AND failed_at > CURRENT_TIMESTAMP(3) - INTERVAL ? SECOND),
             (SELECT COUNT(*) FROM login_failures WHERE client_ip = ? AND failed_at > CURRENT_TIMESTAMP(3) - INTERVAL ? SECOND)
      """;
  private static final String RECORD = """
      INSERT INTO login_failures (username, client_ip) VALUES (?, ?)
      """;
  private static final String FORGET = """
      DELETE FROM login_failures WHERE username = ? OR failed_at < CURRENT_TIMESTAMP(3) - INTERVAL ? SECOND
      """;

  private final Database db;

  LoginThrottle(Database db) {
    this.db = db;
  }

  boolean isBlocked(String username, String ip) {
    return db.read(c -> {
      try (PreparedStatement st = c.prepareStatement(RECENT)) {
        st.setString(1, username);
        st.setLong(2, WINDOW.toSeconds());
        st.setString(3, ip);
        st.setLong(4, WINDOW.toSeconds());
        try (ResultSet rs = st.executeQuery()) {
          rs.next();
          return rs.getInt(1) >= MAX_PER_USER || rs.getInt(2) >= MAX_PER_IP;
        }
      }
    });
  }

  void recordFailure(String username, String ip) {
    db.inTransaction(c -> {
      try (PreparedStatement st = c.prepareStatement(RECORD)) {
        st.setString(1, username);
        st.setString(2, ip);
        return st.executeUpdate();
      }
    });
  }

  /** After a successful login: that user's failures are forgiven, and old rows are dropped. */
  void recordSuccess(String username) {
    db.inTransaction(c -> {
      try (PreparedStatement st = c.prepareStatement(FORGET)) {
        st.setString(1, username);
        st.setLong(2, WINDOW.toSeconds());
        return st.executeUpdate();
      }
    });
  }
}
