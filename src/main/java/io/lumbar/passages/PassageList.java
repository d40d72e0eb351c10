package io.lumbar.passages;

import io.lumbar.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The editors' passage list: every status, filtered and sorted, with the number of matches. The words
 * search uses MariaDB's full-text index, so it also finds pending and rejected passages, which Lucene
 * does not hold. Only fixed SQL fragments are joined; every value is a bound parameter.
 */
public final class PassageList {
  /** What the list is narrowed to; null or false means "any". */
  public record Filter(String q, String status, String cause, String treatment, Long article, boolean untagged, boolean duplicates) {}

  /** One row of the list. */
  public record Row(long id, long articleId, String articleTitle, int position, String heading, String text, String status,
      String rejectReason, int version, java.time.Instant updatedAt, String updatedBy, String tags) {}

  enum Sort {
    ARTICLE("p.article_id, p.position"), UPDATED("p.updated_at DESC, p.id DESC"), ID("p.id");

    final String sql;

    Sort(String sql) {
      this.sql = sql;
    }
  }

  private static final String SELECT = """
      SELECT p.id, p.article_id, a.title, p.position, p.heading, p.text, p.status, p.reject_reason, p.version,
             p.updated_at, p.updated_by,
             (SELECT GROUP_CONCAT(t.name ORDER BY t.kind, t.name SEPARATOR ', ')
                FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id
               WHERE pt.passage_id = p.id AND t.retired_at IS NULL) AS tags
        FROM passages p JOIN articles a ON a.id = p.article_id
      """;
  private static final String COUNT = """
      SELECT COUNT(*) FROM passages p
      """;

  private final Database db;

  PassageList(Database db) {
    this.db = db;
  }

  long count(Filter filter) {
    return db.read(c -> {
      List<Object> params = new ArrayList<>();
      try (PreparedStatement st = prepare(c, COUNT + where(filter, params), params)) {
        try (ResultSet rs = st.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }

  List<Row> page(Filter filter, Sort sort, int offset, int limit) {
    return db.read(c -> {
      List<Object> params = new ArrayList<>();
      String sql = SELECT + where(filter, params) + " ORDER BY " + sort.sql + " LIMIT ? OFFSET ?";
      params.add(limit);
      params.add(offset);
      List<Row> rows = new ArrayList<>();
      try (PreparedStatement st = prepare(c, sql, params); ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          rows.add(new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6),
              rs.getString(7), rs.getString(8), rs.getInt(9), rs.getTimestamp(10).toInstant(), rs.getString(11),
              rs.getString(12)));
        }
      }
      return rows;
    });
  }

  static String where(Filter f, List<Object> params) {
    List<String> clauses = new ArrayList<>();
    if (f.q() != null) {
      clauses.add("MATCH (p.text) AGAINST (? IN NATURAL LANGUAGE MODE)");
      params.add(f.q());
    }
    if (f.status() != null) {
      clauses.add("p.status = ?");
      params.add(f.status());
    }
    for (String slug : new String[] {f.cause(), f.treatment()}) {
      if (slug != null) {
        clauses.add("EXISTS (SELECT 1 FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = p.id AND t.slug = ?)");
        params.add(slug);
      }
    }
    if (f.article() != null) {
      clauses.add("p.article_id = ?");
      params.add(f.article());
    }
    if (f.untagged()) {
      clauses.add("NOT EXISTS (SELECT 1 FROM passage_tags pt WHERE pt.passage_id = p.id)");
    }
    if (f.duplicates()) {
      clauses.add("p.duplicate_of IS NOT NULL");
    }
    return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
  }

  static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
    PreparedStatement st = c.prepareStatement(sql);
    for (int i = 0; i < params.size(); i++) {
      st.setObject(i + 1, params.get(i));
    }
    return st;
  }
}
