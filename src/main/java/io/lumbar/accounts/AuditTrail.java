package io.lumbar.accounts;

import io.lumbar.db.Database;
import java.sql.PreparedStatement;

/**
 * Writes events that change no content row of their own to the audit log: sign in, sign out, user created, an
 * index rebuild started. Changes to content write their audit row in their own transaction instead.
 */
public final class AuditTrail {
  private static final String INSERT = """
      INSERT INTO audit_log (actor, action, entity_type, entity_id) VALUES (?, ?, ?, ?)
      """;

  private final Database db;

  public AuditTrail(Database db) {
    this.db = db;
  }

  public void record(String actor, String action, String entityType, long entityId) {
    db.inTransaction(c -> {
      try (PreparedStatement st = c.prepareStatement(INSERT)) {
        st.setString(1, actor);
        st.setString(2, action);
        st.setString(3, entityType);
        st.setLong(4, entityId);
        return st.executeUpdate();
      }
    });
  }
}
