package io.lumbar.admin;

import io.lumbar.db.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit log as the console browses it: newest first, narrowed by who, what and on which entity, paged by
 * id ({@code before}) so a page stays cheap however long the log grows.
 */
public final class AuditLog {
  /** What the log is narrowed to; null means "any". {@code action} matches a prefix, e.g. {@code passage.}. */
  public record Filter(String actor, String action, String entityType, Long entityId, Long before) {}

  /** One event; {@code detail} is the JSON the change recorded, or null. */
  public record Event(long id, Instant at, String actor, String action, String entityType, Long entityId, String detail) {}

  private static final String SELECT = """
      SELECT id, at, actor, action, entity_type, entity_id, detail FROM audit_log
      """;
  private static final String ACTORS = """
      SELECT DISTINCT actor FROM audit_log ORDER BY actor LIMIT 200
      """;

  private final Database db;

  AuditLog(Database db) {
    this.db = db;
  }

  /** Up to {@code limit} events, newest first. */
  List<Event> page(Filter filter, int limit) {
    List<String> clauses = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    if (filter.actor() != null) {
      clauses.add("actor = ?");
      params.add(filter.actor());
    }
    if (filter.action() != null) {
      clauses.add("action LIKE ?");
      params.add(filter.action().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
    if (filter.entityType() != null) {
      clauses.add("entity_type = ?");
      params.add(filter.entityType());
    }
    if (filter.entityId() != null) {
      clauses.add("entity_id = ?");
      params.add(filter.entityId());
    }
    if (filter.before() != null) {
      clauses.add("id < ?");
      params.add(filter.before());
    }
    String sql = SELECT + (clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses)) + " ORDER BY id DESC LIMIT ?";
    params.add(limit);
    return db.read(c -> {
      List<Event> events = new ArrayList<>();
      try (PreparedStatement st = c.prepareStatement(sql)) {
        for (int i = 0; i < params.size(); i++) {
          st.setObject(i + 1, params.get(i));
        }
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            long entity = rs.getLong(6);
            events.add(new Event(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.wasNull() ? null : entity, rs.getString(7)));
          }
        }
      }
      return events;
    });
  }

  /** Everyone who appears in the log, for the filter's choices. */
  List<String> actors() {
    return db.read(c -> {
      List<String> actors = new ArrayList<>();
      try (PreparedStatement st = c.prepareStatement(ACTORS); ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          actors.add(rs.getString(1));
        }
      }
      return actors;
    });
  }
}
