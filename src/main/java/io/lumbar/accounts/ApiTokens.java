package io.lumbar.accounts;

import io.lumbar.audit.AuditEntry;
import io.lumbar.audit.AuditTrail;
import io.lumbar.db.Database;
import io.lumbar.db.NotFoundException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * API tokens for integrators: a random value given out once, only its SHA-256 stored. {@link
 * #verify} is what API routes ask; admins create and revoke tokens in the console ({@link
 * TokenRoutes}).
 */
public final class ApiTokens {
  static final String PREFIX = "lumbar_";

  /** last_used_at is written at most this often per token, not on every request. */
  private static final int TOUCH_EVERY_SECONDS = 60;

  /** A token as the console lists it. */
  public record Token(
      long id,
      String name,
      String createdBy,
      Instant createdAt,
      Instant lastUsedAt,
      Instant revokedAt) {
    public boolean revoked() {
      return revokedAt != null;
    }
  }

  /** A just-created token with its value, which is never available again. */
  public record Created(Token token, String value) {}

  private static final String INSERT =
      "INSERT INTO api_tokens (name, token_hash, created_by) VALUES (?, ?, ?)";
  private static final String LIST =
      """
      SELECT id, name, created_by, created_at, last_used_at, revoked_at FROM api_tokens ORDER BY revoked_at IS NOT NULL, id DESC
      """;
  private static final String FIND =
      "SELECT id, name FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL";
  private static final String TOUCH =
      """
      UPDATE api_tokens SET last_used_at = CURRENT_TIMESTAMP(3)
       WHERE id = ? AND (last_used_at IS NULL OR last_used_at < CURRENT_TIMESTAMP(3) - INTERVAL ? SECOND)
      """;
  private static final String REVOKE =
      """
      UPDATE api_tokens SET revoked_at = CURRENT_TIMESTAMP(3), revoked_by = ? WHERE id = ? AND revoked_at IS NULL
      """;

  private final Database db;
  private final SecureRandom random = new SecureRandom();

  public ApiTokens(Database db) {
    this.db = db;
  }

  /** The name of the live token with this value, or empty for an unknown or revoked one. */
  public Optional<String> verify(String value) {
    if (value == null || !value.startsWith(PREFIX) || value.length() > 100) {
      return Optional.empty();
    }
    String hash = SessionDao.sha256(value);
    return db.read(
        c -> {
          long id;
          String name;
          try (PreparedStatement st = c.prepareStatement(FIND)) {
            st.setString(1, hash);
            try (ResultSet rs = st.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              id = rs.getLong(1);
              name = rs.getString(2);
            }
          }
          try (PreparedStatement st = c.prepareStatement(TOUCH)) {
            st.setLong(1, id);
            st.setInt(2, TOUCH_EVERY_SECONDS);
            st.executeUpdate();
          }
          return Optional.of(name);
        });
  }

  Created create(String name, String actor) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String value = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    long id =
        db.inTransaction(
            c -> {
              try (PreparedStatement st =
                  c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
                st.setString(1, name);
                st.setString(2, SessionDao.sha256(value));
                st.setString(3, actor);
                st.executeUpdate();
                try (ResultSet keys = st.getGeneratedKeys()) {
                  keys.next();
                  long created = keys.getLong(1);
                  // In the same transaction: a token never exists without its audit row.
                  AuditTrail.record(
                      c,
                      AuditEntry.of(actor, "token.create", "api_token", created)
                          .with("name", name));
                  return created;
                }
              }
            });
    Token token = list().stream().filter(t -> t.id() == id).findFirst().orElseThrow();
    return new Created(token, value);
  }

  void revoke(long id, String actor) {
    int changed =
        db.inTransaction(
            c -> {
              try (PreparedStatement st = c.prepareStatement(REVOKE)) {
                st.setString(1, actor);
                st.setLong(2, id);
                int revoked = st.executeUpdate();
                if (revoked > 0) {
                  AuditTrail.record(
                      c,
                      new AuditEntry(actor, "token.revoke", "api_token", id, java.util.Map.of()));
                }
                return revoked;
              }
            });
    if (changed == 0 && list().stream().noneMatch(t -> t.id() == id)) {
      throw new NotFoundException("API token", id);
    }
  }

  List<Token> list() {
    return db.read(
        c -> {
          List<Token> tokens = new ArrayList<>();
          try (PreparedStatement st = c.prepareStatement(LIST);
              ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              tokens.add(
                  new Token(
                      rs.getLong(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getTimestamp(4).toInstant(),
                      instant(rs.getTimestamp(5)),
                      instant(rs.getTimestamp(6))));
            }
          }
          return tokens;
        });
  }

  private static Instant instant(java.sql.Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
