package io.lumbar.passages;

import io.lumbar.db.Database;
import io.lumbar.web.BadRequestException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The editors' passage list: every status, filtered and sorted, with the number of matches. The
 * words search uses MariaDB's full-text index, so it also finds pending and rejected passages,
 * which Lucene does not hold. Only fixed SQL fragments are joined; every value is a bound
 * parameter.
 */
public final class PassageList {
  /** What the list is narrowed to; null or false means "any". */
  public record Filter(
      String q,
      String status,
      String cause,
      String treatment,
      Long article,
      boolean untagged,
      boolean duplicates) {
    /**
     * The filter from request parameters (query string or form fields), with a clear 400 for bad
     * values. Shared by the console's list and bulk tagging and by the export, so "the current
     * filter" means one thing.
     */
    public static Filter parse(java.util.function.Function<String, String> param) {
      String status = blankToNull(param.apply("status"));
      if (status != null && !PassageEdit.STATUSES.contains(status)) {
        throw new BadRequestException("'status' must be pending, published or rejected");
      }
      String q = blankToNull(param.apply("q"));
      if (q != null && q.length() > 200) {
        throw new BadRequestException("'q' is too long: at most 200 characters");
      }
      String article = blankToNull(param.apply("article"));
      Long articleId = null;
      if (article != null) {
        if (!article.matches("[0-9]{1,18}")) {
          throw new BadRequestException("'article' must be an article id");
        }
        articleId = Long.parseLong(article);
      }
      return new Filter(
          q,
          status,
          slug(param, "cause"),
          slug(param, "treatment"),
          articleId,
          param.apply("untagged") != null,
          param.apply("duplicates") != null);
    }

    /**
     * The filter as the parameters {@link #parse} reads, the unset ones left out: for forms and
     * links.
     */
    public java.util.Map<String, String> fields() {
      java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
      java.util.function.BiConsumer<String, String> put =
          (name, value) -> {
            if (value != null) {
              fields.put(name, value);
            }
          };
      put.accept("q", q);
      put.accept("status", status);
      put.accept("cause", cause);
      put.accept("treatment", treatment);
      put.accept("article", article == null ? null : article.toString());
      put.accept("untagged", untagged ? "1" : null);
      put.accept("duplicates", duplicates ? "1" : null);
      return fields;
    }

    private static String slug(java.util.function.Function<String, String> param, String name) {
      String value = blankToNull(param.apply(name));
      if (value != null && value.length() > 200) {
        throw new BadRequestException("'" + name + "' is too long");
      }
      return value;
    }

    private static String blankToNull(String s) {
      return s == null || s.isBlank() ? null : s.strip();
    }
  }

  /** One row of the list. */
  public record Row(
      long id,
      long articleId,
      String articleTitle,
      int position,
      String heading,
      String text,
      String status,
      String rejectReason,
      int version,
      java.time.Instant updatedAt,
      String updatedBy,
      String tags) {}

  enum Sort {
    ARTICLE("p.article_id, p.position"),
    UPDATED("p.updated_at DESC, p.id DESC"),
    ID("p.id");

    final String sql;

    Sort(String sql) {
      this.sql = sql;
    }
  }

  private static final String SELECT =
      """
      SELECT p.id, p.article_id, a.title, p.position, p.heading, p.text, p.status, p.reject_reason, p.version,
             p.updated_at, p.updated_by,
             (SELECT GROUP_CONCAT(t.name ORDER BY t.kind, t.name SEPARATOR ', ')
                FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id
               WHERE pt.passage_id = p.id AND t.retired_at IS NULL) AS tags
        FROM passages p JOIN articles a ON a.id = p.article_id
      """;
  private static final String COUNT =
      """
      SELECT COUNT(*) FROM passages p
      """;

  private final Database db;

  PassageList(Database db) {
    this.db = db;
  }

  long count(Filter filter) {
    return db.read(
        c -> {
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
    return db.read(
        c -> {
          List<Object> params = new ArrayList<>();
          String sql =
              SELECT + where(filter, params) + " ORDER BY " + sort.sql + " LIMIT ? OFFSET ?";
          params.add(limit);
          params.add(offset);
          List<Row> rows = new ArrayList<>();
          try (PreparedStatement st = prepare(c, sql, params);
              ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              rows.add(
                  new Row(
                      rs.getLong(1),
                      rs.getLong(2),
                      rs.getString(3),
                      rs.getInt(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getString(7),
                      rs.getString(8),
                      rs.getInt(9),
                      rs.getTimestamp(10).toInstant(),
                      rs.getString(11),
                      rs.getString(12)));
            }
          }
          return rows;
        });
  }

  /**
   * The WHERE clause ("" when the filter is empty) over {@code passages p}, adding its values to
   * {@code params}.
   */
  public static String where(Filter f, List<Object> params) {
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
        clauses.add(
            "EXISTS (SELECT 1 FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = p.id AND t.slug = ?)");
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

  static PreparedStatement prepare(Connection c, String sql, List<Object> params)
      throws SQLException {
    return bind(c.prepareStatement(sql), params);
  }

  /** Binds {@code params} in order; returns the statement. */
  public static PreparedStatement bind(PreparedStatement st, List<Object> params)
      throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      st.setObject(i + 1, params.get(i));
    }
    return st;
  }
}
