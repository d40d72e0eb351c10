package io.lumbar.export;

import io.lumbar.db.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Small fixtures written straight into the database, and the ids SQL says a filter should match.
 */
final class ExportFixture {
  static final String TRICKY_TEXT =
      "He said, \"lie flat\"\nthen rest; a comma, a \"quote\" and a\r\nline break.";
  static final String TRICKY_HEADING = "Commas, \"quotes\"";

  /** The headings above TRICKY_HEADING, as section_path holds them. */
  static final String TRICKY_SECTION_PATH = "[\"Part, one\", \"Sub \\\"two\\\"\"]";

  static final String TRICKY_URL = "https://example.org/back?a=1&b=2";

  private ExportFixture() {}

  /**
   * An article with a source URL and publication date, and a published passage full of CSV
   * metacharacters, two headings deep, tagged with a cause and a treatment.
   */
  static long trickyPassage(Database db, String causeSlug, String treatmentSlug) {
    return db.inTransaction(
        c -> {
          long article;
          try (PreparedStatement st =
              c.prepareStatement(
                  """
          INSERT INTO articles (title, publisher, published_on, source_name, source_url, original_text, checksum, imported_by)
          VALUES ('Quoting, "tricky" article', 'Pub, Inc.', '2023-04-05', 'tricky.txt', ?, 'x', SHA2('tricky', 256), 'test')
          """,
                  Statement.RETURN_GENERATED_KEYS)) {
            st.setString(1, TRICKY_URL);
            st.executeUpdate();
            article = key(st);
          }
          long passage;
          try (PreparedStatement st =
              c.prepareStatement(
                  """
          INSERT INTO passages (article_id, position, heading, section_path, text, original_text, fingerprint, status,
                                created_by, updated_by)
          VALUES (?, 0, ?, ?, ?, 'Original, before editing.', SHA2('tricky-p', 256), 'published', 'test', 'edna')
          """,
                  Statement.RETURN_GENERATED_KEYS)) {
            st.setLong(1, article);
            st.setString(2, TRICKY_HEADING);
            st.setString(3, TRICKY_SECTION_PATH);
            st.setString(4, TRICKY_TEXT);
            st.executeUpdate();
            passage = key(st);
          }
          try (PreparedStatement st =
              c.prepareStatement(
                  "INSERT INTO passage_tags (passage_id, tag_id, tagged_by) SELECT ?, id, 'test' FROM tags WHERE slug IN (?, ?)")) {
            st.setLong(1, passage);
            st.setString(2, causeSlug);
            st.setString(3, treatmentSlug);
            st.executeUpdate();
          }
          return passage;
        });
  }

  static List<Long> ids(Database db, String where, Object... params) {
    return db.read(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement("SELECT p.id FROM passages p " + where + " ORDER BY p.id")) {
            for (int i = 0; i < params.length; i++) {
              st.setObject(i + 1, params[i]);
            }
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getLong(1));
              }
            }
            return ids;
          }
        });
  }

  static void sql(Database db, String sql, Object... params) {
    db.inTransaction(
        c -> {
          try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
              st.setObject(i + 1, params[i]);
            }
            return st.executeUpdate();
          }
        });
  }

  private static long key(PreparedStatement st) throws java.sql.SQLException {
    try (ResultSet keys = st.getGeneratedKeys()) {
      keys.next();
      return keys.getLong(1);
    }
  }
}
