package io.lumbar.indexing;

import io.lumbar.db.Database;
import io.lumbar.indexing.IndexedPassage.Provenance;
import io.lumbar.indexing.TaggedPassageReader.Article;
import io.lumbar.indexing.TaggedPassageReader.StoredPassage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads from MariaDB what the index needs: published passages with their article and tags, and the
 * change log.
 */
public final class IndexSource {
  /**
   * One entry of the change log. {@code writtenAtNanos} is when it was written by the database's
   * clock, on this JVM's {@link System#nanoTime()} scale (see {@link #writtenAt}).
   */
  record Change(long id, long passageId, long writtenAtNanos) {}

  /**
   * How long ago a change was written, in milliseconds by the database's clock, so the app's clock
   * and time zone do not matter. UNIX_TIMESTAMP of a TIMESTAMP column is its stored UTC value, so
   * neither does the session's time zone or a daylight-saving shift (which TIMESTAMPDIFF(...,
   * NOW()) would count); now in whole seconds errs young, the safe side.
   */
  private static final String AGE_MILLIS =
      "CAST((UNIX_TIMESTAMP() - UNIX_TIMESTAMP(changed_at)) * 1000 AS SIGNED)";

  /**
   * Older counts as this old: beyond any gap timeout, and far from overflowing nanoTime arithmetic.
   */
  private static final long MAX_AGE_MILLIS = TimeUnit.DAYS.toMillis(1);

  /** The order tags are stored and hashed in (the reader hands them ordered by slug). */
  private static final Comparator<TagRef> TAG_ORDER =
      Comparator.comparing(TagRef::name, String.CASE_INSENSITIVE_ORDER)
          .thenComparing(TagRef::name)
          .thenComparing(TagRef::slug);

  private static final String PUBLISHED = " WHERE p.status = 'published'";

  private final Database db;

  /** The model whose stored vectors documents carry (semantic search); null: none. */
  private final String vectorModel;

  IndexSource(Database db) {
    this(db, null);
  }

  public IndexSource(Database db, String vectorModel) {
    this.db = db;
    this.vectorModel = vectorModel;
  }

  /** Changes after {@code afterId}, oldest first, at most {@code limit}. */
  List<Change> changesAfter(long afterId, int limit) {
    return db.read(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  "SELECT id, passage_id, "
                      + AGE_MILLIS
                      + " FROM index_changes WHERE id > ? ORDER BY id LIMIT ?")) {
            st.setLong(1, afterId);
            st.setInt(2, limit);
            return changes(st);
          }
        });
  }

  /** The changes with these ids that have committed by now. */
  List<Change> changesWithIds(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return db.read(
        c -> {
          try (PreparedStatement st =
              c.prepareStatement(
                  "SELECT id, passage_id, "
                      + AGE_MILLIS
                      + " FROM index_changes WHERE id IN ("
                      + placeholders(ids.size())
                      + ") ORDER BY id")) {
            bind(st, ids);
            return changes(st);
          }
        });
  }

  /**
   * The published passages among {@code ids}; ids missing from the result are to be removed from
   * the index.
   */
  Map<Long, IndexedPassage> publishedPassages(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return db.read(
        c -> {
          Map<Long, IndexedPassage> result = new HashMap<>();
          TaggedPassageReader.stream(
              c,
              PUBLISHED + " AND p.id IN (" + placeholders(ids.size()) + ")",
              List.copyOf(ids),
              vectorModel,
              p -> result.put(p.id(), indexed(p)));
          return result;
        });
  }

  /**
   * What a consistent snapshot of the database reflects of the change log: every id up to {@code
   * position} except {@code missing}, which belonged to transactions still open when the snapshot
   * was taken (or rolled back).
   */
  public record Snapshot(long position, List<Gap> missing) {}

  /**
   * An id missing from the change log, missing at least since {@code sinceNanos} ({@link
   * System#nanoTime()} scale): ids are handed out in order as rows are inserted, so it was taken
   * before the next change present was written.
   */
  public record Gap(long id, long sinceNanos) {}

  /** How far below the snapshot's last id to look for ids of transactions still in flight. */
  private static final int IN_FLIGHT_WINDOW = 10_000;

  /**
   * Streams every published passage to {@code sink} in batches, inside one consistent snapshot, and
   * says which part of the change log that snapshot reflects.
   */
  public Snapshot streamAllPublished(int batchSize, Consumer<List<IndexedPassage>> sink) {
    return inSnapshot(
        reader -> {
          reader.streamPublished(batchSize, sink);
          return reader.snapshot();
        });
  }

  /** Work that reads the database as of one moment. */
  @FunctionalInterface
  interface SnapshotWork<T> {
    T run(SnapshotReader reader) throws SQLException;
  }

  /**
   * Runs {@code work} in one REPEATABLE READ transaction: every read sees the database as of its
   * first read.
   */
  <T> T inSnapshot(SnapshotWork<T> work) {
    return db.inTransaction(
        c -> {
          c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
          return work.run(new SnapshotReader(c, changeLogSnapshot(c), vectorModel));
        });
  }

  /** Reads inside one snapshot; {@link #snapshot()} is the part of the change log it reflects. */
  static final class SnapshotReader {
    private final Connection c;
    private final Snapshot snapshot;
    private final String vectorModel;

    private SnapshotReader(Connection c, Snapshot snapshot, String vectorModel) {
      this.c = c;
      this.snapshot = snapshot;
      this.vectorModel = vectorModel;
    }

    Snapshot snapshot() {
      return snapshot;
    }

    /**
     * Every published passage in id order, in batches of {@code batchSize}, from the one streamed
     * query of {@link TaggedPassageReader}. The sink must not use this connection: the result is
     * still streaming.
     */
    void streamPublished(int batchSize, Consumer<List<IndexedPassage>> sink) throws SQLException {
      // The sink may keep a batch (the parallel indexer queues them): each batch is a new list.
      List<List<IndexedPassage>> batch = new ArrayList<>(List.of(new ArrayList<>(batchSize)));
      TaggedPassageReader.stream(
          c,
          PUBLISHED,
          List.of(),
          vectorModel,
          p -> {
            batch.getFirst().add(indexed(p));
            if (batch.getFirst().size() == batchSize) {
              sink.accept(batch.getFirst());
              batch.set(0, new ArrayList<>(batchSize));
            }
          });
      if (!batch.getFirst().isEmpty()) {
        sink.accept(batch.getFirst());
      }
    }

    /** The passages named by changes after {@code position} or by the changes {@code changeIds}. */
    Set<Long> passagesChangedAfter(long position, Collection<Long> changeIds) throws SQLException {
      Set<Long> passages = new HashSet<>();
      try (PreparedStatement st =
          c.prepareStatement("SELECT DISTINCT passage_id FROM index_changes WHERE id > ?")) {
        st.setLong(1, position);
        addLongs(st, passages);
      }
      if (!changeIds.isEmpty()) {
        try (PreparedStatement st =
            c.prepareStatement(
                "SELECT DISTINCT passage_id FROM index_changes WHERE id IN ("
                    + placeholders(changeIds.size())
                    + ")")) {
          bind(st, changeIds);
          addLongs(st, passages);
        }
      }
      return passages;
    }

    private static void addLongs(PreparedStatement st, Set<Long> target) throws SQLException {
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          target.add(rs.getLong(1));
        }
      }
    }
  }

  /** The id of the latest change committed to the log; 0 when it is empty. */
  long latestPosition() {
    return db.read(IndexSource::latestPosition);
  }

  private static long latestPosition(Connection c) throws SQLException {
    try (var st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) FROM index_changes")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Snapshot changeLogSnapshot(Connection c) throws SQLException {
    long position = latestPosition(c);
    List<Gap> missing = new ArrayList<>();
    long expected = Math.max(1, position - IN_FLIGHT_WINDOW);
    try (PreparedStatement st =
        c.prepareStatement(
            "SELECT id, " + AGE_MILLIS + " FROM index_changes WHERE id >= ? ORDER BY id")) {
      st.setLong(1, expected);
      try (ResultSet rs = st.executeQuery()) {
        long read = System.nanoTime();
        while (rs.next()) {
          long id = rs.getLong(1);
          if (expected < id) {
            long since = writtenAt(read, rs.getLong(2));
            for (; expected < id; expected++) {
              missing.add(new Gap(expected, since));
            }
          }
          expected++;
        }
      }
    }
    return new Snapshot(position, missing);
  }

  /** Number of published passages, for checks. */
  long publishedCount() {
    return db.read(
        c -> {
          try (var st = c.createStatement();
              ResultSet rs =
                  st.executeQuery("SELECT COUNT(*) FROM passages WHERE status = 'published'")) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  /**
   * What the index holds of a stored passage: its tags in the order they are stored and hashed in.
   */
  private static IndexedPassage indexed(StoredPassage p) {
    Article a = p.article();
    return new IndexedPassage(
        p.id(),
        a.id(),
        a.title(),
        p.heading(),
        p.text(),
        p.position(),
        inTagOrder(p.causes()),
        inTagOrder(p.treatments()),
        p.sectionPath(),
        new Provenance(a.url(), a.publisher(), a.published()),
        p.vector());
  }

  private static List<TagRef> inTagOrder(List<TagRef> tags) {
    if (tags.size() > 1) {
      tags.sort(TAG_ORDER);
    }
    return tags;
  }

  private static List<Change> changes(PreparedStatement st) throws SQLException {
    List<Change> result = new ArrayList<>();
    try (ResultSet rs = st.executeQuery()) {
      long read = System.nanoTime();
      while (rs.next()) {
        result.add(new Change(rs.getLong(1), rs.getLong(2), writtenAt(read, rs.getLong(3))));
      }
    }
    return result;
  }

  /**
   * {@code ageMillis} (read by a query answered before {@code readNanos}) before {@code readNanos}:
   * a little late if anything, so a gap dated by it is never taken for older than it is. A change
   * dated ahead counts as new.
   */
  private static long writtenAt(long readNanos, long ageMillis) {
    return readNanos - TimeUnit.MILLISECONDS.toNanos(Math.clamp(ageMillis, 0, MAX_AGE_MILLIS));
  }

  private static String placeholders(int n) {
    return String.join(",", Collections.nCopies(n, "?"));
  }

  private static void bind(PreparedStatement st, Collection<Long> ids) throws SQLException {
    int i = 1;
    for (long id : ids) {
      st.setLong(i++, id);
    }
  }
}
