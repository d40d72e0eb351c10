package io.lumbar.passages;

import io.lumbar.audit.AuditEntry;
import io.lumbar.audit.AuditTrail;
import io.lumbar.db.Database;
import io.lumbar.db.NotFoundException;
import io.lumbar.db.SectionPaths;
import io.lumbar.indexing.ChangeLog;
import io.lumbar.indexing.TagRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Editors' changes to a passage. Every save is one transaction: the passage (only if nobody saved
 * since the version the editor started from), a revision with the new state, an audit entry and an
 * index change, so search shows the edit within a second and history can always revert it.
 */
public final class PassageEditor {
  /**
   * What a save did: saved as {@code version}, or nothing, because {@code current} changed
   * meanwhile.
   */
  public sealed interface Outcome {}

  public record Saved(int version) implements Outcome {}

  public record Conflict(EditablePassage current) implements Outcome {}

  /** One saved state of a passage. */
  public record Revision(
      int version,
      String heading,
      String text,
      String status,
      String rejectReason,
      String changedBy,
      java.time.Instant changedAt) {}

  private static final String FIND =
      """
      SELECT p.id, p.article_id, a.title, p.position, p.heading, p.text, p.original_text, p.status, p.reject_reason,
             p.version, p.updated_at, p.updated_by, p.duplicate_of, p.section_path
        FROM passages p JOIN articles a ON a.id = p.article_id
       WHERE p.id = ?
      """;
  private static final String TAGS =
      """
      SELECT t.kind, t.slug, t.name FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id
       WHERE pt.passage_id = ? AND t.retired_at IS NULL ORDER BY t.kind, t.name
      """;
  private static final String UPDATE =
      """
      UPDATE passages SET heading = ?, text = ?, status = ?, reject_reason = ?, version = version + 1,
                          updated_at = CURRENT_TIMESTAMP(3), updated_by = ?
       WHERE id = ? AND version = ?
      """;
  private static final String INSERT_REVISION =
      """
      INSERT INTO passage_revisions (passage_id, version, heading, text, status, reject_reason, changed_by)
      SELECT id, version, heading, text, status, reject_reason, ? FROM passages WHERE id = ?
      """;
  private static final String REJECT =
      """
      UPDATE passages SET status = 'rejected', reject_reason = ?, version = version + 1,
                          updated_at = CURRENT_TIMESTAMP(3), updated_by = ?
       WHERE id = ? AND status <> 'rejected'
      """;
  private static final String STATUS =
      "SELECT status, reject_reason FROM passages WHERE id = ? FOR UPDATE";
  private static final String VERSION = "SELECT version FROM passages WHERE id = ?";
  private static final String REVISIONS =
      """
      SELECT version, heading, text, status, reject_reason, changed_by, changed_at
        FROM passage_revisions WHERE passage_id = ? ORDER BY version DESC
      """;

  private final Database db;
  private final EditorDecisions decisions;

  /** {@code decisions} learns from every save, in its transaction (the site template). */
  public PassageEditor(Database db, EditorDecisions decisions) {
    this.db = db;
    this.decisions = decisions;
  }

  public EditablePassage find(long id) {
    return db.read(c -> find(c, id));
  }

  /**
   * Saves {@code edit} if the passage is still at {@code expectedVersion}; otherwise changes
   * nothing.
   */
  public Outcome save(long id, int expectedVersion, PassageEdit edit, String actor, String action) {
    PassageEdit valid = edit.validated();
    return db.inReplayableTransaction(
        c -> {
          Stored before = stored(c, id);
          try (PreparedStatement st = c.prepareStatement(UPDATE)) {
            st.setString(1, valid.heading());
            st.setString(2, valid.text());
            st.setString(3, valid.status());
            st.setString(4, valid.rejectReason());
            st.setString(5, actor);
            st.setLong(6, id);
            st.setInt(7, expectedVersion);
            if (st.executeUpdate() == 0) {
              return new Conflict(find(c, id));
            }
          }
          insertRevision(c, id, actor);
          int version = expectedVersion + 1;
          AuditTrail.record(
              c,
              AuditEntry.of(actor, action, "passage", id)
                  .with("version", version)
                  .with("status", valid.status()));
          ChangeLog.append(c, id);
          decisions.decided(c, id, before.status(), before.rejectReason(), valid.status(), actor);
          return new Saved(version);
        });
  }

  private record Stored(String status, String rejectReason) {}

  /**
   * The passage's status and reason before a save, locked until it commits; a missing passage is a
   * 404.
   */
  private static Stored stored(Connection c, long id) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(STATUS)) {
      st.setLong(1, id);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException("Passage", id);
        }
        return new Stored(rs.getString(1), rs.getString(2));
      }
    }
  }

  /**
   * Rejects a passage in the caller's transaction, as an editor's save would: a new version with
   * its revision, an audit entry with {@code detail} and an index change, so search drops it when
   * the caller commits. A passage rejected already is left as it is; returns whether it changed.
   */
  public static boolean reject(
      Connection c, long id, String reason, String actor, Map<String, ?> detail)
      throws SQLException {
    int version;
    try (PreparedStatement st = c.prepareStatement(REJECT)) {
      st.setString(1, reason);
      st.setString(2, actor);
      st.setLong(3, id);
      if (st.executeUpdate() == 0) {
        return false;
      }
    }
    try (PreparedStatement st = c.prepareStatement(VERSION)) {
      st.setLong(1, id);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        version = rs.getInt(1);
      }
    }
    insertRevision(c, id, actor);
    AuditTrail.record(
        c,
        AuditEntry.of(actor, "passage.reject", "passage", id)
            .withAll(detail)
            .with("version", version)
            .with("status", "rejected")
            .with("reason", reason));
    ChangeLog.append(c, id);
    return true;
  }

  private static void insertRevision(Connection c, long id, String actor) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(INSERT_REVISION)) {
      st.setString(1, actor);
      st.setLong(2, id);
      st.executeUpdate();
    }
  }

  public List<Revision> revisions(long id) {
    return db.read(
        c -> {
          List<Revision> revisions = new ArrayList<>();
          try (PreparedStatement st = c.prepareStatement(REVISIONS)) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
              while (rs.next()) {
                revisions.add(
                    new Revision(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()));
              }
            }
          }
          return revisions;
        });
  }

  private static EditablePassage find(Connection c, long id) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(FIND)) {
      st.setLong(1, id);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          throw new NotFoundException("Passage", id);
        }
        // wasNull() speaks of the last column read: ask right after reading it.
        long duplicateOfId = rs.getLong(13);
        Long duplicateOf = rs.wasNull() ? null : duplicateOfId;
        return new EditablePassage(
            rs.getLong(1),
            rs.getLong(2),
            rs.getString(3),
            rs.getInt(4),
            SectionPaths.fromColumn(rs.getString(14)),
            rs.getString(5),
            rs.getString(6),
            rs.getString(7),
            rs.getString(8),
            rs.getString(9),
            rs.getInt(10),
            rs.getTimestamp(11).toInstant(),
            rs.getString(12),
            duplicateOf,
            tags(c, id));
      }
    }
  }

  private static List<TagRef> tags(Connection c, long id) throws SQLException {
    List<TagRef> tags = new ArrayList<>();
    try (PreparedStatement st = c.prepareStatement(TAGS)) {
      st.setLong(1, id);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          tags.add(new TagRef(rs.getString(1), rs.getString(2), rs.getString(3)));
        }
      }
    }
    return tags;
  }
}
