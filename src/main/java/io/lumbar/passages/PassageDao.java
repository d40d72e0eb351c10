package io.lumbar.passages;

import io.lumbar.db.Database;
import io.lumbar.db.NotFoundException;
import io.lumbar.db.SectionPaths;
import io.lumbar.indexing.TagRef;
import io.lumbar.passages.PassageView.ArticleRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads passages for the public API. */
final class PassageDao {
  private static final String PUBLISHED_BY_ID =
      """
      SELECT p.id, p.heading, p.text, p.position, p.status, p.version, p.created_at, p.updated_at,
             a.id, a.title, a.publisher, a.source_url, a.published_on, p.section_path
        FROM passages p JOIN articles a ON a.id = p.article_id
       WHERE p.id = ? AND p.status = 'published'
      """;

  private static final String TAGS_OF_PASSAGE =
      """
      SELECT t.kind, t.slug, t.name
        FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id
       WHERE pt.passage_id = ? AND t.retired_at IS NULL
       ORDER BY t.name
      """;

  private final Database db;

  PassageDao(Database db) {
    this.db = db;
  }

  /** The published passage with this id; other statuses are not public and count as missing. */
  PassageView findPublished(long id) {
    return db.read(
        c -> {
          try (PreparedStatement st = c.prepareStatement(PUBLISHED_BY_ID)) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
              if (!rs.next()) {
                throw new NotFoundException("Passage", id);
              }
              List<TagRef> causes = new ArrayList<>();
              List<TagRef> treatments = new ArrayList<>();
              loadTags(c, id, causes, treatments);
              String heading = rs.getString(2);
              return new PassageView(
                  rs.getLong(1),
                  heading,
                  SectionPaths.headingPath(SectionPaths.fromColumn(rs.getString(14)), heading),
                  rs.getString(3),
                  rs.getInt(4),
                  rs.getString(5),
                  rs.getInt(6),
                  rs.getTimestamp(7).toInstant(),
                  rs.getTimestamp(8).toInstant(),
                  new ArticleRef(
                      rs.getLong(9),
                      rs.getString(10),
                      rs.getString(11),
                      rs.getString(12),
                      rs.getObject(13, LocalDate.class)),
                  causes,
                  treatments);
            }
          }
        });
  }

  private static void loadTags(
      Connection c, long passageId, List<TagRef> causes, List<TagRef> treatments)
      throws SQLException {
    try (PreparedStatement st = c.prepareStatement(TAGS_OF_PASSAGE)) {
      st.setLong(1, passageId);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          TagRef tag = new TagRef(rs.getString(1), rs.getString(2), rs.getString(3));
          (TagRef.CAUSE.equals(tag.kind()) ? causes : treatments).add(tag);
        }
      }
    }
  }
}
