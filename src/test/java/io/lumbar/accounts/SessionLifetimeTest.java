package io.lumbar.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.testing.ConsoleSession;
import io.lumbar.testing.ConsoleSession.Page;
import io.lumbar.testing.RunningApp;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A session ends 12 idle hours after its last request, and 7 days after sign-in however busy it is.
 */
class SessionLifetimeTest {
  @RegisterExtension static final RunningApp app = RunningApp.perClass();
  static final String PASSWORD = "a long enough password";

  @BeforeAll
  static void users() {
    ConsoleSession.createUser(app, "edna", PASSWORD, false);
  }

  /** Moves the session's sign-in and last request back in time, as if it had lived that long. */
  private static void age(String user, Duration createdAgo, Duration lastSeenAgo) {
    app.database()
        .inTransaction(
            c -> {
              try (var st =
                  c.prepareStatement(
                      "UPDATE sessions SET created_at = CURRENT_TIMESTAMP(3) - INTERVAL ? SECOND,"
                          + " last_seen_at = CURRENT_TIMESTAMP(3) - INTERVAL ? SECOND WHERE user_id = (SELECT id FROM users WHERE username = ?)")) {
                st.setLong(1, createdAgo.toSeconds());
                st.setLong(2, lastSeenAgo.toSeconds());
                st.setString(3, user);
                return st.executeUpdate();
              }
            });
  }

  private static boolean expiresAtAbsoluteLimit(String user) {
    return app.database()
        .read(
            c -> {
              try (var st =
                  c.prepareStatement(
                      "SELECT expires_at = created_at + INTERVAL ? SECOND FROM sessions"
                          + " WHERE user_id = (SELECT id FROM users WHERE username = ?)")) {
                st.setLong(1, SessionDao.ABSOLUTE_LIFETIME.toSeconds());
                st.setString(2, user);
                try (var rs = st.executeQuery()) {
                  rs.next();
                  return rs.getBoolean(1);
                }
              }
            });
  }

  @Test
  void a_session_older_than_the_absolute_lifetime_is_refused_even_when_active() {
    ConsoleSession edna = new ConsoleSession(app);
    Page login = edna.login("edna", PASSWORD);
    String cookie =
        login.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("lumbar_session="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie).contains("Max-Age=" + SessionDao.IDLE_TIMEOUT.toSeconds());

    // Nearly a week old and used ten minutes ago: still valid, and its refreshed expiry stops at
    // the week.
    age("edna", SessionDao.ABSOLUTE_LIFETIME.minusHours(1), Duration.ofMinutes(10));
    assertThat(edna.get("/admin").status()).isEqualTo(200);
    assertThat(expiresAtAbsoluteLimit("edna")).isTrue();

    // A week and a minute old, used a moment ago, with an expiry still ahead: refused all the same.
    age("edna", SessionDao.ABSOLUTE_LIFETIME.plusMinutes(1), Duration.ofSeconds(1));
    Page refused = edna.get("/admin");
    assertThat(refused.status()).isEqualTo(302);
    assertThat(refused.location()).startsWith("/admin/login");
  }
}
