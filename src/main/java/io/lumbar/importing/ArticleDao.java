package io.lumbar.importing;

import io.lumbar.db.Database;
import io.lumbar.db.SectionPaths;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Articles as the console shows them: the list with passage counts by status, and one article with
 * its passages in article order. Duplicates are rejected passages that repeat another one; they are
 * counted apart from the other rejected ones, as the importer's summary does.
 */
public final class ArticleDao {
  /** An article and how its passages stand. */
  public record Article(
      long id,
      String title,
      String publisher,
      String sourceName,
      String sourceUrl,
      LocalDate publishedOn,
      Instant importedAt,
      String importedBy,
      int published,
      int pending,
      int rejected,
      int duplicates) {
    public int passages() {
      return published + pending + rejected + duplicates;
    }
  }

  /**
   * One passage of an article, in article order; {@code sectionPath} holds the headings above
   * {@code heading}; {@code why} is the reject reason in plain words (null when not rejected).
   */
  public record Passage(
      long id,
      int position,
      List<String> sectionPath,
      String heading,
      String text,
      String status,
      String rejectReason,
      Long duplicateOf,
      String why) {
    /** Outermost first, the passage's own heading last. */
    public List<String> headingPath() {
      return SectionPaths.headingPath(sectionPath, heading);
    }
  }

  private static final String SELECT_COUNTS =
      """
      SELECT a.id, a.title, a.publisher, a.source_name, a.source_url, a.published_on, a.imported_at, a.imported_by,
             COUNT(CASE WHEN p.status = 'published' THEN 1 END),
             COUNT(CASE WHEN p.status = 'pending' THEN 1 END),
             COUNT(CASE WHEN p.status = 'rejected' AND p.duplicate_of IS NULL THEN 1 END),
             COUNT(CASE WHEN p.status = 'rejected' AND p.duplicate_of IS NOT NULL THEN 1 END)
      """;

  /**
   * Picks the page of articles first, so only their passages are counted, however large the corpus.
   */
  private static final String LIST =
      SELECT_COUNTS
          + """
        FROM (SELECT * FROM articles ORDER BY imported_at DESC, id DESC LIMIT ? OFFSET ?) a
        LEFT JOIN passages p ON p.article_id = a.id
       GROUP BY a.id
       ORDER BY a.imported_at DESC, a.id DESC
      """;

  private static final String ONE =
      SELECT_COUNTS
          + """
        FROM articles a LEFT JOIN passages p ON p.article_id = a.id
       WHERE a.id = ?
       GROUP BY a.id
      """;
  private static final String PASSAGES =
      """
      SELECT id, position, section_path, heading, text, status, reject_reason, duplicate_of
        FROM passages
       WHERE article_id = ?
       ORDER BY position, id
       LIMIT ? OFFSET ?
      """;
  private static final String REASONS =
      """
      SELECT reject_reason, COUNT(*) FROM passages
       WHERE article_id = ? AND reject_reason IS NOT NULL
       GROUP BY reject_reason
       ORDER BY COUNT(*) DESC, MIN(position)
      """;
  private static final String COUNT =
      """
      SELECT COUNT(*) FROM articles
      """;

  private final Database db;

  ArticleDao(Database db) {
    this.db = db;
  }

  /** One page of articles, newest first. */
  List<Article> list(int offset, int limit) {
    return db.read(
        c -> {
          List<Article> articles = new ArrayList<>();
          try (PreparedStatement st = c.prepareStatement(LIST)) {
            st.setInt(1, limit);
            st.setInt(2, offset);
            try (ResultSet rs = st.executeQuery()) {
              while (rs.next()) {
                articles.add(article(rs));
              }
            }
          }
          return articles;
        });
  }

  Optional<Article> find(long id) {
    return db.read(
        c -> {
          try (PreparedStatement st = c.prepareStatement(ONE)) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
              return rs.next() ? Optional.of(article(rs)) : Optional.<Article>empty();
            }
          }
        });
  }

  /** All the article's passages in article order. */
  List<Passage> passages(long articleId) {
    return passages(articleId, 0, Integer.MAX_VALUE);
  }

  /** The article's passages in article order, {@code limit} from {@code offset}. */
  List<Passage> passages(long articleId, int offset, int limit) {
    return db.read(
        c -> {
          List<Passage> passages = new ArrayList<>();
          Map<Long, SiteTemplate.Recurrence> recurrences = SiteTemplate.recurrences(c, articleId);
          try (PreparedStatement st = c.prepareStatement(PASSAGES)) {
            st.setLong(1, articleId);
            st.setInt(2, limit);
            st.setInt(3, offset);
            try (ResultSet rs = st.executeQuery()) {
              while (rs.next()) {
                long id = rs.getLong(1);
                String reason = rs.getString(7);
                passages.add(
                    new Passage(
                        id,
                        rs.getInt(2),
                        SectionPaths.fromColumn(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        reason,
                        rs.getObject(8, Long.class),
                        "rejected".equals(rs.getString(6))
                            ? RejectReasons.explain(reason, recurrences.get(id))
                            : null));
              }
            }
          }
          return passages;
        });
  }

  /**
   * How many of the article's blocks each reason rejected, most first (first met first when as
   * many).
   */
  List<Map.Entry<String, Long>> rejectedByReason(long articleId) {
    return db.read(
        c -> {
          List<Map.Entry<String, Long>> counts = new ArrayList<>();
          try (PreparedStatement st = c.prepareStatement(REASONS)) {
            st.setLong(1, articleId);
            try (ResultSet rs = st.executeQuery()) {
              while (rs.next()) {
                counts.add(Map.entry(rs.getString(1), rs.getLong(2)));
              }
            }
          }
          return counts;
        });
  }

  long count() {
    return db.read(
        c -> {
          try (PreparedStatement st = c.prepareStatement(COUNT);
              ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  private static Article article(ResultSet rs) throws SQLException {
    return new Article(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getObject(6, LocalDate.class),
        rs.getTimestamp(7).toInstant(),
        rs.getString(8),
        rs.getInt(9),
        rs.getInt(10),
        rs.getInt(11),
        rs.getInt(12));
  }
}
