package io.lumbar.export;

import io.lumbar.db.Database;
import io.lumbar.db.SectionPaths;
import io.lumbar.export.ExportedPassage.Article;
import io.lumbar.export.ExportedPassage.TagRef;
import io.lumbar.passages.PassageList;
import io.lumbar.web.UnknownFilterException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Reads passages for export in id order with one streamed query: MariaDB Connector/J streams a forward-only,
 * read-only result set in batches of the fetch size instead of loading it whole, so memory stays flat at any
 * size. Each row carries the ids of its tags, folded into one column by the server (no query per passage),
 * resolved against the taxonomy read first in the same transaction, so both come from one snapshot.
 * STRAIGHT_JOIN keeps passages the driving table: read in primary-key order, rows flow at once; driven from
 * articles, MariaDB would sort the whole result in a temporary table before sending the first row.
 */
public final class PassageExport {
  /** Rows per network round trip while streaming. */
  private static final int FETCH_SIZE = 2_000;
  private static final String DEFAULT_WRITE_TIMEOUT = "@@GLOBAL.net_write_timeout";
  private static final String SELECT = """
      SELECT p.id, p.text, IF(p.original_text = p.text COLLATE utf8mb4_bin, NULL, p.original_text), p.heading, p.status,
             p.reject_reason, p.position, p.duplicate_of, a.id, a.title, a.publisher, a.source_name, p.version,
             p.created_at, p.created_by, p.updated_at, p.updated_by,
             (SELECT GROUP_CONCAT(pt.tag_id) FROM passage_tags pt WHERE pt.passage_id = p.id),
             p.section_path, a.source_url, a.published_on
        FROM passages p STRAIGHT_JOIN articles a ON a.id = p.article_id
      """;
  /** The current taxonomy, read in the same snapshot as the rows; retired tags are left out of exports. */
  private static final String TAGS = "SELECT id, kind, slug, name FROM tags WHERE retired_at IS NULL";

  private record Tag(boolean cause, TagRef ref) {}

  private final Database db;

  public PassageExport(Database db) {
    this.db = db;
  }

  private static final String TAG_SLUGS = "SELECT slug FROM tags WHERE kind = ? AND retired_at IS NULL ORDER BY slug";
  private static final String ARTICLE_EXISTS = "SELECT 1 FROM articles WHERE id = ?";
  private static final String FIRST_ARTICLE_IDS = "SELECT id FROM articles ORDER BY id LIMIT ?";
  /** Article ids are listed in the answer up to this many; beyond, only where to find them. */
  static final int MAX_LISTED_ARTICLES = 50;

  /**
   * Throws {@link UnknownFilterException} when the filter names a cause, treatment or article that does not
   * exist (a cause must be a cause): a typo must not pass for "nothing matches".
   */
  public void checkFilters(ExportFilter filter) {
    PassageList.Filter f = filter.passages();
    db.read(c -> {
      checkTag(c, "cause", f.cause());
      checkTag(c, "treatment", f.treatment());
      if (f.article() != null && !exists(c, f.article())) {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(FIRST_ARTICLE_IDS)) {
          st.setInt(1, MAX_LISTED_ARTICLES + 1);
          try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              ids.add(Long.toString(rs.getLong(1)));
            }
          }
        }
        boolean all = ids.size() <= MAX_LISTED_ARTICLES;
        throw new UnknownFilterException("article", List.of(f.article().toString()), all ? ids : null,
            all ? null : "the article.id of exported passages");
      }
      return null;
    });
  }

  private static void checkTag(Connection c, String kind, String slug) throws SQLException {
    if (slug == null) {
      return;
    }
    List<String> slugs = new ArrayList<>();
    try (PreparedStatement st = c.prepareStatement(TAG_SLUGS)) {
      st.setString(1, kind);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          slugs.add(rs.getString(1));
        }
      }
    }
    if (!slugs.contains(slug)) {
      throw new UnknownFilterException(kind, List.of(slug), slugs, "/api/tags");
    }
  }

  private static boolean exists(Connection c, long articleId) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(ARTICLE_EXISTS)) {
      st.setLong(1, articleId);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** How many passages the filter matches (for a progress bar). */
  public long count(ExportFilter filter) {
    return db.read(c -> {
      List<Object> params = new ArrayList<>();
      try (PreparedStatement st = PassageList.bind(c.prepareStatement("SELECT COUNT(*) FROM passages p" + filter.where(params)), params);
          ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  /**
   * Writes every matching passage to {@code out} in {@code format} (buffered here; {@code out} is flushed, not
   * closed), telling {@code progress} the running count; returns how many were written. When it fails, what is
   * still buffered is dropped: a failure within the first 64 KB leaves {@code out} untouched.
   */
  public long write(ExportFilter filter, ExportFormat format, OutputStream out, LongConsumer progress) {
    BufferedOutputStream buffered = new BufferedOutputStream(out, 64 * 1024);
    long[] written = {0};
    try (ExportWriter writer = ExportWriter.open(format, buffered)) {
      forEach(filter, passage -> {
        writer.write(passage);
        progress.accept(++written[0]);
      });
      writer.finish();
      buffered.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return written[0];
  }

  /** Hands every matching passage to {@code sink}, in id order, one at a time; returns how many. */
  public long forEach(ExportFilter filter, Consumer<ExportedPassage> sink) {
    return db.inTransaction(c -> {
      // A slow reader keeps the server waiting to send rows; give it as long as a download may take.
      setWriteTimeout(c, "3600");
      long count;
      try {
        count = stream(c, filter, sink);
      } catch (SQLException | RuntimeException e) {
        // The connection may be gone with the failure: what resetting it says must not hide why the export failed.
        try {
          setWriteTimeout(c, DEFAULT_WRITE_TIMEOUT);
        } catch (SQLException reset) {
          e.addSuppressed(reset);
        }
        throw e;
      }
      setWriteTimeout(c, DEFAULT_WRITE_TIMEOUT);
      return count;
    });
  }

  private static long stream(Connection c, ExportFilter filter, Consumer<ExportedPassage> sink) throws SQLException {
    Map<Long, Tag> tags = new HashMap<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(TAGS)) {
      while (rs.next()) {
        tags.put(rs.getLong(1), new Tag("cause".equals(rs.getString(2)), new TagRef(rs.getString(3), rs.getString(4))));
      }
    }
    List<Object> params = new ArrayList<>();
    String sql = SELECT + filter.where(params) + " ORDER BY p.id";
    long count = 0;
    try (PreparedStatement st = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      st.setFetchSize(FETCH_SIZE);
      PassageList.bind(st, params);
      try (ResultSet rs = st.executeQuery()) {
        Article article = null;
        while (rs.next()) {
          long articleId = rs.getLong(9);
          // Rows of one article mostly follow each other: share its record instead of making one per row.
          if (article == null || article.id() != articleId) {
            article = new Article(articleId, rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(20),
                rs.getObject(21, LocalDate.class));
          }
          long duplicate = rs.getLong(8);
          Long duplicateOf = rs.wasNull() ? null : duplicate;
          List<TagRef> causes = new ArrayList<>(4);
          List<TagRef> treatments = new ArrayList<>(4);
          resolveTags(rs.getString(18), tags, causes, treatments);
          sink.accept(new ExportedPassage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
              SectionPaths.fromColumn(rs.getString(19)), rs.getString(5), rs.getString(6), rs.getInt(7), duplicateOf, article, causes, treatments,
              rs.getInt(13), rs.getTimestamp(14).toInstant(), rs.getString(15), rs.getTimestamp(16).toInstant(), rs.getString(17)));
          count++;
        }
      }
    }
    return count;
  }

  /** "12,5,7" to the tags' slugs and names, each kind ordered by slug. */
  private static void resolveTags(String ids, Map<Long, Tag> tags, List<TagRef> causes, List<TagRef> treatments) {
    if (ids == null) {
      return;
    }
    long id = 0;
    for (int i = 0; i <= ids.length(); i++) {
      char ch = i < ids.length() ? ids.charAt(i) : ',';
      if (ch == ',') {
        Tag tag = tags.get(id);
        if (tag != null) {
          (tag.cause() ? causes : treatments).add(tag.ref());
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

  private static final Comparator<TagRef> BY_SLUG = Comparator.comparing(TagRef::slug);

  private static void setWriteTimeout(Connection c, String value) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("SET SESSION net_write_timeout = " + value);
    }
  }
}
