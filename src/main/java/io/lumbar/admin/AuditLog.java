package io.lumbar.admin;

import io.lumbar.db.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit log as the console browses it: newest first, narrowed by who, what and on which entity,
 * paged by id ({@code before}) so a page stays cheap however long the log grows.
 */
public final class AuditLog {
  /**
   * What the log is narrowed to; null means "any". {@code action} matches a prefix, e.g. {@code
   * passage.}.
   */
  public record Filter(
      String actor, String action, String entityType, Long entityId, Long before) {}

  /**
   * One event; {@code detail} is the JSON the change recorded, or null. {@code changeSet} is the
   * change set the event made (null when it made none; an undo's own event names the set it undid
   * but made none), and {@code undone} whether that set has been undone.
   */
  public record Event(
      long id,
      Instant at,
      String actor,
      String action,
      String entityType,
      Long entityId,
      String detail,
      Long changeSet,
      boolean undone) {}

  private static final String SELECT =
      """
      SELECT a.id, a.at, a.actor, a.action, a.entity_type, a.entity_id, a.detail, cs.id, cs.undone_at IS NOT NULL
        FROM audit_log a
        LEFT JOIN change_sets cs ON a.action <> 'change.undo'
             AND cs.id = CAST(JSON_VALUE(a.detail, '$.change_set') AS UNSIGNED)
      """;
  private static final String ACTORS =
      """
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
      clauses.add("a.actor = ?");
      params.add(filter.actor());
    }
    if (filter.action() != null) {
      clauses.add("a.action LIKE ?");
      params.add(
          filter.action().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
    if (filter.entityType() != null) {
      clauses.add("a.entity_type = ?");
      params.add(filter.entityType());
    }
    if (filter.entityId() != null) {
      clauses.add("a.entity_id = ?");
      params.add(filter.entityId());
    }
    if (filter.before() != null) {
      clauses.add("a.id < ?");
      params.add(filter.before());
    }
    String sql =
        SELECT
            + (clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses))
            + " ORDER BY a.id DESC LIMIT ?";
    params.add(limit);
    return db.read(
        c -> {
          List<Event> events = new ArrayList<>();
          try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
              st.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = st.executeQuery()) {
              while (rs.next()) {
                Long entity = rs.getObject(6, Long.class);
                events.add(
                    new Event(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        entity,
                        rs.getString(7),
                        rs.getObject(8, Long.class),
                        rs.getBoolean(9)));
              }
            }
          }
          return events;
        });
  }

  /** Everyone who appears in the log, for the filter's choices. */
  List<String> actors() {
    return db.read(
        c -> {
          List<String> actors = new ArrayList<>();
          try (PreparedStatement st = c.prepareStatement(ACTORS);
              ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              actors.add(rs.getString(1));
            }
          }
          return actors;
        });
  }
}
