package io.lumbar.accounts;

import io.lumbar.audit.AuditEntry;
import io.lumbar.audit.AuditTrail;
import io.lumbar.db.Database;
import io.lumbar.db.NotFoundException;
import io.lumbar.web.BadRequestException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Users and their password hashes. Every change is written with its audit entry in one transaction;
 * the ones that take rights away also end the user's sessions in it, so they are signed out on
 * their next request.
 */
final class UserDao {
  record StoredUser(User user, String passwordHash, boolean disabled) {}

  /**
   * Who makes a change: a signed-in admin ({@code userId} set), or an operator at the command line
   * (0).
   */
  record Actor(String name, long userId) {
    static Actor of(User user) {
      return new Actor(user.username(), user.id());
    }

    static Actor cli() {
      return new Actor("cli:" + System.getProperty("user.name"), 0);
    }

    boolean is(long id) {
      return userId == id;
    }
  }

  static final String NAME_RULE = "A user name is 1 to 100 letters, digits or . _ @ -";
  private static final String NAME_PATTERN = "[\\p{L}\\p{N}._@-]{1,100}";

  private static final String INSERT =
      """
      INSERT INTO users (username, password_hash, role) VALUES (?, ?, ?)
      """;
  private static final String BY_NAME =
      """
      SELECT id, username, role, password_hash, disabled_at IS NOT NULL FROM users WHERE username = ?
      """;
  private static final String EXISTS =
      """
      SELECT EXISTS (SELECT 1 FROM users WHERE username = ?)
      """;

  /**
   * Last sign-in from the audit log, or from a session when the log has none; only sessions still
   * valid count.
   */
  private static final String LIST =
      """
      SELECT u.id, u.username, u.role, u.created_at, u.disabled_at,
             (SELECT MAX(a.at) FROM audit_log a WHERE a.entity_type = 'user' AND a.entity_id = u.id AND a.action = 'login'),
             (SELECT MAX(s.created_at) FROM sessions s WHERE s.user_id = u.id),
             (SELECT COUNT(*) FROM sessions s WHERE s.user_id = u.id AND s.expires_at > CURRENT_TIMESTAMP(3)
                 AND s.created_at > CURRENT_TIMESTAMP(3) - INTERVAL ? SECOND)
        FROM users u ORDER BY u.username
      """;

  private static final String LOCK =
      """
      SELECT id, username, role, disabled_at IS NOT NULL FROM users WHERE id = ? FOR UPDATE
      """;

  /** Locks every enabled admin, so two admins demoting each other at once cannot leave none. */
  private static final String LOCK_ENABLED_ADMINS =
      """
      SELECT id FROM users WHERE role = 'admin' AND disabled_at IS NULL FOR UPDATE
      """;

  private static final String SET_ROLE =
      """
      UPDATE users SET role = ? WHERE id = ?
      """;
  private static final String DISABLE =
      """
      UPDATE users SET disabled_at = CURRENT_TIMESTAMP(3) WHERE id = ? AND disabled_at IS NULL
      """;
  private static final String ENABLE =
      """
      UPDATE users SET disabled_at = NULL WHERE id = ?
      """;
  private static final String SET_PASSWORD =
      """
      UPDATE users SET password_hash = ? WHERE id = ?
      """;

  private final Database db;

  UserDao(Database db) {
    this.db = db;
  }

  /** Refuses a name the console and command line would not accept. */
  static String checkName(String username) {
    if (username == null || !username.matches(NAME_PATTERN)) {
      throw new BadRequestException(NAME_RULE);
    }
    return username;
  }

  /** Creates the user; {@link BadRequestException} when the name is not acceptable or taken. */
  User create(String username, String passwordHash, Role role, Actor actor) {
    checkName(username);
    return db.inTransaction(
        c -> {
          try (PreparedStatement check = c.prepareStatement(EXISTS)) {
            check.setString(1, username);
            try (ResultSet rs = check.executeQuery()) {
              rs.next();
              if (rs.getBoolean(1)) {
                throw new BadRequestException("There is already a user called " + username);
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
              User created = new User(keys.getLong(1), username, role);
              AuditTrail.record(
                  c,
                  userChange(actor, "user.create", created.id())
                      .with("username", username)
                      .with("role", role.column()));
              return created;
            }
          }
        });
  }

  Optional<StoredUser> find(String username) {
    return db.read(
        c -> {
          try (PreparedStatement st = c.prepareStatement(BY_NAME)) {
            st.setString(1, username);
            try (ResultSet rs = st.executeQuery()) {
              return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
          }
        });
  }

  /** The user called so, or {@link NotFoundException}. */
  User get(String username) {
    return find(username).orElseThrow(() -> new NotFoundException("User", username)).user();
  }

  List<UserSummary> list() {
    return db.read(
        c -> {
          try (PreparedStatement st = c.prepareStatement(LIST)) {
            st.setLong(1, SessionDao.ABSOLUTE_LIFETIME.toSeconds());
            try (ResultSet rs = st.executeQuery()) {
              List<UserSummary> users = new ArrayList<>();
              while (rs.next()) {
                Instant loggedIn = instant(rs, 6);
                Instant sessionStarted = instant(rs, 7);
                Instant lastSignIn =
                    loggedIn == null || (sessionStarted != null && sessionStarted.isAfter(loggedIn))
                        ? sessionStarted
                        : loggedIn;
                users.add(
                    new UserSummary(
                        rs.getLong(1),
                        rs.getString(2),
                        Role.of(rs.getString(3)),
                        instant(rs, 4),
                        instant(rs, 5),
                        lastSignIn,
                        rs.getInt(8)));
              }
              return users;
            }
          }
        });
  }

  /**
   * Makes the user an editor or an admin; never the actor's own demotion, nor the last enabled
   * admin's.
   */
  void setRole(long id, Role role, Actor actor) {
    db.inTransaction(
        c -> {
          Locked user = lock(c, id);
          if (user.role == role) {
            return null;
          }
          if (role != Role.ADMIN) {
            refuseLosingAnAdmin(c, user, actor, "demote");
          }
          update(c, SET_ROLE, role.column(), id);
          AuditTrail.record(
              c,
              userChange(actor, "user.role", id)
                  .with("username", user.username)
                  .with("from", user.role.column())
                  .with("to", role.column()));
          return null;
        });
  }

  /** Disables the user and signs them out everywhere; they can no longer sign in. */
  int disable(long id, Actor actor) {
    return db.inTransaction(
        c -> {
          Locked user = lock(c, id);
          refuseLosingAnAdmin(c, user, actor, "disable");
          update(c, DISABLE, id);
          int ended = SessionDao.deleteAllOf(c, id, null);
          if (!user.disabled) {
            AuditTrail.record(
                c,
                userChange(actor, "user.disable", id)
                    .with("username", user.username)
                    .with("sessionsEnded", ended));
          }
          return ended;
        });
  }

  void enable(long id, Actor actor) {
    db.inTransaction(
        c -> {
          Locked user = lock(c, id);
          if (user.disabled) {
            update(c, ENABLE, id);
            AuditTrail.record(
                c, userChange(actor, "user.enable", id).with("username", user.username));
          }
          return null;
        });
  }

  /**
   * Replaces the password and ends the user's sessions, except {@code keepSession} (the acting
   * admin's own).
   */
  int setPassword(long id, String passwordHash, Actor actor, String keepSession) {
    return db.inTransaction(
        c -> {
          Locked user = lock(c, id);
          update(c, SET_PASSWORD, passwordHash, id);
          int ended = SessionDao.deleteAllOf(c, id, keepSession);
          AuditTrail.record(
              c,
              userChange(actor, "user.password", id)
                  .with("username", user.username)
                  .with("sessionsEnded", ended));
          return ended;
        });
  }

  private record Locked(long id, String username, Role role, boolean disabled) {}

  private static Locked lock(Connection c, long id) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(LOCK)) {
      st.setLong(1, id);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException("User", id);
        }
        return new Locked(
            rs.getLong(1), rs.getString(2), Role.of(rs.getString(3)), rs.getBoolean(4));
      }
    }
  }

  /** An admin cannot lock themselves out, and someone must stay able to manage users. */
  /** A change to a user, recorded in the change's transaction so both commit or neither. */
  private static AuditEntry userChange(Actor actor, String action, long userId) {
    return AuditEntry.of(actor.name(), action, "user", userId);
  }

  private static void refuseLosingAnAdmin(Connection c, Locked user, Actor actor, String verb)
      throws SQLException {
    if (actor.is(user.id)) {
      throw new BadRequestException("You cannot " + verb + " yourself: ask another admin.");
    }
    if (user.role != Role.ADMIN || user.disabled) {
      return;
    }
    int enabledAdmins = 0;
    try (PreparedStatement st = c.prepareStatement(LOCK_ENABLED_ADMINS);
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        enabledAdmins++;
      }
    }
    if (enabledAdmins <= 1) {
      throw new BadRequestException(
          user.username
              + " is the last enabled admin and cannot be "
              + verb
              + "d: make another admin first.");
    }
  }

  private static void update(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        st.setObject(i + 1, values[i]);
      }
      st.executeUpdate();
    }
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static StoredUser map(ResultSet rs) throws SQLException {
    return new StoredUser(
        new User(rs.getLong(1), rs.getString(2), Role.of(rs.getString(3))),
        rs.getString(4),
        rs.getBoolean(5));
  }
}
