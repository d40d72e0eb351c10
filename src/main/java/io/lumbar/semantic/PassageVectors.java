package io.lumbar.semantic;

import io.lumbar.db.Database;
import io.lumbar.db.SectionPaths;
import io.lumbar.indexing.ChangeLog;
import io.lumbar.indexing.StoredVectors;
import io.lumbar.indexing.VectorBytes;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Stored passage vectors of one model (table passage_vectors): which passages need one, and storing
 * them.
 */
public final class PassageVectors {
  /**
   * A published passage whose vector is missing or stale; {@code textHash} is of the text read now.
   */
  record Pending(
      long id,
      String title,
      List<String> sectionPath,
      String heading,
      String text,
      String textHash) {}

  /** A computed vector, for the text whose hash is {@code textHash}. */
  record Computed(long passageId, String textHash, float[] vector) {}

  private static final String PENDING =
      """
      SELECT p.id, a.title, p.section_path, p.heading, p.text, %1$s
        FROM passages p
        JOIN articles a ON a.id = p.article_id
        LEFT JOIN passage_vectors v ON v.passage_id = p.id AND v.model = ?
       WHERE p.status = 'published' AND (v.passage_id IS NULL OR v.text_hash <> %1$s)
      """
          .formatted(StoredVectors.EMBEDDED_TEXT_HASH);

  private final Database db;
  private final String model;

  public PassageVectors(Database db, String model) {
    this.db = db;
    this.model = model;
  }

  public String model() {
    return model;
  }

  /** Passages with ids in [{@code fromId}, {@code toId}] that need a vector, in id order. */
  List<Pending> pendingBetween(long fromId, long toId) {
    return db.read(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(PENDING + " AND p.id BETWEEN ? AND ? ORDER BY p.id")) {
            st.setString(1, model);
            st.setLong(2, fromId);
            st.setLong(3, toId);
            return pending(st);
          }
        });
  }

  /** Those of {@code ids} that need a vector. */
  List<Pending> pendingAmong(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return db.read(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  PENDING
                      + " AND p.id IN ("
                      + String.join(",", Collections.nCopies(ids.size(), "?"))
                      + ") ORDER BY p.id")) {
            st.setString(1, model);
            int i = 2;
            for (long id : ids) {
              st.setLong(i++, id);
            }
            return pending(st);
          }
        });
  }

  /** The highest passage id; 0 when there are none. */
  long highestPassageId() {
    return db.read(
        c -> {
          try (var st = c.createStatement();
              ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) FROM passages")) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  /** The latest change-log id; 0 when the log is empty. */
  long latestChange() {
    return db.read(ChangeLog::latest);
  }

  /** Passages named by changes after {@code afterChangeId}, at most {@code limit} changes. */
  ChangeLog.Batch changesAfter(long afterChangeId, int limit) {
    return db.read(c -> ChangeLog.after(c, afterChangeId, limit));
  }

  /** The changes after {@code afterChangeId} up to {@code upToChangeId}, at most {@code limit}. */
  ChangeLog.Batch changesBetween(long afterChangeId, long upToChangeId, int limit) {
    return db.read(c -> ChangeLog.between(c, afterChangeId, upToChangeId, limit));
  }

  /**
   * Stores the vectors and, in the same transaction, appends their passages to the index change
   * log, so every index follower re-indexes them with their vectors.
   */
  void store(List<Computed> computed) {
    if (computed.isEmpty()) {
      return;
    }
    db.inTransaction(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  """
          INSERT INTO passage_vectors (passage_id, model, text_hash, dims, vector) VALUES (?, ?, ?, ?, ?)
          ON DUPLICATE KEY UPDATE text_hash = VALUES(text_hash), dims = VALUES(dims), vector = VALUES(vector),
                                  computed_at = CURRENT_TIMESTAMP(3)
          """)) {
            for (Computed v : computed) {
              st.setLong(1, v.passageId());
              st.setString(2, model);
              st.setString(3, v.textHash());
              st.setInt(4, v.vector().length);
              st.setBytes(5, VectorBytes.encode(v.vector()));
              st.addBatch();
            }
            st.executeBatch();
          }
          ChangeLog.append(c, computed.stream().map(Computed::passageId).toList());
          return null;
        });
  }

  /**
   * The passage's current vector by this model, published or not (e.g. for the nearest tagged
   * passages).
   */
  public Optional<float[]> current(long passageId) {
    return db.read(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  """
          SELECT v.vector FROM passages p JOIN passage_vectors v ON v.passage_id = p.id
           WHERE p.id = ? AND v.model = ? AND v.text_hash = %s
          """
                      .formatted(StoredVectors.EMBEDDED_TEXT_HASH))) {
            st.setLong(1, passageId);
            st.setString(2, model);
            try (ResultSet rs = st.executeQuery()) {
              return rs.next()
                  ? Optional.of(VectorBytes.decode(rs.getBytes(1)))
                  : Optional.<float[]>empty();
            }
          }
        });
  }

  private static List<Pending> pending(PreparedStatement st) throws SQLException {
    List<Pending> result = new ArrayList<>();
    try (ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        result.add(
            new Pending(
                rs.getLong(1),
                rs.getString(2),
                SectionPaths.fromColumn(rs.getString(3)),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6)));
      }
    }
    return result;
  }
}
