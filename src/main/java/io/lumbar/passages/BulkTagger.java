package io.lumbar.passages;

import io.lumbar.db.Database;
import io.lumbar.db.NotFoundException;
import io.lumbar.indexing.ChangeLog;
import io.lumbar.passages.PassageList.Filter;
import io.lumbar.web.BadRequestException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds, removes or replaces a tag on every passage matching the list's filter, in one transaction, and says
 * what changed. The filter's SQL is the list's own, so the preview count and the change cover the same rows.
 */
final class BulkTagger {
  enum Mode { ADD, REMOVE, REPLACE }

  /** What a bulk change did: how many passages matched, and how many of them changed. */
  record Report(String tagName, Mode mode, int matched, int changed) {}

  private static final String TAG = """
      SELECT id, kind, name FROM tags WHERE slug = ? AND retired_at IS NULL
      """;
  private static final String MATCHING_IDS = """
      SELECT p.id FROM passages p
      """;
  private static final String ADD = """
      INSERT IGNORE INTO passage_tags (passage_id, tag_id, tagged_by) VALUES (?, ?, ?)
      """;
  private static final String REMOVE = """
      DELETE FROM passage_tags WHERE passage_id = ? AND tag_id = ?
      """;
  /** Replace: the passage's other tags of the same kind go. */
  private static final String REMOVE_OTHERS_OF_KIND = """
      DELETE pt FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id
       WHERE pt.passage_id = ? AND t.kind = ? AND pt.tag_id <> ?
      """;
  private static final String AUDIT = """
      INSERT INTO audit_log (actor, action, entity_type, entity_id, detail)
      VALUES (?, ?, 'tag', ?, JSON_OBJECT('matched', ?, 'changed', ?, 'filter', ?))
      """;
  /** A bulk change larger than this is refused: narrow the filter. */
  static final int MAX_PASSAGES = 10_000;

  private final Database db;

  BulkTagger(Database db) {
    this.db = db;
  }

  Report apply(Filter filter, String slug, Mode mode, String actor, String filterDescription) {
    return db.inReplayableTransaction(c -> {
      long tagId;
      String kind;
      String name;
      try (PreparedStatement st = c.prepareStatement(TAG)) {
        st.setString(1, slug);
        try (ResultSet rs = st.executeQuery()) {
          if (!rs.next()) {
            throw new NotFoundException("Tag", slug);
          }
          tagId = rs.getLong(1);
          kind = rs.getString(2);
          name = rs.getString(3);
        }
      }
      List<Long> ids = matching(c, filter);
      if (ids.size() > MAX_PASSAGES) {
        throw new BadRequestException("That filter matches " + ids.size() + " passages; narrow it to at most " + MAX_PASSAGES);
      }
      List<Long> changed = new ArrayList<>();
      for (long id : ids) {
        int rows = 0;
        if (mode == Mode.REPLACE) {
          try (PreparedStatement st = c.prepareStatement(REMOVE_OTHERS_OF_KIND)) {
            st.setLong(1, id);
            st.setString(2, kind);
            st.setLong(3, tagId);
            rows += st.executeUpdate();
          }
        }
        try (PreparedStatement st = c.prepareStatement(mode == Mode.REMOVE ? REMOVE : ADD)) {
          st.setLong(1, id);
          st.setLong(2, tagId);
          if (mode != Mode.REMOVE) {
            st.setString(3, actor);
          }
          rows += st.executeUpdate();
        }
        if (rows > 0) {
          changed.add(id);
        }
      }
      ChangeLog.append(c, changed);
      try (PreparedStatement st = c.prepareStatement(AUDIT)) {
        st.setString(1, actor);
        st.setString(2, "tag.bulk-" + mode.name().toLowerCase(java.util.Locale.ROOT));
        st.setLong(3, tagId);
        st.setInt(4, ids.size());
        st.setInt(5, changed.size());
        st.setString(6, filterDescription);
        st.executeUpdate();
      }
      return new Report(name, mode, ids.size(), changed.size());
    });
  }

  private static List<Long> matching(Connection c, Filter filter) throws SQLException {
    List<Object> params = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement st = PassageList.prepare(c, MATCHING_IDS + PassageList.where(filter, params) + " ORDER BY p.id", params);
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }
}
