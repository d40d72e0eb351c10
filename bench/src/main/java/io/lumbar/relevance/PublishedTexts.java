package io.lumbar.relevance;

import io.lumbar.db.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** The published passages' texts: what every ranker in an evaluation searches. */
final class PublishedTexts {
  private static final String ALL =
      """
      SELECT text FROM passages WHERE status = 'published' ORDER BY id
      """;

  private PublishedTexts() {}

  static List<String> load(Database db) {
    return db.read(
        c -> {
          List<String> texts = new ArrayList<>();
          try (PreparedStatement st = c.prepareStatement(ALL);
              ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              texts.add(rs.getString(1));
            }
          }
          return texts;
        });
  }
}
