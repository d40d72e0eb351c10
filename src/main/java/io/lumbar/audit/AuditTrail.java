package io.lumbar.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumbar.db.Database;
import io.lumbar.web.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * The only writer of {@code audit_log}. A change records its entry with the connection of its own
 * transaction ({@link #record(Connection, AuditEntry)}), so the log never shows a change that
 * rolled back nor misses one that committed; an event that changes no row of its own (sign in, sign
 * out, an index rebuild started) uses {@link #record(AuditEntry)}.
 */
public final class AuditTrail {
  private static final String INSERT =
      """
      INSERT INTO audit_log (actor, action, entity_type, entity_id, detail) VALUES (?, ?, ?, ?, ?)
      """;
  private static final ObjectMapper JSON = Json.mapper();

  private final Database db;

  public AuditTrail(Database db) {
    this.db = db;
  }

  /** Records an event that changes no row, in a transaction of its own. */
  public void record(AuditEntry entry) {
    db.inTransaction(
        c -> {
          record(c, entry);
          return null;
        });
  }

  /** Records the entry in the caller's transaction: it commits or rolls back with the change. */
  public static void record(Connection c, AuditEntry entry) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(INSERT)) {
      st.setString(1, entry.actor());
      st.setString(2, entry.action());
      st.setString(3, entry.entityType());
      if (entry.entityId() == null) {
        st.setNull(4, Types.BIGINT);
      } else {
        st.setLong(4, entry.entityId());
      }
      st.setString(5, entry.detail() == null ? null : json(entry));
      st.executeUpdate();
    }
  }

  private static String json(AuditEntry entry) {
    try {
      return JSON.writeValueAsString(entry.detail());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Audit detail of " + entry.action() + " is not JSON", e);
    }
  }
}
