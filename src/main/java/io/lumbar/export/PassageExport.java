package io.lumbar.export;

import io.lumbar.db.Database;
import io.lumbar.indexing.TaggedPassageReader;
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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Reads passages for export in id order through {@link TaggedPassageReader}, the one streamed query
 * of passages with their article and tags: memory stays flat at any size.
 */
public final class PassageExport {
  private static final String DEFAULT_WRITE_TIMEOUT = "@@GLOBAL.net_write_timeout";

  private final Database db;

  public PassageExport(Database db) {
    this.db = db;
  }

  private static final String TAG_SLUGS =
      "SELECT slug FROM tags WHERE kind = ? AND retired_at IS NULL ORDER BY slug";
  private static final String ARTICLE_EXISTS = "SELECT 1 FROM articles WHERE id = ?";
  private static final String FIRST_ARTICLE_IDS = "SELECT id FROM articles ORDER BY id LIMIT ?";

  /** Article ids are listed in the answer up to this many; beyond, only where to find them. */
  static final int MAX_LISTED_ARTICLES = 50;

  /**
   * Throws {@link UnknownFilterException} when the filter names a cause, treatment or article that
   * does not exist (a cause must be a cause): a typo must not pass for "nothing matches".
   */
  public void checkFilters(ExportFilter filter) {
    PassageList.Filter f = filter.passages();
    db.read(
        c -> {
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
            throw new UnknownFilterException(
                "article",
                List.of(f.article().toString()),
                all ? ids : null,
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
    return db.read(
        c -> {
          List<Object> params = new ArrayList<>();
          try (PreparedStatement st =
                  PassageList.bind(
                      c.prepareStatement("SELECT COUNT(*) FROM passages p" + filter.where(params)),
                      params);
              ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  /**
   * Writes every matching passage to {@code out} in {@code format} (buffered here; {@code out} is
   * flushed, not closed), telling {@code progress} the running count; returns how many were
   * written. When it fails, what is still buffered is dropped: a failure within the first 64 KB
   * leaves {@code out} untouched.
   */
  public long write(
      ExportFilter filter, ExportFormat format, OutputStream out, LongConsumer progress) {
    BufferedOutputStream buffered = new BufferedOutputStream(out, 64 * 1024);
    long[] written = {0};
    try (ExportWriter writer = ExportWriter.open(format, buffered)) {
      forEach(
          filter,
          passage -> {
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
    return db.inTransaction(
        c -> {
          // A slow reader keeps the server waiting to send rows; give it as long as a download may
          // take.
          setWriteTimeout(c, "3600");
          long count;
          try {
            count = stream(c, filter, sink);
          } catch (SQLException | RuntimeException e) {
            // The connection may be gone with the failure: what resetting it says must not hide why
            // the export failed.
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

  private static long stream(Connection c, ExportFilter filter, Consumer<ExportedPassage> sink)
      throws SQLException {
    List<Object> params = new ArrayList<>();
    String where = filter.where(params);
    return TaggedPassageReader.stream(
        c,
        where,
        params,
        null,
        p ->
            sink.accept(
                new ExportedPassage(
                    p.id(),
                    p.text(),
                    p.originalText(),
                    p.heading(),
                    p.sectionPath(),
                    p.status(),
                    p.rejectReason(),
                    p.position(),
                    p.duplicateOf(),
                    p.article(),
                    p.causes(),
                    p.treatments(),
                    p.version(),
                    p.createdAt(),
                    p.createdBy(),
                    p.updatedAt(),
                    p.updatedBy())));
  }

  private static void setWriteTimeout(Connection c, String value) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("SET SESSION net_write_timeout = " + value);
    }
  }
}
