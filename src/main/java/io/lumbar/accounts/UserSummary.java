package io.lumbar.accounts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A user as admins see them: role, when created and disabled, the last sign-in and how many
 * sessions are still valid. Times are null when they never happened. Public because the jte
 * templates read it.
 */
public record UserSummary(
    long id,
    String username,
    Role role,
    Instant createdAt,
    Instant disabledAt,
    Instant lastSignIn,
    int activeSessions) {
  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  public boolean disabled() {
    return disabledAt != null;
  }

  public String roleName() {
    return role.column();
  }

  /** A time as the console and command line show it; {@code never} when it did not happen. */
  public static String shown(Instant time) {
    return time == null ? "never" : SHOWN.format(time);
  }
}
