package io.lumbar.tagging;

import io.lumbar.db.Database;
import io.lumbar.db.NotFoundException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An article's published passages with the tags they have: what the review of suggested tags starts
 * from.
 */
final class ReviewQueue {
  private static final String ARTICLE =
      """
      SELECT title FROM articles WHERE id = ?
      """;
  private static final String PASSAGES =
      """
      SELECT id, position, heading, text FROM passages WHERE article_id = ? AND status = 'published' ORDER BY position, id
      """;
  private static final String TAGS =
      """
      SELECT pt.passage_id, t.slug FROM passage_tags pt
        JOIN passages p ON p.id = pt.passage_id JOIN tags t ON t.id = pt.tag_id
       WHERE p.article_id = ? AND p.status = 'published'
      """;

  record Article(long id, String title, List<Passage> passages) {}

  record Passage(long id, int position, String heading, String text, Set<String> tags) {}

  private final Database db;

  ReviewQueue(Database db) {
    this.db = db;
  }

  Article article(long articleId) {
    return db.read(
        c -> {
          String title;
          try (PreparedStatement st = c.prepareStatement(ARTICLE)) {
            st.setLong(1, articleId);
            try (ResultSet rs = st.executeQuery()) {
              if (!rs.next()) {
                throw new NotFoundException("Article", articleId);
              }
              title = rs.getString(1);
            }
          }
          Map<Long, List<String>> tags = new LinkedHashMap<>();
          try (PreparedStatement st = c.prepareStatement(TAGS)) {
            st.setLong(1, articleId);
            try (ResultSet rs = st.executeQuery()) {
              while (rs.next()) {
                tags.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
              }
            }
          }
          List<Passage> passages = new ArrayList<>();
          try (PreparedStatement st = c.prepareStatement(PASSAGES)) {
            st.setLong(1, articleId);
            try (ResultSet rs = st.executeQuery()) {
              while (rs.next()) {
                long id = rs.getLong(1);
                passages.add(
                    new Passage(
                        id,
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        Set.copyOf(tags.getOrDefault(id, List.of()))));
              }
            }
          }
          return new Article(articleId, title, passages);
        });
  }
}
