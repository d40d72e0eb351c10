package io.lumbar.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumbar.db.DataAccessException;
import io.lumbar.db.Database;
import io.lumbar.search.TagMatcher.TagTerms;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads search's vocabulary from MariaDB: editors' synonym rules and the active taxonomy. */
final class VocabularySource {
  private static final Logger log = LoggerFactory.getLogger(VocabularySource.class);
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  /**
   * Changes whenever a rule or tag is added, edited, retired or deleted: a checksum over every row,
   * so even a change committed with an older timestamp than the newest row is seen. Both tables
   * stay small.
   */
  private static final String VERSION =
      """
      SELECT CONCAT((SELECT COUNT(*) FROM synonym_rules), '/',
                    (SELECT IFNULL(BIT_XOR(CRC32(CONCAT_WS('|', id, rule, updated_at))), 0) FROM synonym_rules), '/',
                    (SELECT COUNT(*) FROM tags), '/',
                    (SELECT IFNULL(BIT_XOR(CRC32(CONCAT_WS('|', id, kind, slug, name, aliases, warning_sign, IFNULL(retired_at, ''), updated_at))), 0) FROM tags))
      """;

  private static final String RULES =
      """
      SELECT id, rule FROM synonym_rules ORDER BY id
      """;
  private static final String TAGS =
      """
      SELECT kind, slug, name, aliases, warning_sign FROM tags WHERE retired_at IS NULL ORDER BY kind, name
      """;

  private final Database db;
  private final ObjectMapper json;

  VocabularySource(Database db, ObjectMapper json) {
    this.db = db;
    this.json = json;
  }

  String version() {
    return db.read(
        c -> {
          try (PreparedStatement st = c.prepareStatement(VERSION);
              ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getString(1);
          }
        });
  }

  Vocabulary load() {
    return db.read(
        c -> {
          StringBuilder rules = new StringBuilder();
          try (PreparedStatement st = c.prepareStatement(RULES);
              ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              String rule = rs.getString(2);
              try {
                Analysis.checkSynonymRule(rule);
                rules.append(rule).append('\n');
              } catch (IllegalArgumentException e) {
                // Rules are checked when saved; one that slipped in some other way must not break
                // search.
                log.warn("Skipping synonym rule {}: {}", rs.getLong(1), e.getMessage());
              }
            }
          }
          List<TagTerms> tags = new ArrayList<>();
          try (PreparedStatement st = c.prepareStatement(TAGS);
              ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
              try {
                tags.add(
                    new TagTerms(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        aliases(rs.getString(4)),
                        rs.getBoolean(5)));
              } catch (DataAccessException e) {
                // One malformed row must not stop synonym and taxonomy changes from reaching
                // search.
                log.warn("Skipping tag {}: {}", rs.getString(2), e.getMessage());
              }
            }
          }
          return new Vocabulary(Analysis.withExtraSynonyms(rules.toString()), tags);
        });
  }

  private List<String> aliases(String raw) {
    try {
      List<String> aliases = raw == null ? List.of() : json.readValue(raw, STRINGS);
      if (aliases.contains(null)) {
        throw new DataAccessException("Tag aliases contain null: " + raw, null);
      }
      return aliases;
    } catch (JsonProcessingException e) {
      throw new DataAccessException("Tag aliases are not a JSON list: " + raw, e);
    }
  }
}
