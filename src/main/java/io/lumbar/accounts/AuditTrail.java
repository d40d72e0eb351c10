package io.lumbar.accounts;

import io.lumbar.db.Database;
import java.sql.PreparedStatement;

/** Writes account events (sign in, sign out, user created) to the audit log. */
final class AuditTrail {
  private static final String INSERT = """
      INSERT INTO audit_log (actor, action, entity_type, entity_id) VALUES (?, ?, ?, ?)
      """;

  private final Database db;

  AuditTrail(Database db) {
    this.db = db;
  }

  void record(String actor, String action, String entityType, long entityId) {
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
