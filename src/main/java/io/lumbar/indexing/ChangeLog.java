package io.lumbar.indexing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The index change log (outbox). Every feature that changes what search can show calls {@link
 * #append} inside its own transaction, so the index learns of a change exactly when the change
 * commits. Other followers of the log (the embedding worker) read it here too, so its queries live
 * in one place.
 */
public final class ChangeLog {
  /**
   * Rows per INSERT; one multi-row statement gets consecutive ids with no reserved-but-unused
   * holes.
   */
  private static final int ROWS_PER_STATEMENT = 500;

  private ChangeLog() {}

  public static void append(Connection c, Collection<Long> passageIds) throws SQLException {
    List<Long> ids = new ArrayList<>(passageIds);
    for (int from = 0; from < ids.size(); from += ROWS_PER_STATEMENT) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + ROWS_PER_STATEMENT));
      String values = String.join(",", Collections.nCopies(chunk.size(), "(?)"));
      try (PreparedStatement st =
          c.prepareStatement("INSERT INTO index_changes (passage_id) VALUES " + values)) {
        for (int i = 0; i < chunk.size(); i++) {
          st.setLong(i + 1, chunk.get(i));
        }
        st.executeUpdate();
      }
    }
  }

  /** Every passage, in id order: for a restore that a running server's follower is to index. */
  public static void appendEveryPassage(Connection c) throws SQLException {
    try (var st = c.createStatement()) {
      st.executeUpdate(
          "INSERT INTO index_changes (passage_id) SELECT id FROM passages ORDER BY id");
    }
  }

  public static void append(Connection c, long passageId) throws SQLException {
    append(c, List.of(passageId));
  }

  /**
   * Changes read in id order: their ids, the passages they name (in the same order), and the last
   * change id read.
   */
  public record Batch(List<Long> changeIds, List<Long> passageIds, long lastId) {}

  /** The latest change id; 0 when the log is empty. */
  public static long latest(Connection c) throws SQLException {
    try (var st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) FROM index_changes")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The changes after {@code afterId} in id order, at most {@code limit}. */
  public static Batch after(Connection c, long afterId, int limit) throws SQLException {
    return between(c, afterId, Long.MAX_VALUE, limit);
  }

  /**
   * The changes after {@code afterId} up to {@code upToId}, in id order, at most {@code limit}.
   * Read again below a follower's position, it finds changes committed after a later id was read:
   * ids are handed out as rows are inserted, not as transactions commit (and on Galera by each
   * member in turn).
   */
  public static Batch between(Connection c, long afterId, long upToId, int limit)
      throws SQLException {
    try (PreparedStatement st =
        c.prepareStatement(
            "SELECT id, passage_id FROM index_changes WHERE id > ? AND id <= ? ORDER BY id LIMIT ?")) {
      st.setLong(1, afterId);
      st.setLong(2, upToId);
      st.setInt(3, limit);
      List<Long> changeIds = new ArrayList<>();
      List<Long> passageIds = new ArrayList<>();
      long last = afterId;
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          last = rs.getLong(1);
          changeIds.add(last);
          passageIds.add(rs.getLong(2));
        }
      }
      return new Batch(changeIds, passageIds, last);
    }
  }
}
