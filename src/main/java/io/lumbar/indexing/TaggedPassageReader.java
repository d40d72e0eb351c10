package io.lumbar.indexing;

import io.lumbar.db.SectionPaths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The one reader of passages with their article and current tags, for the index (rebuild and
 * follower, {@code IndexSource}) and the export ({@code export/PassageExport}).
 *
 * <p>One forward-only, read-only query in id order: MariaDB Connector/J streams it {@value
 * #FETCH_SIZE} rows at a time instead of loading it whole, so memory stays flat at any size.
 * STRAIGHT_JOIN keeps passages the driving table: read in primary-key order (or the (status, id)
 * index), rows flow at once; driven from articles, MariaDB would sort the whole result in a
 * temporary table before sending the first row. Each passage's tag ids come folded into one column
 * by the server (joining the tags to order them made the query several times slower, and a query
 * per passage or batch spent most of a rebuild waiting), resolved here against the taxonomy read
 * first on the same connection, so inside a transaction both come from one snapshot. Retired tags
 * are left out.
 */
public final class TaggedPassageReader {
  /** Rows the driver fetches at a time while streaming. */
  static final int FETCH_SIZE = 1_000;

  /** The current taxonomy; retired tags are shown with no passage. */
  private static final String CURRENT_TAGS =
      "SELECT id, kind, slug, name FROM tags WHERE retired_at IS NULL";

  /**
   * {@code %s}: the vector column. The caller's WHERE clause over {@code p} and {@code a} and the
   * order follow.
   */
  private static final String PASSAGES =
      """
      SELECT p.id, p.heading, p.text, IF(p.original_text = p.text COLLATE utf8mb4_bin, NULL, p.original_text),
             p.section_path, p.position, p.status, p.reject_reason, p.duplicate_of, p.version,
             p.created_at, p.created_by, p.updated_at, p.updated_by,
             (SELECT GROUP_CONCAT(pt.tag_id) FROM passage_tags pt WHERE pt.passage_id = p.id),
             a.id, a.title, a.publisher, a.source_name, a.source_url, a.published_on,
             %s
        FROM passages p STRAIGHT_JOIN articles a ON a.id = p.article_id
      """;

  /** The order each kind's tags come in. */
  private static final Comparator<TagRef> BY_SLUG = Comparator.comparing(TagRef::slug);

  private TaggedPassageReader() {}

  /**
   * A passage as stored, with its article and its current tags, each kind ordered by slug. {@code
   * originalText} is null when the text was never edited; {@code sectionPath} holds the headings
   * above {@code heading}, outermost first; {@code vector} is its current embedding by the model
   * asked for, or null.
   */
  public record StoredPassage(
      long id,
      String heading,
      String text,
      String originalText,
      List<String> sectionPath,
      int position,
      String status,
      String rejectReason,
      Long duplicateOf,
      int version,
      Instant createdAt,
      String createdBy,
      Instant updatedAt,
      String updatedBy,
      Article article,
      List<TagRef> causes,
      List<TagRef> treatments,
      float[] vector) {}

  /**
   * The article a passage comes from; {@code source} is the file name or label it was imported
   * from, {@code url} the page it was taken from and {@code published} its publication date (each
   * null when not known).
   */
  public record Article(
      long id, String title, String publisher, String source, String url, LocalDate published) {}

  /**
   * Hands every passage matching {@code where} (empty, or a WHERE clause over {@code passages p}
   * and {@code articles a} with {@code params} for its placeholders) to {@code sink} in id order,
   * one at a time, with the current vector by {@code vectorModel} (null: none); returns how many.
   * The sink must not use {@code c}: the result is still streaming.
   */
  public static long stream(
      Connection c,
      String where,
      List<Object> params,
      String vectorModel,
      Consumer<StoredPassage> sink)
      throws SQLException {
    Map<Long, TagRef> tags = currentTags(c);
    String sql =
        PASSAGES.formatted(vectorModel == null ? "NULL" : StoredVectors.CURRENT_VECTOR_COLUMN)
            + where
            + " ORDER BY p.id";
    long count = 0;
    try (PreparedStatement st =
        c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      st.setFetchSize(FETCH_SIZE);
      int i = 1;
      if (vectorModel != null) {
        st.setString(i++, vectorModel);
      }
      for (Object param : params) {
        st.setObject(i++, param);
      }
      try (ResultSet rs = st.executeQuery()) {
        Article article = null;
        while (rs.next()) {
          sink.accept(passage(rs, tags, article = article(rs, article)));
          count++;
        }
      }
    }
    return count;
  }

  private static StoredPassage passage(ResultSet rs, Map<Long, TagRef> tags, Article article)
      throws SQLException {
    // wasNull() speaks of the last column read: ask right after reading it.
    long duplicate = rs.getLong(9);
    Long duplicateOf = rs.wasNull() ? null : duplicate;
    List<TagRef> causes = new ArrayList<>(2);
    List<TagRef> treatments = new ArrayList<>(2);
    resolveTags(rs.getString(15), tags, causes, treatments);
    return new StoredPassage(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        SectionPaths.fromColumn(rs.getString(5)),
        rs.getInt(6),
        rs.getString(7),
        rs.getString(8),
        duplicateOf,
        rs.getInt(10),
        rs.getTimestamp(11).toInstant(),
        rs.getString(12),
        rs.getTimestamp(13).toInstant(),
        rs.getString(14),
        article,
        causes,
        treatments,
        StoredVectors.decodeOrNull(rs.getBytes(22)));
  }

  /**
   * The row's article: {@code previous} when it is the same (rows of one article mostly follow each
   * other).
   */
  private static Article article(ResultSet rs, Article previous) throws SQLException {
    long id = rs.getLong(16);
    if (previous != null && previous.id() == id) {
      return previous;
    }
    return new Article(
        id,
        rs.getString(17),
        rs.getString(18),
        rs.getString(19),
        rs.getString(20),
        rs.getObject(21, LocalDate.class));
  }

  private static Map<Long, TagRef> currentTags(Connection c) throws SQLException {
    Map<Long, TagRef> tags = new HashMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(CURRENT_TAGS)) {
      while (rs.next()) {
        tags.put(rs.getLong(1), new TagRef(rs.getString(2), rs.getString(3), rs.getString(4)));
      }
    }
    return tags;
  }

  /**
   * "12,5,7" to the tags, causes and treatments apart, each ordered by slug; ids of retired tags
   * are skipped.
   */
  private static void resolveTags(
      String ids, Map<Long, TagRef> tags, List<TagRef> causes, List<TagRef> treatments) {
    if (ids == null) {
      return;
    }
    long id = 0;
    for (int i = 0; i <= ids.length(); i++) {
      char ch = i < ids.length() ? ids.charAt(i) : ',';
      if (ch == ',') {
        TagRef tag = tags.get(id);
        if (tag != null) {
          (TagRef.CAUSE.equals(tag.kind()) ? causes : treatments).add(tag);
        }
        id = 0;
      } else {
        id = id * 10 + (ch - '0');
      }
    }
    if (causes.size() > 1) {
      causes.sort(BY_SLUG);
    }
    if (treatments.size() > 1) {
      treatments.sort(BY_SLUG);
    }
  }
}
