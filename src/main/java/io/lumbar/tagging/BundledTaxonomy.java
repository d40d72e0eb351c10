package io.lumbar.tagging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumbar.audit.AuditEntry;
import io.lumbar.audit.AuditTrail;
import io.lumbar.db.Database;
import io.lumbar.indexing.ChangeLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The curated taxonomy and tagging shipped with the sample corpus ({@code articles/taxonomy.json}
 * and {@code articles/curation.json}): causes and treatments with descriptions and lay aliases,
 * which treatments each cause is linked to, and the tags of every published sample passage.
 */
public final class BundledTaxonomy {
  private static final Logger log = LoggerFactory.getLogger(BundledTaxonomy.class);
  private static final String TAXONOMY = "/articles/taxonomy.json";
  private static final String CURATION = "/articles/curation.json";

  /**
   * {@code warningSign}: a query naming the tag shows the advice to see a doctor first (absent:
   * false).
   */
  record TagEntry(
      String slug,
      String name,
      String description,
      List<String> aliases,
      String parent,
      List<String> treatments,
      Boolean warningSign) {}

  record Taxonomy(List<TagEntry> causes, List<TagEntry> treatments) {}

  record Curated(
      String file, int position, String starts, List<String> causes, List<String> treatments) {}

  record Curation(List<Curated> passages) {}

  /** What was loaded, for the log. */
  public record Applied(int tags, int links, int taggedPassages, int skipped) {}

  private BundledTaxonomy() {}

  /**
   * Loads the taxonomy and tags the sample passages, in one transaction, once per database: when it
   * has no tags, the sample articles are there, and the taxonomy was never loaded before (an audit
   * entry marks it, so an editor who deletes every tag does not get them back). Also finishes a
   * first start that stopped between importing the samples and this step. Returns null when there
   * was nothing to do.
   */
  public static Applied applyIfNoTags(Database db, ObjectMapper json, String actor) {
    Taxonomy taxonomy = read(json, TAXONOMY, Taxonomy.class);
    Curation curation = read(json, CURATION, Curation.class);
    // The lock is held on its own connection until the loading transaction has committed, so a
    // second node
    // starting at the same time waits, then sees the marker.
    return db.read(
        lockConnection -> {
          TagWriter lock = new TagWriter(lockConnection, json);
          lock.lock();
          try {
            return db.inTransaction(
                c -> {
                  TagWriter tags = new TagWriter(c, json);
                  if (tags.alreadyLoaded() || !tags.samplesPresent(curation)) {
                    return null;
                  }
                  return load(tags, c, taxonomy, curation, actor);
                });
          } finally {
            lock.unlock();
          }
        });
  }

  /**
   * Inserts the bundled taxonomy (tags, parents, cause-treatment links) on the caller's
   * transaction, without tagging any passage: for synthetic corpora that draw their tags from it.
   * Returns the tag ids by slug.
   */
  public static Map<String, Long> insertTags(Connection c, ObjectMapper json, String actor)
      throws SQLException {
    return insertTaxonomy(new TagWriter(c, json), read(json, TAXONOMY, Taxonomy.class), actor)
        .ids();
  }

  private record Inserted(Map<String, Long> ids, int links) {}

  private static Applied load(
      TagWriter tags, Connection c, Taxonomy taxonomy, Curation curation, String actor)
      throws SQLException {
    Inserted inserted = insertTaxonomy(tags, taxonomy, actor);
    Map<String, Long> ids = inserted.ids();
    int links = inserted.links();
    Set<Long> tagged = new LinkedHashSet<>();
    int skipped = 0;
    for (Curated passage : curation.passages()) {
      Long passageId = tags.findPassage(passage.file(), passage.position(), passage.starts());
      if (passageId == null) {
        // The article was not imported, or its text was split differently: leave it for editors.
        skipped++;
        continue;
      }
      for (String slug : concat(passage.causes(), passage.treatments())) {
        tags.tag(passageId, required(ids, slug, passage.file() + "#" + passage.position()), actor);
        tagged.add(passageId);
      }
    }
    ChangeLog.append(c, tagged);
    tags.markLoaded(actor);
    if (skipped > 0) {
      log.warn("{} curated sample passages were not found and stay untagged", skipped);
    }
    return new Applied(ids.size(), links, tagged.size(), skipped);
  }

  private static Inserted insertTaxonomy(TagWriter tags, Taxonomy taxonomy, String actor)
      throws SQLException {
    Map<String, Long> ids = new HashMap<>();
    insertAll(tags, "cause", taxonomy.causes(), ids);
    insertAll(tags, "treatment", taxonomy.treatments(), ids);
    for (TagEntry entry : concat(taxonomy.causes(), taxonomy.treatments())) {
      if (entry.parent() != null) {
        tags.setParent(ids.get(entry.slug()), required(ids, entry.parent(), entry.slug()));
      }
    }
    int links = 0;
    for (TagEntry cause : taxonomy.causes()) {
      for (String treatment : nullToEmpty(cause.treatments())) {
        tags.link(ids.get(cause.slug()), required(ids, treatment, cause.slug()), actor);
        links++;
      }
    }
    return new Inserted(ids, links);
  }

  private static void insertAll(
      TagWriter tags, String kind, List<TagEntry> entries, Map<String, Long> ids)
      throws SQLException {
    for (TagEntry e : entries) {
      ids.put(
          e.slug(),
          tags.insert(
              kind,
              e.slug(),
              e.name(),
              e.description(),
              nullToEmpty(e.aliases()),
              Boolean.TRUE.equals(e.warningSign())));
    }
  }

  private static long required(Map<String, Long> ids, String slug, String usedBy) {
    Long id = ids.get(slug);
    if (id == null) {
      throw new IllegalStateException(
          "The bundled curation uses an unknown tag \"" + slug + "\" (in " + usedBy + ")");
    }
    return id;
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(nullToEmpty(a));
    all.addAll(nullToEmpty(b));
    return all;
  }

  private static <T> List<T> nullToEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static <T> T read(ObjectMapper json, String path, Class<T> type) {
    try (InputStream in = BundledTaxonomy.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("The bundled corpus is missing " + path);
      }
      return json.readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The SQL of loading a taxonomy, on the caller's transaction. */
  private static final class TagWriter {
    private static final String INSERT_TAG =
        """
        INSERT INTO tags (kind, slug, name, description, aliases, warning_sign) VALUES (?, ?, ?, ?, ?, ?)
        """;
    private static final String FIND_PASSAGE =
        """
        SELECT p.id, p.text FROM passages p JOIN articles a ON a.id = p.article_id
         WHERE a.source_name = ? AND p.position = ?
        """;

    /** When the import's structure moved a passage, its opening words still find it. */
    private static final String FIND_PASSAGE_BY_START =
        """
        SELECT p.id FROM passages p JOIN articles a ON a.id = p.article_id
         WHERE a.source_name = ? AND p.status <> 'rejected' AND LEFT(p.text, ?) = ?
         ORDER BY ABS(p.position - ?), p.id LIMIT 1
        """;

    private final Connection c;
    private final ObjectMapper json;

    TagWriter(Connection c, ObjectMapper json) {
      this.c = c;
      this.json = json;
    }

    private static final String LOCK =
        """
        SELECT GET_LOCK('lumbar.sample-taxonomy', 60)
        """;
    private static final String UNLOCK =
        """
        SELECT RELEASE_LOCK('lumbar.sample-taxonomy')
        """;
    private static final String LOADED =
        """
        SELECT EXISTS (SELECT 1 FROM tags) OR EXISTS (SELECT 1 FROM audit_log WHERE action = 'taxonomy.load-samples')
        """;
    private static final String ARTICLE_EXISTS =
        """
        SELECT EXISTS (SELECT 1 FROM articles WHERE source_name = ?)
        """;

    void lock() throws SQLException {
      try (var st = c.prepareStatement(LOCK);
          var rs = st.executeQuery()) {
        if (!rs.next() || rs.getInt(1) != 1) {
          throw new IllegalStateException(
              "Another node is loading the sample taxonomy and did not finish within a minute");
        }
      }
    }

    void unlock() throws SQLException {
      try (var st = c.prepareStatement(UNLOCK)) {
        st.executeQuery().close();
      }
    }

    boolean alreadyLoaded() throws SQLException {
      try (var st = c.prepareStatement(LOADED);
          var rs = st.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }

    /** Every sample article the curation refers to has been imported. */
    boolean samplesPresent(Curation curation) throws SQLException {
      for (String file : curation.passages().stream().map(Curated::file).distinct().toList()) {
        try (var st = c.prepareStatement(ARTICLE_EXISTS)) {
          st.setString(1, file);
          try (var rs = st.executeQuery()) {
            rs.next();
            if (!rs.getBoolean(1)) {
              return false;
            }
          }
        }
      }
      return true;
    }

    void markLoaded(String actor) throws SQLException {
      AuditTrail.record(c, AuditEntry.of(actor, "taxonomy.load-samples", "taxonomy", null));
    }

    long insert(
        String kind,
        String slug,
        String name,
        String description,
        List<String> aliases,
        boolean warningSign)
        throws SQLException {
      try (var st = c.prepareStatement(INSERT_TAG, java.sql.Statement.RETURN_GENERATED_KEYS)) {
        st.setString(1, kind);
        st.setString(2, slug);
        st.setString(3, name);
        st.setString(4, description);
        st.setString(5, json.writeValueAsString(aliases));
        st.setBoolean(6, warningSign);
        st.executeUpdate();
        try (var keys = st.getGeneratedKeys()) {
          keys.next();
          return keys.getLong(1);
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    void setParent(long tagId, long parentId) throws SQLException {
      try (var st = c.prepareStatement("UPDATE tags SET parent_id = ? WHERE id = ?")) {
        st.setLong(1, parentId);
        st.setLong(2, tagId);
        st.executeUpdate();
      }
    }

    void link(long causeId, long treatmentId, String actor) throws SQLException {
      try (var st =
          c.prepareStatement(
              "INSERT INTO tag_links (cause_id, treatment_id, created_by) VALUES (?, ?, ?)")) {
        st.setLong(1, causeId);
        st.setLong(2, treatmentId);
        st.setString(3, actor);
        st.executeUpdate();
      }
    }

    /** The passage at this position of the bundled article, if its text still starts as curated. */
    Long findPassage(String file, int position, String starts) throws SQLException {
      try (var st = c.prepareStatement(FIND_PASSAGE)) {
        st.setString(1, file);
        st.setInt(2, position);
        try (var rs = st.executeQuery()) {
          if (rs.next() && rs.getString(2).startsWith(starts)) {
            return rs.getLong(1);
          }
        }
      }
      try (var st = c.prepareStatement(FIND_PASSAGE_BY_START)) {
        st.setString(1, file);
        st.setInt(2, starts.length());
        st.setString(3, starts);
        st.setInt(4, position);
        try (var rs = st.executeQuery()) {
          return rs.next() ? rs.getLong(1) : null;
        }
      }
    }

    void tag(long passageId, long tagId, String actor) throws SQLException {
      try (var st =
          c.prepareStatement(
              "INSERT IGNORE INTO passage_tags (passage_id, tag_id, tagged_by) VALUES (?, ?, ?)")) {
        st.setLong(1, passageId);
        st.setLong(2, tagId);
        st.setString(3, actor);
        st.executeUpdate();
      }
    }
  }
}
