package io.lumbar.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumbar.audit.AuditEntry;
import io.lumbar.audit.AuditTrail;
import io.lumbar.db.Database;
import io.lumbar.db.SectionPaths;
import io.lumbar.importing.ArticleImporter;
import io.lumbar.importing.ImportException;
import io.lumbar.importing.TextNormalizer;
import io.lumbar.indexing.ChangeLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a JSON Lines export back into the database: articles, passages with their ids, positions,
 * statuses, versions and timestamps, their tags (created by slug, name and kind when missing), one
 * revision each, an audit entry, and an index change per passage so every index follower sees them.
 * The file is read twice: first every line is checked, then everything is written in one
 * transaction, so bad input writes nothing. An article's original text is rebuilt from its
 * passages' original texts in order.
 */
public final class Restorer {
  private static final int BATCH = 1_000;
  private static final Set<String> STATUSES = Set.of("pending", "published", "rejected");

  public record Summary(long articles, long passages, long tagsCreated, long skipped) {}

  private static final String INSERT_ARTICLE =
      """
      INSERT INTO articles (id, title, publisher, source_name, source_url, published_on, original_text, checksum, imported_by)
      VALUES (?, ?, ?, ?, ?, ?, '', SHA2(CONCAT('restored article ', ?), 256), ?)
      """;
  private static final String INSERT_PASSAGE =
      """
      INSERT INTO passages (id, article_id, position, heading, text, original_text, fingerprint, status, reject_reason,
                            version, created_at, created_by, updated_at, updated_by, section_path)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """;
  private static final String INSERT_REVISION =
      """
      INSERT INTO passage_revisions (passage_id, version, heading, text, status, reject_reason, changed_by, changed_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      """;
  private static final String INSERT_TAGGING =
      "INSERT INTO passage_tags (passage_id, tag_id, tagged_by) VALUES (?, ?, ?)";
  private static final String INSERT_TAG = "INSERT INTO tags (kind, name, slug) VALUES (?, ?, ?)";
  private static final String SET_DUPLICATE =
      """
      UPDATE passages p JOIN passages d ON d.id = ? SET p.duplicate_of = d.id WHERE p.id = ?
      """;
  private static final String REBUILD_ARTICLE_TEXT =
      """
      UPDATE articles a SET original_text = COALESCE((SELECT GROUP_CONCAT(p.original_text ORDER BY p.position SEPARATOR '\\n\\n')
                                                        FROM passages p WHERE p.article_id = a.id), '')
       WHERE a.id = ?
      """;

  private final Database db;
  private final ObjectMapper json;

  public Restorer(Database db, ObjectMapper json) {
    this.db = db;
    this.json = json;
  }

  /** Checks every line; returns the number of passages. Throws naming the first bad line. */
  public long validate(Path file) {
    long[] count = {0};
    long[] lastId = {0};
    forEachLine(
        file,
        (number, node) -> {
          check(number, node, lastId[0]);
          lastId[0] = node.get("id").asLong();
          count[0]++;
        });
    if (count[0] == 0) {
      throw new RestoreException(file + " holds no passages");
    }
    return count[0];
  }

  /** True when the database holds no articles and no passages. */
  public boolean databaseIsEmpty() {
    return db.read(Restorer::emptyInTransaction);
  }

  /**
   * Writes a validated file in one transaction. With {@code merge}, passages whose ids exist are
   * skipped.
   */
  public Summary restore(Path file, boolean merge, String actor) {
    return db.inTransaction(
        c -> {
          if (!merge && !emptyInTransaction(c)) {
            throw new RestoreException(
                "the database is not empty; restore into an empty database, or add --merge to add the "
                    + "passages it does not have yet");
          }
          try (var st = c.createStatement()) {
            st.execute("SET SESSION group_concat_max_len = 16777215");
          }
          Load load = new Load(c, merge, actor);
          forEachLine(
              file,
              (number, node) -> {
                try {
                  load.add(node);
                } catch (SQLException e) {
                  // Rows are written in batches: the failing row is this line or one of the lines
                  // just before it.
                  throw new RestoreException("at or before line " + number + ": " + e.getMessage());
                }
              });
          load.finish();
          AuditTrail.record(
              c,
              AuditEntry.of(actor, "export.restore", "database", null)
                  .with("file", file.getFileName().toString())
                  .with("articles", load.insertedArticles.size())
                  .with("passages", load.passages)
                  .with("tagsCreated", load.tagsCreated)
                  .with("skipped", load.skipped)
                  .with("merge", merge));
          return new Summary(
              load.insertedArticles.size(), load.passages, load.tagsCreated, load.skipped);
        });
  }

  private static boolean emptyInTransaction(Connection c) throws SQLException {
    try (var st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT EXISTS (SELECT 1 FROM articles) OR EXISTS (SELECT 1 FROM passages)")) {
      rs.next();
      return !rs.getBoolean(1);
    }
  }

  /** The writes of one restore, batched. */
  private static final class Load {
    final Connection c;
    final boolean merge;
    final String actor;
    final Map<String, Long> tagIds = new HashMap<>();
    final Set<Long> articles = new HashSet<>();

    /** Articles this restore created (in a merge, the others already have their text). */
    final Set<Long> insertedArticles = new HashSet<>();

    final List<long[]> duplicates = new ArrayList<>();
    final List<Long> pendingIds = new ArrayList<>();
    final PreparedStatement passage;
    final PreparedStatement revision;
    final PreparedStatement tagging;
    long passages;
    long tagsCreated;
    long skipped;

    Load(Connection c, boolean merge, String actor) throws SQLException {
      this.c = c;
      this.merge = merge;
      this.actor = actor;
      try (var st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT slug, id FROM tags")) {
        while (rs.next()) {
          tagIds.put(rs.getString(1), rs.getLong(2));
        }
      }
      passage = c.prepareStatement(INSERT_PASSAGE);
      revision = c.prepareStatement(INSERT_REVISION);
      tagging = c.prepareStatement(INSERT_TAGGING);
    }

    void add(JsonNode p) throws SQLException {
      long id = p.get("id").asLong();
      if (merge && exists(c, "SELECT 1 FROM passages WHERE id = ?", id)) {
        skipped++;
        return;
      }
      JsonNode article = p.get("article");
      long articleId = article.get("id").asLong();
      if (articles.add(articleId)
          && !(merge && exists(c, "SELECT 1 FROM articles WHERE id = ?", articleId))) {
        flush();
        try (PreparedStatement st = c.prepareStatement(INSERT_ARTICLE)) {
          st.setLong(1, articleId);
          st.setString(2, article.get("title").asText());
          st.setString(3, text(article, "publisher"));
          st.setString(
              4, article.hasNonNull("source") ? article.get("source").asText() : "restore");
          st.setString(5, text(article, "url"));
          st.setObject(
              6,
              article.hasNonNull("published")
                  ? LocalDate.parse(article.get("published").asText())
                  : null);
          st.setLong(7, articleId);
          st.setString(8, actor);
          st.executeUpdate();
        }
        insertedArticles.add(articleId);
      }
      String text = p.get("text").asText();
      String original = p.hasNonNull("originalText") ? p.get("originalText").asText() : text;
      int version = p.get("version").asInt();
      Timestamp updatedAt = Timestamp.from(Instant.parse(p.get("updatedAt").asText()));
      passage.setLong(1, id);
      passage.setLong(2, articleId);
      passage.setInt(3, p.get("position").asInt());
      passage.setString(4, text(p, "heading"));
      passage.setString(5, text);
      passage.setString(6, original);
      passage.setString(7, TextNormalizer.fingerprint(original));
      passage.setString(8, p.get("status").asText());
      passage.setString(9, text(p, "rejectReason"));
      passage.setInt(10, version);
      passage.setTimestamp(11, Timestamp.from(Instant.parse(p.get("createdAt").asText())));
      passage.setString(12, p.get("createdBy").asText());
      passage.setTimestamp(13, updatedAt);
      passage.setString(14, p.get("updatedBy").asText());
      passage.setString(15, SectionPaths.toColumn(sectionPath(p)));
      passage.addBatch();
      revision.setLong(1, id);
      revision.setInt(2, version);
      revision.setString(3, text(p, "heading"));
      revision.setString(4, text);
      revision.setString(5, p.get("status").asText());
      revision.setString(6, text(p, "rejectReason"));
      revision.setString(7, p.get("updatedBy").asText());
      revision.setTimestamp(8, updatedAt);
      revision.addBatch();
      for (String kind : List.of("cause", "treatment")) {
        for (JsonNode tag : p.get(kind + "s")) {
          tagging.setLong(1, id);
          tagging.setLong(2, tagId(kind, tag.get("slug").asText(), tag.get("name").asText()));
          tagging.setString(3, actor);
          tagging.addBatch();
        }
      }
      if (p.hasNonNull("duplicateOf")) {
        duplicates.add(new long[] {id, p.get("duplicateOf").asLong()});
      }
      pendingIds.add(id);
      passages++;
      if (pendingIds.size() >= BATCH) {
        flush();
      }
    }

    private long tagId(String kind, String slug, String name) throws SQLException {
      Long known = tagIds.get(slug);
      if (known != null) {
        return known;
      }
      try (PreparedStatement st =
          c.prepareStatement(INSERT_TAG, java.sql.Statement.RETURN_GENERATED_KEYS)) {
        st.setString(1, kind);
        st.setString(2, name);
        st.setString(3, slug);
        st.executeUpdate();
        try (ResultSet keys = st.getGeneratedKeys()) {
          keys.next();
          tagIds.put(slug, keys.getLong(1));
          tagsCreated++;
          return keys.getLong(1);
        }
      }
    }

    void flush() throws SQLException {
      if (pendingIds.isEmpty()) {
        return;
      }
      passage.executeBatch();
      revision.executeBatch();
      tagging.executeBatch();
      ChangeLog.append(c, pendingIds);
      pendingIds.clear();
    }

    void finish() throws SQLException {
      flush();
      try (PreparedStatement st = c.prepareStatement(SET_DUPLICATE)) {
        for (long[] pair : duplicates) {
          st.setLong(1, pair[1]);
          st.setLong(2, pair[0]);
          st.executeUpdate();
        }
      }
      try (PreparedStatement st = c.prepareStatement(REBUILD_ARTICLE_TEXT)) {
        for (long article : insertedArticles) {
          st.setLong(1, article);
          st.executeUpdate();
        }
      }
      passage.close();
      revision.close();
      tagging.close();
    }
  }

  private static boolean exists(Connection c, String sql, long id) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(sql)) {
      st.setLong(1, id);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * The headings above the passage's own: its {@code headingPath} without the heading, which ends
   * it when there is one (checked by {@link #check}). An export from before heading paths has none.
   */
  private static List<String> sectionPath(JsonNode p) {
    JsonNode path = p.get("headingPath");
    if (path == null || path.isNull()) {
      return List.of();
    }
    List<String> above = new ArrayList<>();
    path.forEach(heading -> above.add(heading.asText()));
    if (p.hasNonNull("heading")) {
      above.removeLast();
    }
    return above;
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }

  private void check(long line, JsonNode p, long lastId) {
    if (!p.isObject()) {
      throw bad(line, "is not a JSON object");
    }
    JsonNode version = p.get("schemaVersion");
    if (version == null || !version.isInt() || version.asInt() != ExportWriter.SCHEMA_VERSION) {
      throw bad(
          line,
          "has schemaVersion "
              + version
              + "; this Lumbar restores schemaVersion "
              + ExportWriter.SCHEMA_VERSION);
    }
    long id = positive(line, p, "id");
    if (id <= lastId) {
      throw bad(
          line,
          "has id "
              + id
              + " after id "
              + lastId
              + "; passages must be in increasing id order, as exported");
    }
    String text = string(line, p, "text", true);
    if (text.isBlank() || text.getBytes(StandardCharsets.UTF_8).length > 65_535) {
      throw bad(line, "has a 'text' that is empty or over 65535 bytes");
    }
    string(line, p, "originalText", false);
    String heading = string(line, p, "heading", false);
    checkHeadingPath(line, p.get("headingPath"), heading);
    string(line, p, "rejectReason", false);
    if (!STATUSES.contains(string(line, p, "status", true))) {
      throw bad(
          line,
          "has an unknown status " + p.get("status") + "; expected pending, published or rejected");
    }
    if (!p.path("position").canConvertToInt()
        || !p.path("position").isIntegralNumber()
        || p.get("position").asInt() < 0) {
      throw bad(line, "needs 'position', a whole number from 0");
    }
    if (!p.path("version").isIntegralNumber() || p.get("version").asInt() < 1) {
      throw bad(line, "needs 'version', a whole number from 1");
    }
    if (p.hasNonNull("duplicateOf")) {
      positive(line, p, "duplicateOf");
    }
    JsonNode article = p.get("article");
    if (article == null || !article.isObject()) {
      throw bad(line, "needs 'article', an object with id and title");
    }
    positive(line, article, "id");
    string(line, article, "title", true);
    string(line, article, "publisher", false);
    string(line, article, "source", false);
    String published = string(line, article, "published", false);
    LocalDate publishedOn;
    try {
      publishedOn = published == null ? null : LocalDate.parse(published);
    } catch (DateTimeParseException e) {
      throw bad(line, "has an article 'published' that is not a date (YYYY-MM-DD)");
    }
    try {
      ArticleImporter.checkProvenance(
          string(line, article, "url", false), text(article, "publisher"), publishedOn);
    } catch (ImportException e) {
      throw bad(line, "has an article whose provenance is refused: " + e.getMessage());
    }
    for (String kind : List.of("causes", "treatments")) {
      JsonNode tags = p.get(kind);
      if (tags == null || !tags.isArray()) {
        throw bad(line, "needs '" + kind + "', a list of {slug, name}");
      }
      for (JsonNode tag : tags) {
        if (!tag.path("slug").isTextual()
            || tag.get("slug").asText().isBlank()
            || !tag.path("name").isTextual()) {
          throw bad(line, "has a tag in '" + kind + "' without a slug and a name");
        }
      }
    }
    for (String field : List.of("createdAt", "updatedAt")) {
      try {
        Instant.parse(string(line, p, field, true));
      } catch (DateTimeParseException e) {
        throw bad(line, "has '" + field + "' that is not an ISO-8601 instant");
      }
    }
    string(line, p, "createdBy", true);
    string(line, p, "updatedBy", true);
  }

  /**
   * Absent (an export from before heading paths), or a list of strings that ends with the heading
   * when there is one.
   */
  private static void checkHeadingPath(long line, JsonNode path, String heading) {
    if (path == null || path.isNull()) {
      return;
    }
    if (!path.isArray()) {
      throw bad(line, "has a 'headingPath' that is not a list of strings");
    }
    for (JsonNode element : path) {
      if (!element.isTextual()) {
        throw bad(line, "has a 'headingPath' that is not a list of strings");
      }
    }
    if (heading != null
        && (path.isEmpty() || !path.get(path.size() - 1).asText().equals(heading))) {
      throw bad(line, "has a 'headingPath' that does not end with its 'heading'");
    }
  }

  private static long positive(long line, JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null
        || !value.isIntegralNumber()
        || !value.canConvertToLong()
        || value.asLong() <= 0) {
      throw bad(line, "needs '" + field + "', a positive whole number");
    }
    return value.asLong();
  }

  private static String string(long line, JsonNode node, String field, boolean required) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        throw bad(line, "needs '" + field + "'");
      }
      return null;
    }
    if (!value.isTextual()) {
      throw bad(line, "has '" + field + "' that is not a string");
    }
    return value.asText();
  }

  private static RestoreException bad(long line, String problem) {
    return new RestoreException("line " + line + " " + problem);
  }

  private interface LineHandler {
    void accept(long number, JsonNode node);
  }

  private void forEachLine(Path file, LineHandler handler) {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      long number = 0;
      String line;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = json.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw bad(number, "is not valid JSON: " + e.getOriginalMessage());
        }
        handler.accept(number, node);
      }
    } catch (java.nio.charset.MalformedInputException e) {
      throw new RestoreException(file + " is not UTF-8 text");
    } catch (IOException e) {
      throw new UncheckedIOException(file + " cannot be read: " + e.getMessage(), e);
    }
  }
}
