package io.lumbar.export;

import io.lumbar.db.Database;
import io.lumbar.export.ExportedPassage.Article;
import io.lumbar.export.ExportedPassage.TagRef;
import io.lumbar.passages.PassageList;
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
 * Reads passages for export in id order with one streamed query: MariaDB Connector/J streams a forward-only,
 * read-only result set in batches of the fetch size instead of loading it whole, so memory stays flat at any
 * size. Each row carries its tags, folded into one column by the server (no query per passage).
 */
public final class PassageExport {
  /** Rows per network round trip while streaming. */
  private static final int FETCH_SIZE = 2_000;
  /** Between the fields of one tag, and between tags: control characters that never occur in slugs or names. */
  private static final char FIELD = '\u001f';
  private static final char TAG = '\u001e';

  private static final String SELECT = """
      SELECT p.id, p.text, IF(p.original_text = p.text COLLATE utf8mb4_bin, NULL, p.original_text), p.heading, p.status,
             p.reject_reason, p.position, p.duplicate_of, a.id, a.title, a.publisher, a.source_name, p.version,
             p.created_at, p.created_by, p.updated_at, p.updated_by,
             (SELECT GROUP_CONCAT(CONCAT(t.kind, '\u001f', t.slug, '\u001f', t.name) ORDER BY t.kind, t.slug SEPARATOR '\u001e')
                FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id
               WHERE pt.passage_id = p.id AND t.retired_at IS NULL)
        FROM passages p JOIN articles a ON a.id = p.article_id
      """;

  private final Database db;

  public PassageExport(Database db) {
    this.db = db;
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
   * closed), telling {@code progress} the running count; returns how many were written.
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
    return db.read(c -> {
      // A slow reader keeps the server waiting to send rows; give it as long as a download may take.
      setWriteTimeout(c, "3600");
      try {
        return stream(c, filter, sink);
      } finally {
        setWriteTimeout(c, "@@GLOBAL.net_write_timeout");
      }
    });
  }

  private static long stream(Connection c, ExportFilter filter, Consumer<ExportedPassage> sink) throws SQLException {
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
            article = new Article(articleId, rs.getString(10), rs.getString(11), rs.getString(12));
          }
          long duplicate = rs.getLong(8);
          Long duplicateOf = rs.wasNull() ? null : duplicate;
          List<TagRef> causes = new ArrayList<>(2);
          List<TagRef> treatments = new ArrayList<>(2);
          splitTags(rs.getString(18), causes, treatments);
          sink.accept(new ExportedPassage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
              rs.getString(6), rs.getInt(7), duplicateOf, article, causes, treatments,
              rs.getInt(13), rs.getTimestamp(14).toInstant(), rs.getString(15), rs.getTimestamp(16).toInstant(), rs.getString(17)));
          count++;
        }
      }
    }
    return count;
  }

  static void splitTags(String folded, List<TagRef> causes, List<TagRef> treatments) {
    if (folded == null || folded.isEmpty()) {
      return;
    }
    int start = 0;
    while (start <= folded.length()) {
      int end = folded.indexOf(TAG, start);
      if (end < 0) {
        end = folded.length();
      }
      int kindEnd = folded.indexOf(FIELD, start);
      int slugEnd = folded.indexOf(FIELD, kindEnd + 1);
      TagRef tag = new TagRef(folded.substring(kindEnd + 1, slugEnd), folded.substring(slugEnd + 1, end));
      (folded.startsWith("cause", start) ? causes : treatments).add(tag);
      start = end + 1;
    }
  }

  private static void setWriteTimeout(Connection c, String value) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("SET SESSION net_write_timeout = " + value);
    }
  }
}
