package io.lumbar.tagging;

import io.lumbar.audit.AuditEntry;
import io.lumbar.audit.AuditTrail;
import io.lumbar.changes.ChangeSets;
import io.lumbar.db.Database;
import io.lumbar.db.NotFoundException;
import io.lumbar.indexing.ChangeLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Tags and untags passages; each change is audited and reaches search through the change log. */
public final class PassageTagger {
  private static final String TAG_ID =
      """
      SELECT id FROM tags WHERE slug = ? AND retired_at IS NULL
      """;
  private static final String PASSAGE_EXISTS =
      """
      SELECT EXISTS (SELECT 1 FROM passages WHERE id = ?)
      """;
  private static final String TAG =
      """
      INSERT IGNORE INTO passage_tags (passage_id, tag_id, tagged_by) VALUES (?, ?, ?)
      """;
  private static final String UNTAG =
      """
      DELETE FROM passage_tags WHERE passage_id = ? AND tag_id = ?
      """;

  private final Database db;

  public PassageTagger(Database db) {
    this.db = db;
  }

  /** True when the tag was added (false: it was already there). */
  public boolean tag(long passageId, String slug, String actor) {
    return change(passageId, slug, actor, TAG, "passage.tag");
  }

  /**
   * Removes the tag, recorded as a change set so it can be undone; answers the change set's id, or
   * 0 when the passage did not have the tag.
   */
  public long untag(long passageId, String slug, String actor) {
    return db.inReplayableTransaction(
        c -> {
          long tagId = requireTarget(c, passageId, slug);
          ChangeSets.Watch watch = ChangeSets.watch(c, List.of(passageId), List.of());
          if (update(c, UNTAG, passageId, tagId, actor) == 0) {
            return 0L;
          }
          long changeSet =
              watch.record(
                  c, actor, "passage.untag", "removed " + slug + " from passage " + passageId);
          AuditTrail.record(
              c,
              AuditEntry.of(actor, "passage.untag", "passage", passageId)
                  .with("tag", slug)
                  .with("change_set", changeSet));
          ChangeLog.append(c, passageId);
          return changeSet;
        });
  }

  /** A tag to add to a passage. */
  public record Tagging(long passageId, String slug) {}

  /**
   * Adds all these tags in one transaction, each audited as a single tag is: all are added or, when
   * one passage or tag is unknown, none. Answers how many were added (the others were already
   * there).
   */
  public int tagAll(List<Tagging> taggings, String actor) {
    return db.inReplayableTransaction(
        c -> {
          int added = 0;
          for (Tagging t : taggings) {
            if (change(c, t.passageId(), t.slug(), actor, TAG, "passage.tag")) {
              added++;
            }
          }
          return added;
        });
  }

  private boolean change(long passageId, String slug, String actor, String sql, String action) {
    return db.inReplayableTransaction(c -> change(c, passageId, slug, actor, sql, action));
  }

  private static boolean change(
      Connection c, long passageId, String slug, String actor, String sql, String action)
      throws SQLException {
    long tagId = requireTarget(c, passageId, slug);
    boolean changed = update(c, sql, passageId, tagId, actor) > 0;
    if (changed) {
      AuditTrail.record(c, AuditEntry.of(actor, action, "passage", passageId).with("tag", slug));
      ChangeLog.append(c, passageId);
    }
    return changed;
  }

  /** The live tag's id; the passage and the tag must exist. */
  private static long requireTarget(Connection c, long passageId, String slug) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(PASSAGE_EXISTS)) {
      st.setLong(1, passageId);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(1)) {
          throw new NotFoundException("Passage", passageId);
        }
      }
    }
    try (PreparedStatement st = c.prepareStatement(TAG_ID)) {
      st.setString(1, slug);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException("Tag", slug);
        }
        return rs.getLong(1);
      }
    }
  }

  private static int update(Connection c, String sql, long passageId, long tagId, String actor)
      throws SQLException {
    try (PreparedStatement st = c.prepareStatement(sql)) {
      st.setLong(1, passageId);
      st.setLong(2, tagId);
      if (sql.equals(TAG)) {
        st.setString(3, actor);
      }
      return st.executeUpdate();
    }
  }
}
