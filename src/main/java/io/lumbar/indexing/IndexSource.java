package io.lumbar.indexing;

import io.lumbar.db.Database;
import io.lumbar.db.SectionPaths;
import io.lumbar.indexing.IndexedPassage.Provenance;
import io.lumbar.indexing.IndexedPassage.TagRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
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

/** Reads from MariaDB what the index needs: published passages with their article and tags, and the change log. */
final class IndexSource {
  /**
   * One entry of the change log. {@code writtenAtNanos} is when it was written by the database's clock, on this
   * JVM's {@link System#nanoTime()} scale (see {@link #writtenAt}).
   */
  record Change(long id, long passageId, long writtenAtNanos) {}

  /**
   * How long ago a change was written, in milliseconds by the database's clock, so the app's clock and time zone
   * do not matter. UNIX_TIMESTAMP of a TIMESTAMP column is its stored UTC value, so neither does the session's
   * time zone or a daylight-saving shift (which TIMESTAMPDIFF(..., NOW()) would count); now in whole seconds
   * errs young, the safe side.
   */
  private static final String AGE_MILLIS = "CAST((UNIX_TIMESTAMP() - UNIX_TIMESTAMP(changed_at)) * 1000 AS SIGNED)";
  /** Older counts as this old: beyond any gap timeout, and far from overflowing nanoTime arithmetic. */
  private static final long MAX_AGE_MILLIS = TimeUnit.DAYS.toMillis(1);

  private static final String PASSAGE_COLUMNS = """
      SELECT p.id, p.article_id, a.title, p.heading, p.text, p.position, p.section_path,
             a.source_url, a.publisher, a.published_on
        FROM passages p JOIN articles a ON a.id = p.article_id
      """;

  private static final String TAGS_OF = """
      SELECT pt.passage_id, t.kind, t.slug, t.name
        FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id
       WHERE t.retired_at IS NULL AND pt.passage_id IN (%s)
      """;

  /**
   * No join and no sort: MariaDB walks the (status, id) index in id order and sends the first row at once.
   * Joining tags here to order them made the query several times slower; they are resolved in Java instead.
   */
  private static final String PUBLISHED_IN_ID_ORDER = """
      SELECT p.id, p.article_id, p.heading, p.text, p.position,
             (SELECT GROUP_CONCAT(pt.tag_id) FROM passage_tags pt WHERE pt.passage_id = p.id), p.section_path,
             %s
        FROM passages p
       WHERE p.status = 'published'
       ORDER BY p.id
      """.formatted(StoredVectors.CURRENT_VECTOR_COLUMN);
  /** Rows the driver fetches at a time while streaming. */
  private static final int FETCH_SIZE = 1_000;

  /** The order tags are stored and hashed in, whichever query read them. */
  private static final Comparator<TagRef> TAG_ORDER =
      Comparator.comparing(TagRef::name, String.CASE_INSENSITIVE_ORDER).thenComparing(TagRef::name).thenComparing(TagRef::slug);

  private record CurrentTag(boolean cause, TagRef ref) {}

  private final Database db;
  /** The model whose stored vectors documents carry (semantic search); null: none. */
  private final String vectorModel;

  IndexSource(Database db) {
    this(db, null);
  }

  IndexSource(Database db, String vectorModel) {
    this.db = db;
    this.vectorModel = vectorModel;
  }

  /** Changes after {@code afterId}, oldest first, at most {@code limit}. */
  List<Change> changesAfter(long afterId, int limit) {
    return db.read(c -> {
      try (PreparedStatement st = c.prepareStatement(
          "SELECT id, passage_id, " + AGE_MILLIS + " FROM index_changes WHERE id > ? ORDER BY id LIMIT ?")) {
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
    return db.read(c -> {
      try (PreparedStatement st = c.prepareStatement(
          "SELECT id, passage_id, " + AGE_MILLIS + " FROM index_changes WHERE id IN (" + placeholders(ids.size())
              + ") ORDER BY id")) {
        bind(st, ids);
        return changes(st);
      }
    });
  }

  /** The published passages among {@code ids}; ids missing from the result are to be removed from the index. */
  Map<Long, IndexedPassage> publishedPassages(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return db.read(c -> {
      List<Row> rows = new ArrayList<>();
      try (PreparedStatement st = c.prepareStatement(PASSAGE_COLUMNS
          + " WHERE p.status = 'published' AND p.id IN (" + placeholders(ids.size()) + ")")) {
        bind(st, ids);
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            rows.add(row(rs));
          }
        }
      }
      Map<Long, IndexedPassage> result = new HashMap<>();
      Map<Long, float[]> vectors = StoredVectors.current(c, vectorModel, ids);
      for (IndexedPassage p : withTags(c, rows)) {
        result.put(p.id(), p.withVector(vectors.get(p.id())));
      }
      return result;
    });
  }

  /**
   * What a consistent snapshot of the database reflects of the change log: every id up to {@code position}
   * except {@code missing}, which belonged to transactions still open when the snapshot was taken (or rolled back).
   */
  record Snapshot(long position, List<Gap> missing) {}

  /**
   * An id missing from the change log, missing at least since {@code sinceNanos} ({@link System#nanoTime()}
   * scale): ids are handed out in order as rows are inserted, so it was taken before the next change present
   * was written.
   */
  record Gap(long id, long sinceNanos) {}

  /** How far below the snapshot's last id to look for ids of transactions still in flight. */
  private static final int IN_FLIGHT_WINDOW = 10_000;

  /**
   * Streams every published passage to {@code sink} in batches, inside one consistent snapshot, and says
   * which part of the change log that snapshot reflects.
   */
  Snapshot streamAllPublished(int batchSize, Consumer<List<IndexedPassage>> sink) {
    return inSnapshot(reader -> {
      reader.streamPublished(batchSize, sink);
      return reader.snapshot();
    });
  }

  /** Work that reads the database as of one moment. */
  @FunctionalInterface
  interface SnapshotWork<T> {
    T run(SnapshotReader reader) throws SQLException;
  }

  /** Runs {@code work} in one REPEATABLE READ transaction: every read sees the database as of its first read. */
  <T> T inSnapshot(SnapshotWork<T> work) {
    return db.inTransaction(c -> {
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
     * Every published passage in id order, in batches of {@code batchSize}, from one forward-only query the
     * driver streams: articles (title, provenance) and tags are read first and joined here, each passage's tag ids come
     * folded into one column. (A query per batch, plus one for its tags, spent most of a rebuild waiting.)
     * The sink must not use this connection: the result is still streaming.
     */
    void streamPublished(int batchSize, Consumer<List<IndexedPassage>> sink) throws SQLException {
      Map<Long, ArticleFacts> articles = articles(c);
      Map<Long, CurrentTag> tags = currentTags(c);
      try (PreparedStatement st = c.prepareStatement(PUBLISHED_IN_ID_ORDER, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
        st.setFetchSize(FETCH_SIZE);
        st.setString(1, vectorModel);
        try (ResultSet rs = st.executeQuery()) {
          List<IndexedPassage> batch = new ArrayList<>(batchSize);
          while (rs.next()) {
            List<TagRef> causes = new ArrayList<>(2);
            List<TagRef> treatments = new ArrayList<>(2);
            String tagIds = rs.getString(6);
            if (tagIds != null) {
              for (String id : tagIds.split(",")) {
                CurrentTag tag = tags.get(Long.parseLong(id));
                if (tag != null) {
                  (tag.cause() ? causes : treatments).add(tag.ref());
                }
              }
            }
            ArticleFacts article = articles.getOrDefault(rs.getLong(2), ArticleFacts.MISSING);
            batch.add(new IndexedPassage(rs.getLong(1), rs.getLong(2), article.title(), rs.getString(3), rs.getString(4),
                rs.getInt(5), inTagOrder(causes), inTagOrder(treatments), SectionPaths.fromColumn(rs.getString(7)),
                article.source(), StoredVectors.decodeOrNull(rs.getBytes(8))));
            if (batch.size() == batchSize) {
              sink.accept(batch);
              batch = new ArrayList<>(batchSize);
            }
          }
          if (!batch.isEmpty()) {
            sink.accept(batch);
          }
        }
      }
    }

    /** The passages named by changes after {@code position} or by the changes {@code changeIds}. */
    Set<Long> passagesChangedAfter(long position, Collection<Long> changeIds) throws SQLException {
      Set<Long> passages = new HashSet<>();
      try (PreparedStatement st = c.prepareStatement("SELECT DISTINCT passage_id FROM index_changes WHERE id > ?")) {
        st.setLong(1, position);
        addLongs(st, passages);
      }
      if (!changeIds.isEmpty()) {
        try (PreparedStatement st = c.prepareStatement(
            "SELECT DISTINCT passage_id FROM index_changes WHERE id IN (" + placeholders(changeIds.size()) + ")")) {
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
    try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) FROM index_changes")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Snapshot changeLogSnapshot(Connection c) throws SQLException {
    long position = latestPosition(c);
    List<Gap> missing = new ArrayList<>();
    long expected = Math.max(1, position - IN_FLIGHT_WINDOW);
    try (PreparedStatement st = c.prepareStatement(
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
    return db.read(c -> {
      try (var st = c.createStatement(); ResultSet rs = st.executeQuery(
          "SELECT COUNT(*) FROM passages WHERE status = 'published'")) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  /** What the index keeps of an article. */
  private record ArticleFacts(String title, Provenance source) {
    /** Not expected (a passage's article is read in the same snapshot, and a foreign key keeps it). */
    static final ArticleFacts MISSING = new ArticleFacts(null, Provenance.UNKNOWN);
  }

  private static Map<Long, ArticleFacts> articles(Connection c) throws SQLException {
    Map<Long, ArticleFacts> articles = new HashMap<>();
    try (var st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT id, title, source_url, publisher, published_on FROM articles")) {
      while (rs.next()) {
        articles.put(rs.getLong(1), new ArticleFacts(rs.getString(2), provenance(rs, 3)));
      }
    }
    return articles;
  }

  /** The article's URL, publisher and publication date, from three columns starting at {@code first}. */
  private static Provenance provenance(ResultSet rs, int first) throws SQLException {
    return new Provenance(rs.getString(first), rs.getString(first + 1), rs.getObject(first + 2, LocalDate.class));
  }

  /** Tags not retired: what a passage shows. */
  private static Map<Long, CurrentTag> currentTags(Connection c) throws SQLException {
    Map<Long, CurrentTag> tags = new HashMap<>();
    try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, kind, slug, name FROM tags WHERE retired_at IS NULL")) {
      while (rs.next()) {
        tags.put(rs.getLong(1), new CurrentTag("cause".equals(rs.getString(2)), new TagRef(rs.getString(3), rs.getString(4))));
      }
    }
    return tags;
  }

  private static List<TagRef> inTagOrder(List<TagRef> tags) {
    if (tags.size() > 1) {
      tags.sort(TAG_ORDER);
    }
    return tags;
  }

  private record Row(long id, long articleId, String articleTitle, String heading, String text, int position,
      List<String> sectionPath, Provenance source) {}

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6),
        SectionPaths.fromColumn(rs.getString(7)), provenance(rs, 8));
  }

  private static List<IndexedPassage> withTags(Connection c, List<Row> rows) throws SQLException {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, List<TagRef>> causes = new HashMap<>();
    Map<Long, List<TagRef>> treatments = new HashMap<>();
    List<Long> ids = rows.stream().map(Row::id).toList();
    try (PreparedStatement st = c.prepareStatement(TAGS_OF.formatted(placeholders(ids.size())))) {
      bind(st, ids);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          var target = "cause".equals(rs.getString(2)) ? causes : treatments;
          target.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new TagRef(rs.getString(3), rs.getString(4)));
        }
      }
    }
    return rows.stream()
        .map(r -> new IndexedPassage(r.id(), r.articleId(), r.articleTitle(), r.heading(), r.text(), r.position(),
            inTagOrder(causes.getOrDefault(r.id(), List.of())), inTagOrder(treatments.getOrDefault(r.id(), List.of())),
            r.sectionPath(), r.source(), null))
        .toList();
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
   * {@code ageMillis} (read by a query answered before {@code readNanos}) before {@code readNanos}: a little late
   * if anything, so a gap dated by it is never taken for older than it is. A change dated ahead counts as new.
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
