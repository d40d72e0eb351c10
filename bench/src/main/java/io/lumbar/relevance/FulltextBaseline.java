package io.lumbar.relevance;

import io.lumbar.db.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * MariaDB's own full-text search over the same published passages: what users would pick instead of
 * Lumbar.
 */
final class FulltextBaseline implements Ranker {
  private static final String SEARCH =
      """
      SELECT text, MATCH (text) AGAINST (? IN NATURAL LANGUAGE MODE) AS relevance
        FROM passages
       WHERE status = 'published' AND MATCH (text) AGAINST (? IN NATURAL LANGUAGE MODE)
       ORDER BY relevance DESC, id
       LIMIT ?
      """;

  private final Database db;

  FulltextBaseline(Database db) {
    this.db = db;
  }

  @Override
  public String name() {
    return "mariadb-fulltext";
  }

  @Override
  public List<String> top(String query, int k) {
    return db.read(
        c -> {
          try (PreparedStatement st = c.prepareStatement(SEARCH)) {
            st.setString(1, query);
            st.setString(2, query);
            st.setInt(3, k);
            List<String> texts = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
              while (rs.next()) {
                texts.add(rs.getString(1));
              }
            }
            return texts;
          }
        });
  }
}
