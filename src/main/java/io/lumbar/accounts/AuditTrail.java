package io.lumbar.accounts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumbar.db.Database;
import io.lumbar.web.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/**
 * Writes events that change no content row of their own to the audit log: sign in, sign out,
 * changes to users, an index rebuild started. Changes to content write their audit row in their own
 * transaction instead.
 */
public final class AuditTrail {
  private static final String INSERT =
      """
      INSERT INTO audit_log (actor, action, entity_type, entity_id) VALUES (?, ?, ?, ?)
      """;
  private static final String INSERT_WITH_DETAIL =
      """
      INSERT INTO audit_log (actor, action, entity_type, entity_id, detail) VALUES (?, ?, ?, ?, ?)
      """;
  private static final ObjectMapper JSON = Json.mapper();

  private final Database db;

  public AuditTrail(Database db) {
    this.db = db;
  }

  public void record(String actor, String action, String entityType, long entityId) {
    db.inTransaction(
        c -> {
          try (PreparedStatement st = c.prepareStatement(INSERT)) {
            st.setString(1, actor);
            st.setString(2, action);
            st.setString(3, entityType);
            st.setLong(4, entityId);
            return st.executeUpdate();
          }
        });
  }

  /**
   * A change to a user, written in the caller's transaction so the log and the change stand or fall
   * together.
   */
  static void recordUserChange(
      Connection c, String actor, String action, long userId, Map<String, ?> detail)
      throws SQLException {
    record(c, actor, action, "user", userId, detail);
  }

  /**
   * An event with its detail (as JSON), written in the caller's transaction so the log and the
   * change stand or fall together.
   */
  public static void record(
      Connection c,
      String actor,
      String action,
      String entityType,
      long entityId,
      Map<String, ?> detail)
      throws SQLException {
    try (PreparedStatement st = c.prepareStatement(INSERT_WITH_DETAIL)) {
      st.setString(1, actor);
      st.setString(2, action);
      st.setString(3, entityType);
      st.setLong(4, entityId);
      st.setString(5, JSON.writeValueAsString(detail));
      st.executeUpdate();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
