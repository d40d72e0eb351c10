package io.lumbar.tagging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumbar.db.DataAccessException;
import io.lumbar.db.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the taxonomy. */
final class TagDao {
  private static final String ACTIVE_TAGS =
      """
      SELECT id, kind, slug, name, description, aliases
        FROM tags
       WHERE retired_at IS NULL
       ORDER BY kind, name
      """;
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final Database db;
  private final ObjectMapper json;

  TagDao(Database db, ObjectMapper json) {
    this.db = db;
    this.json = json;
  }

  List<Tag> activeTags() {
    return db.read(
        c -> {
          List<Tag> tags = new ArrayList<>();
          try (var st = c.prepareStatement(ACTIVE_TAGS);
              ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              tags.add(map(rs));
            }
          }
          return tags;
        });
  }

  private Tag map(ResultSet rs) throws SQLException {
    return new Tag(
        rs.getLong("id"),
        rs.getString("kind"),
        rs.getString("slug"),
        rs.getString("name"),
        rs.getString("description"),
        aliases(rs.getString("aliases")));
  }

  private List<String> aliases(String raw) {
    try {
      return raw == null ? List.of() : json.readValue(raw, STRINGS);
    } catch (JsonProcessingException e) {
      throw new DataAccessException("Tag aliases are not a JSON list: " + raw, e);
    }
  }
}
