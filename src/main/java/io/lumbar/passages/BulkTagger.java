package io.lumbar.passages;

import io.lumbar.audit.AuditEntry;
import io.lumbar.audit.AuditTrail;
import io.lumbar.changes.ChangeSets;
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
 * Adds, removes or replaces a tag on every passage matching the list's filter, in one transaction,
 * and says what changed. The filter's SQL is the list's own, so the preview count and the change
 * cover the same rows.
 */
final class BulkTagger {
  enum Mode {
    ADD,
    REMOVE,
    REPLACE
  }

  /**
   * What a bulk change did: how many passages matched, how many of them changed, and its change set
   * (for undo).
   */
  record Report(String tagName, Mode mode, int matched, int changed, long changeSet) {
    String line() {
      return switch (mode) {
        case ADD ->
            tagName
                + " added to "
                + changed
                + " of "
                + matched
                + " passages ("
                + (matched - changed)
                + " had it already).";
        case REMOVE ->
            tagName
                + " removed from "
                + changed
                + " of "
                + matched
                + " passages ("
                + (matched - changed)
                + " did not have it).";
        case REPLACE ->
            tagName
                + " now replaces the other tags of its kind on "
                + matched
                + " passages; "
                + changed
                + " changed.";
      };
    }
  }

  /**
   * What a bulk change would do, for its confirmation: how many matched passages would gain the
   * tag, and per tag how many would lose it.
   */
  record Preview(String tagName, Mode mode, long matched, long gaining, List<Loss> losses) {
    /** "Removes Rest from 12 passages": one line per tag that changes. */
    List<String> lines() {
      List<String> lines = new ArrayList<>();
      if (mode != Mode.REMOVE) {
        lines.add(
            "Adds " + tagName + " to " + passages(gaining) + " (of " + matched + " matched).");
      }
      for (Loss loss : losses) {
        lines.add("Removes " + loss.tagName() + " from " + passages(loss.passages()) + ".");
      }
      if (lines.isEmpty()) {
        lines.add("Changes nothing: none of the " + passages(matched) + " has " + tagName + ".");
      }
      return lines;
    }

    private static String passages(long n) {
      return n + (n == 1 ? " passage" : " passages");
    }
  }

  /** A tag a bulk change takes off passages, and from how many. */
  record Loss(String tagName, long passages) {}

  private static final String TAG =
      """
      SELECT id, kind, name FROM tags WHERE slug = ? AND retired_at IS NULL
      """;
  private static final String MATCHING_IDS =
      """
      SELECT p.id FROM passages p
      """;
  private static final String ADD =
      """
      INSERT IGNORE INTO passage_tags (passage_id, tag_id, tagged_by) VALUES (?, ?, ?)
      """;
  private static final String REMOVE =
      """
      DELETE FROM passage_tags WHERE passage_id = ? AND tag_id = ?
      """;

  /** Replace: the passage's other tags of the same kind go. */
  private static final String REMOVE_OTHERS_OF_KIND =
      """
      DELETE pt FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id
       WHERE pt.passage_id = ? AND t.kind = ? AND pt.tag_id <> ?
      """;

  /** The matched passages as a derived table {@code m}; the filter's WHERE goes in %s. */
  private static final String GAINING =
      """
      SELECT COUNT(*) FROM (SELECT p.id FROM passages p %s) m
       WHERE NOT EXISTS (SELECT 1 FROM passage_tags pt WHERE pt.passage_id = m.id AND pt.tag_id = ?)
      """;

  private static final String LOSING =
      """
      SELECT t.name, COUNT(*) FROM (SELECT p.id FROM passages p %s) m
        JOIN passage_tags pt ON pt.passage_id = m.id JOIN tags t ON t.id = pt.tag_id
       WHERE t.kind = ? AND (t.id = ?) = ?
       GROUP BY t.id, t.name ORDER BY COUNT(*) DESC, t.name
      """;

  /** A bulk change larger than this is refused: narrow the filter. */
  static final int MAX_PASSAGES = 10_000;

  private final Database db;

  BulkTagger(Database db) {
    this.db = db;
  }

  /** The live tag a bulk change applies. */
  private record TagRow(long id, String kind, String name) {}

  /** What {@link #apply} would do now; it writes nothing. */
  Preview preview(Filter filter, String slug, Mode mode) {
    return db.read(
        c -> {
          TagRow tag = tag(c, slug);
          long matched = matching(c, filter).size();
          requireAtMostMax(matched);
          long gaining = 0;
          if (mode != Mode.REMOVE) {
            List<Object> params = new ArrayList<>();
            String where = PassageList.where(filter, params);
            params.add(tag.id());
            try (PreparedStatement st = PassageList.prepare(c, GAINING.formatted(where), params);
                ResultSet rs = st.executeQuery()) {
              rs.next();
              gaining = rs.getLong(1);
            }
          }
          List<Loss> losses = new ArrayList<>();
          if (mode != Mode.ADD) {
            List<Object> params = new ArrayList<>();
            String where = PassageList.where(filter, params);
            params.add(tag.kind());
            params.add(tag.id());
            // Remove takes this tag off; replace takes off the others of its kind.
            params.add(mode == Mode.REMOVE);
            try (PreparedStatement st = PassageList.prepare(c, LOSING.formatted(where), params);
                ResultSet rs = st.executeQuery()) {
              while (rs.next()) {
                losses.add(new Loss(rs.getString(1), rs.getLong(2)));
              }
            }
          }
          return new Preview(tag.name(), mode, matched, gaining, losses);
        });
  }

  private static TagRow tag(Connection c, String slug) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(TAG)) {
      st.setString(1, slug);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException("Tag", slug);
        }
        return new TagRow(rs.getLong(1), rs.getString(2), rs.getString(3));
      }
    }
  }

  Report apply(Filter filter, String slug, Mode mode, String actor, String filterDescription) {
    return db.inReplayableTransaction(
        c -> {
          TagRow tag = tag(c, slug);
          long tagId = tag.id();
          String kind = tag.kind();
          String name = tag.name();
          List<Long> ids = matching(c, filter);
          requireAtMostMax(ids.size());
          ChangeSets.Watch watch = ChangeSets.watch(c, ids, List.of());
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
          String action = "tag.bulk-" + mode.name().toLowerCase(java.util.Locale.ROOT);
          Report done = new Report(name, mode, ids.size(), changed.size(), 0);
          long changeSet = watch.record(c, actor, action, done.line());
          AuditTrail.record(
              c,
              AuditEntry.of(actor, action, "tag", tagId)
                  .with("matched", ids.size())
                  .with("changed", changed.size())
                  .with("filter", filterDescription)
                  .with("change_set", changeSet));
          return new Report(name, mode, ids.size(), changed.size(), changeSet);
        });
  }

  private static void requireAtMostMax(long matched) {
    if (matched > MAX_PASSAGES) {
      throw new BadRequestException(
          "That filter matches " + matched + " passages; narrow it to at most " + MAX_PASSAGES);
    }
  }

  private static List<Long> matching(Connection c, Filter filter) throws SQLException {
    List<Object> params = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement st =
            PassageList.prepare(
                c, MATCHING_IDS + PassageList.where(filter, params) + " ORDER BY p.id", params);
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }
}
