package io.lumbar.admin;

import io.lumbar.db.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures on the console's front page. */
public final class DashboardDao {
  public record Activity(
      String actor, String action, String entityType, Long entityId, Instant at) {}

  public record Figures(
      Map<String, Long> byStatus, long untaggedPublished, List<Activity> recent, HeatMap heatMap) {}

  private static final String BY_STATUS =
      """
      SELECT status, COUNT(*) FROM passages GROUP BY status
      """;
  private static final String UNTAGGED =
      """
      SELECT COUNT(*) FROM passages p
       WHERE p.status = 'published' AND NOT EXISTS (SELECT 1 FROM passage_tags pt WHERE pt.passage_id = p.id)
      """;
  private static final String RECENT =
      """
      SELECT actor, action, entity_type, entity_id, at FROM audit_log ORDER BY id DESC LIMIT 15
      """;

  private static final String AXES =
      """
      SELECT kind, slug, name FROM tags WHERE retired_at IS NULL ORDER BY kind, name
      """;
  private static final String MATRIX =
      """
      SELECT c.slug, t.slug, COUNT(*)
        FROM passage_tags pc
        JOIN tags c ON c.id = pc.tag_id AND c.kind = 'cause' AND c.retired_at IS NULL
        JOIN passage_tags pt ON pt.passage_id = pc.passage_id
        JOIN tags t ON t.id = pt.tag_id AND t.kind = 'treatment' AND t.retired_at IS NULL
        JOIN passages p ON p.id = pc.passage_id AND p.status = 'published'
       GROUP BY c.slug, t.slug
      """;

  private final Database db;

  DashboardDao(Database db) {
    this.db = db;
  }

  Figures figures() {
    return db.read(
        c -> {
          Map<String, Long> byStatus =
              new LinkedHashMap<>(Map.of("pending", 0L, "published", 0L, "rejected", 0L));
          try (PreparedStatement st = c.prepareStatement(BY_STATUS);
              ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              byStatus.put(rs.getString(1), rs.getLong(2));
            }
          }
          long untagged;
          try (PreparedStatement st = c.prepareStatement(UNTAGGED);
              ResultSet rs = st.executeQuery()) {
            rs.next();
            untagged = rs.getLong(1);
          }
          List<Activity> recent = new ArrayList<>();
          try (PreparedStatement st = c.prepareStatement(RECENT);
              ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              long entityId = rs.getLong(4);
              // wasNull() speaks of the last column read: ask right after reading it.
              Long id = rs.wasNull() ? null : entityId;
              recent.add(
                  new Activity(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      id,
                      rs.getTimestamp(5).toInstant()));
            }
          }
          List<HeatMap.Axis> causes = new ArrayList<>();
          List<HeatMap.Axis> treatments = new ArrayList<>();
          try (PreparedStatement st = c.prepareStatement(AXES);
              ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              ("cause".equals(rs.getString(1)) ? causes : treatments)
                  .add(new HeatMap.Axis(rs.getString(2), rs.getString(3)));
            }
          }
          Map<String, Integer> counts = new java.util.HashMap<>();
          int max = 0;
          try (PreparedStatement st = c.prepareStatement(MATRIX);
              ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              counts.put(rs.getString(1) + "|" + rs.getString(2), rs.getInt(3));
              max = Math.max(max, rs.getInt(3));
            }
          }
          return new Figures(
              byStatus, untagged, recent, new HeatMap(causes, treatments, counts, max));
        });
  }
}
