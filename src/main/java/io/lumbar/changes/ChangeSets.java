package io.lumbar.changes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lumbar.accounts.User;
import io.lumbar.audit.AuditEntry;
import io.lumbar.audit.AuditTrail;
import io.lumbar.db.DataAccessException;
import io.lumbar.db.Database;
import io.lumbar.db.NotFoundException;
import io.lumbar.indexing.ChangeLog;
import io.lumbar.web.BadRequestException;
import io.lumbar.web.Forbidden;
import io.lumbar.web.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Change sets, the undo of tag changes. A tag change {@link #watch watches} the rows it may touch
 * (the tag rows of some passages, some tags and their links) before it writes and {@link
 * Watch#record records} the difference after, in its own transaction: each changed row exactly as
 * it was and as it became. {@link #undo} puts the rows back in one transaction, except for passages
 * edited since (their version moved, or a row the change set wrote is no longer as it left it):
 * those it leaves alone and lists. Undo is audited and appends index changes, as every write does.
 */
public final class ChangeSets {
  /** A change set as the console shows it. */
  public record View(
      long id,
      String action,
      String summary,
      String madeBy,
      Instant madeAt,
      String undoneBy,
      Instant undoneAt,
      Skipped skipped,
      List<Long> passageIds,
      int rows) {
    public boolean undone() {
      return undoneAt != null;
    }
  }

  /** What an undo left alone because it changed since: passages by id, tags and links by name. */
  public record Skipped(List<Long> passages, List<String> tags) {
    static final Skipped NONE = new Skipped(List.of(), List.of());

    public boolean isEmpty() {
      return passages.isEmpty() && tags.isEmpty();
    }
  }

  /**
   * What an undo did: the change set, how many passages got their tags back, and what it left
   * alone.
   */
  public record UndoReport(
      long changeSetId, String summary, int restoredPassages, Skipped skipped) {}

  /**
   * The tables a change set covers; every column of a row is kept, as text, so a restore is exact.
   */
  private enum Entity {
    PASSAGE_TAG(
        List.of("passage_id", "tag_id"),
        List.of("tagged_by", "tagged_at"),
        SELECT_PASSAGE_TAGS,
        INSERT_PASSAGE_TAG,
        DELETE_PASSAGE_TAG,
        UPDATE_PASSAGE_TAG),
    TAG(
        List.of("id"),
        List.of(
            "kind",
            "name",
            "slug",
            "description",
            "aliases",
            "parent_id",
            "retired_at",
            "created_at",
            "updated_at"),
        SELECT_TAGS,
        null,
        null,
        UPDATE_TAG),
    TAG_LINK(
        List.of("cause_id", "treatment_id"),
        List.of("created_by", "created_at"),
        SELECT_TAG_LINKS,
        INSERT_TAG_LINK,
        DELETE_TAG_LINK,
        UPDATE_TAG_LINK);

    final List<String> keys;
    final List<String> columns;
    final String select;
    final String insert;
    final String delete;
    final String update;

    Entity(
        List<String> keys,
        List<String> values,
        String select,
        String insert,
        String delete,
        String update) {
      this.keys = keys;
      this.columns = new ArrayList<>(keys);
      this.columns.addAll(values);
      this.select = select;
      this.insert = insert;
      this.delete = delete;
      this.update = update;
    }

    String column() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One row of a covered table: which table, its key, its columns as text. */
  private record Row(Entity entity, String key, Map<String, String> values) {
    Long passageId() {
      return entity == Entity.PASSAGE_TAG ? Long.valueOf(values.get("passage_id")) : null;
    }
  }

  /** One recorded change: the row before (null: it was added) and after (null: it was deleted). */
  private record Item(
      Entity entity,
      Long passageId,
      Integer passageVersion,
      Map<String, String> before,
      Map<String, String> after) {
    Map<String, String> either() {
      return after != null ? after : before;
    }

    String key() {
      return ChangeSets.key(entity, either());
    }
  }

  // Every statement lists its columns in the order of Entity.columns; {ids} becomes a list of
  // placeholders.
  // The reads lock (FOR UPDATE): they must see the rows as they are, not the transaction's older
  // snapshot, and
  // keep others from changing them until the change or the undo commits, or the record would miss a
  // row.
  // Times are read as text with all six fractional digits: the driver's own text of a TIMESTAMP(3)
  // drops the
  // leading zeros of the fraction (.091 reads as .91000), which would restore a different time.
  private static final String SELECT_PASSAGE_TAGS =
      """
      SELECT passage_id, tag_id, tagged_by, DATE_FORMAT(tagged_at, '%Y-%m-%d %H:%i:%s.%f')
        FROM passage_tags WHERE passage_id IN ({ids}) FOR UPDATE
      """;
  private static final String INSERT_PASSAGE_TAG =
      """
      INSERT INTO passage_tags (passage_id, tag_id, tagged_by, tagged_at) VALUES (?, ?, ?, ?)
      """;
  private static final String DELETE_PASSAGE_TAG =
      """
      DELETE FROM passage_tags WHERE passage_id = ? AND tag_id = ?
      """;
  private static final String UPDATE_PASSAGE_TAG =
      """
      UPDATE passage_tags SET tagged_by = ?, tagged_at = ? WHERE passage_id = ? AND tag_id = ?
      """;
  private static final String SELECT_TAGS =
      """
      SELECT id, kind, name, slug, description, aliases, parent_id, DATE_FORMAT(retired_at, '%Y-%m-%d %H:%i:%s.%f'),
             DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s.%f'), DATE_FORMAT(updated_at, '%Y-%m-%d %H:%i:%s.%f')
        FROM tags WHERE id IN ({ids}) FOR UPDATE
      """;

  /**
   * updated_at is set explicitly, which keeps its ON UPDATE from stamping the restore's own time.
   */
  private static final String UPDATE_TAG =
      """
      UPDATE tags SET kind = ?, name = ?, slug = ?, description = ?, aliases = ?, parent_id = ?, retired_at = ?,
             created_at = ?, updated_at = ?
       WHERE id = ?
      """;

  private static final String SELECT_TAG_LINKS =
      """
      SELECT cause_id, treatment_id, created_by, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s.%f')
        FROM tag_links WHERE cause_id IN ({ids}) OR treatment_id IN ({ids}) FOR UPDATE
      """;
  private static final String INSERT_TAG_LINK =
      """
      INSERT INTO tag_links (cause_id, treatment_id, created_by, created_at) VALUES (?, ?, ?, ?)
      """;
  private static final String DELETE_TAG_LINK =
      """
      DELETE FROM tag_links WHERE cause_id = ? AND treatment_id = ?
      """;
  private static final String UPDATE_TAG_LINK =
      """
      UPDATE tag_links SET created_by = ?, created_at = ? WHERE cause_id = ? AND treatment_id = ?
      """;
  private static final String VERSIONS =
      """
      SELECT id, version FROM passages WHERE id IN ({ids}) FOR UPDATE
      """;
  private static final String INSERT_SET =
      """
      INSERT INTO change_sets (action, summary, made_by) VALUES (?, ?, ?)
      """;
  private static final String INSERT_ITEM =
      """
      INSERT INTO change_set_items (change_set_id, entity, passage_id, passage_version, before_row, after_row)
      VALUES (?, ?, ?, ?, ?, ?)
      """;
  private static final String LOCK_SET =
      """
      SELECT action, summary, undone_by, undone_at FROM change_sets WHERE id = ? FOR UPDATE
      """;
  private static final String ITEMS =
      """
      SELECT entity, passage_id, passage_version, before_row, after_row FROM change_set_items WHERE change_set_id = ? ORDER BY id
      """;
  private static final String MARK_UNDONE =
      """
      UPDATE change_sets SET undone_by = ?, undone_at = CURRENT_TIMESTAMP(3), undo_skipped = ? WHERE id = ?
      """;
  private static final String PASSAGES_OF_TAGS =
      """
      SELECT DISTINCT passage_id FROM passage_tags WHERE tag_id IN ({ids})
      """;
  private static final String TAG_SLUG =
      """
      SELECT slug FROM tags WHERE id = ?
      """;
  private static final String VIEW =
      """
      SELECT id, action, summary, made_by, made_at, undone_by, undone_at, undo_skipped,
             (SELECT COUNT(*) FROM change_set_items i WHERE i.change_set_id = s.id)
        FROM change_sets s WHERE id = ?
      """;
  private static final String VIEW_PASSAGES =
      """
      SELECT DISTINCT passage_id FROM change_set_items WHERE change_set_id = ? AND passage_id IS NOT NULL
       ORDER BY passage_id LIMIT ?
      """;

  /**
   * Values per IN list: well under the server's placeholder limit however large a bulk change is.
   */
  private static final int CHUNK = 1_000;

  /** Passages a change set's page lists; a summary says how many there are in all. */
  private static final int PAGE_PASSAGES = 500;

  private static final ObjectMapper JSON = Json.mapper();
  private static final TypeReference<LinkedHashMap<String, String>> COLUMNS =
      new TypeReference<>() {};
  private static final TypeReference<Skipped> SKIPPED = new TypeReference<>() {};

  private final Database db;

  public ChangeSets(Database db) {
    this.db = db;
  }

  /** Merges and retirements change the taxonomy, which only admins do; so only admins undo them. */
  public static boolean needsAdmin(String action) {
    return action.equals("tag.merge") || action.equals("tag.retire");
  }

  /**
   * Starts recording a change in the caller's transaction: reads the tag rows of {@code
   * passageIds}, the rows of {@code tagIds} and their links as they are now. The change must touch
   * nothing outside that.
   */
  public static Watch watch(Connection c, Collection<Long> passageIds, Collection<Long> tagIds)
      throws SQLException {
    List<Long> passages = List.copyOf(new LinkedHashSet<>(passageIds));
    List<Long> tags = List.copyOf(new LinkedHashSet<>(tagIds));
    return new Watch(passages, tags, snapshot(c, passages, tags));
  }

  /** The rows a change may touch, as they were before it; {@link #record} writes the difference. */
  public static final class Watch {
    private final List<Long> passages;
    private final List<Long> tags;
    private final Map<String, Row> before;

    private Watch(List<Long> passages, List<Long> tags, Map<String, Row> before) {
      this.passages = passages;
      this.tags = tags;
      this.before = before;
    }

    /**
     * Writes the change set (the rows that differ now) in the caller's transaction; returns its id.
     */
    public long record(Connection c, String actor, String action, String summary)
        throws SQLException {
      Map<String, Row> after = snapshot(c, passages, tags);
      Set<String> keys = new TreeSet<>(before.keySet());
      keys.addAll(after.keySet());
      List<Row[]> changed = new ArrayList<>();
      Set<Long> touched = new HashSet<>();
      for (String key : keys) {
        Row was = before.get(key);
        Row now = after.get(key);
        if (was == null || now == null || !was.values().equals(now.values())) {
          changed.add(new Row[] {was, now});
          Row either = now != null ? now : was;
          if (either.passageId() != null) {
            touched.add(either.passageId());
          }
        }
      }
      Map<Long, Integer> versions = versions(c, touched);
      long id;
      try (PreparedStatement st = c.prepareStatement(INSERT_SET, Statement.RETURN_GENERATED_KEYS)) {
        st.setString(1, action);
        st.setString(2, summary.length() > 500 ? summary.substring(0, 499) + "…" : summary);
        st.setString(3, actor);
        st.executeUpdate();
        try (ResultSet keysBack = st.getGeneratedKeys()) {
          keysBack.next();
          id = keysBack.getLong(1);
        }
      }
      try (PreparedStatement st = c.prepareStatement(INSERT_ITEM)) {
        for (Row[] pair : changed) {
          Row either = pair[1] != null ? pair[1] : pair[0];
          Long passageId = either.passageId();
          st.setLong(1, id);
          st.setString(2, either.entity().column());
          st.setObject(3, passageId);
          st.setObject(4, passageId == null ? null : versions.get(passageId));
          st.setString(5, pair[0] == null ? null : write(pair[0].values()));
          st.setString(6, pair[1] == null ? null : write(pair[1].values()));
          st.addBatch();
        }
        st.executeBatch();
      }
      return id;
    }
  }

  /**
   * Undoes change set {@code id}: every row back as it was, except on passages edited since and on
   * tags or links changed since, which are left as they are now and listed. Refused when the set
   * was undone already.
   */
  public UndoReport undo(long id, User user) {
    return db.inTransaction(
        c -> {
          String action;
          String summary;
          try (PreparedStatement st = c.prepareStatement(LOCK_SET)) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
              if (!rs.next()) {
                throw new NotFoundException("Change set", id);
              }
              action = rs.getString(1);
              summary = rs.getString(2);
              if (rs.getString(4) != null) {
                throw new BadRequestException(
                    "This change was undone already, by "
                        + rs.getString(3)
                        + " at "
                        + rs.getTimestamp(4).toInstant()
                        + "; it cannot be undone twice.");
              }
            }
          }
          if (needsAdmin(action) && !user.isAdmin()) {
            throw new Forbidden("Only an admin can undo a " + action.substring(4) + ".");
          }
          List<Item> items = items(c, id);
          Set<Long> passageIds = new TreeSet<>();
          Set<Long> tagIds = new TreeSet<>();
          for (Item item : items) {
            switch (item.entity()) {
              case PASSAGE_TAG -> passageIds.add(item.passageId());
              case TAG -> tagIds.add(Long.valueOf(item.either().get("id")));
              case TAG_LINK -> {
                tagIds.add(Long.valueOf(item.either().get("cause_id")));
                tagIds.add(Long.valueOf(item.either().get("treatment_id")));
              }
            }
          }
          Map<Long, Integer> versions = versions(c, passageIds);
          Map<String, Row> now = snapshot(c, List.copyOf(passageIds), List.copyOf(tagIds));
          // A passage is restored whole or not at all: deleted, edited, or one of its rows changed
          // since.
          Set<Long> skippedPassages = new TreeSet<>();
          for (Item item : items) {
            Long passage = item.passageId();
            if (passage != null
                && (!Objects.equals(versions.get(passage), item.passageVersion())
                    || !stillAsLeft(item, now))) {
              skippedPassages.add(passage);
            }
          }
          Set<String> skippedTags = new LinkedHashSet<>();
          Set<Long> restoredTags = new TreeSet<>();
          Set<Long> restoredPassages = new TreeSet<>();
          Restores restores = new Restores();
          for (Item item : items) {
            if (item.passageId() != null) {
              if (skippedPassages.contains(item.passageId())) {
                continue;
              }
              restoredPassages.add(item.passageId());
            } else if (!stillAsLeft(item, now)) {
              skippedTags.add(describe(c, item));
              continue;
            } else if (item.entity() == Entity.TAG) {
              restoredTags.add(Long.valueOf(item.before().get("id")));
            }
            restores.add(item);
          }
          restores.run(c);
          Set<Long> reindex = new TreeSet<>(restoredPassages);
          reindex.addAll(passagesOf(c, restoredTags));
          ChangeLog.append(c, reindex);
          Skipped skipped = new Skipped(List.copyOf(skippedPassages), List.copyOf(skippedTags));
          try (PreparedStatement st = c.prepareStatement(MARK_UNDONE)) {
            st.setString(1, user.username());
            st.setString(2, write(Map.of("passages", skipped.passages(), "tags", skipped.tags())));
            st.setLong(3, id);
            st.executeUpdate();
          }
          AuditTrail.record(
              c,
              AuditEntry.of(user.username(), "change.undo", "change_set", id)
                  .with("change_set", id)
                  .with("action", action)
                  .with("restored_passages", restoredPassages.size())
                  .with("skipped_passages", skipped.passages())
                  .with("skipped_tags", skipped.tags()));
          return new UndoReport(id, summary, restoredPassages.size(), skipped);
        });
  }

  /** A change set with the passages it touched (at most {@value #PAGE_PASSAGES}). */
  public View find(long id) {
    return db.read(
        c -> {
          try (PreparedStatement st = c.prepareStatement(VIEW)) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
              if (!rs.next()) {
                throw new NotFoundException("Change set", id);
              }
              List<Long> passages = new ArrayList<>();
              try (PreparedStatement ps = c.prepareStatement(VIEW_PASSAGES)) {
                ps.setLong(1, id);
                ps.setInt(2, PAGE_PASSAGES);
                try (ResultSet prs = ps.executeQuery()) {
                  while (prs.next()) {
                    passages.add(prs.getLong(1));
                  }
                }
              }
              String skipped = rs.getString(8);
              return new View(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getTimestamp(5).toInstant(),
                  rs.getString(6),
                  rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
                  skipped == null ? Skipped.NONE : read(skipped, SKIPPED),
                  passages,
                  rs.getInt(9));
            }
          }
        });
  }

  private static boolean stillAsLeft(Item item, Map<String, Row> now) {
    Row current = now.get(item.key());
    return Objects.equals(current == null ? null : current.values(), item.after());
  }

  /**
   * The statements that put items back, one batch per statement: a large bulk change has thousands
   * of rows, and one round trip each would hold the transaction (and its row locks) open for many
   * seconds.
   */
  private static final class Restores {
    private final Map<String, List<List<String>>> batches = new LinkedHashMap<>();

    void add(Item item) {
      Entity e = item.entity();
      if (item.before() == null) {
        add(e.delete, e.keys, item.after());
      } else if (item.after() == null) {
        add(e.insert, e.columns, item.before());
      } else {
        List<String> order = new ArrayList<>(e.columns.subList(e.keys.size(), e.columns.size()));
        order.addAll(e.keys);
        add(e.update, order, item.before());
      }
    }

    private void add(String sql, List<String> columns, Map<String, String> values) {
      batches
          .computeIfAbsent(sql, s -> new ArrayList<>())
          .add(columns.stream().map(values::get).toList());
    }

    void run(Connection c) throws SQLException {
      for (Map.Entry<String, List<List<String>>> batch : batches.entrySet()) {
        try (PreparedStatement st = c.prepareStatement(batch.getKey())) {
          for (List<String> row : batch.getValue()) {
            for (int i = 0; i < row.size(); i++) {
              st.setString(i + 1, row.get(i));
            }
            st.addBatch();
          }
          st.executeBatch();
        }
      }
    }
  }

  /** How an undo names a tag or link it left alone: by slug, as it is now. */
  private static String describe(Connection c, Item item) throws SQLException {
    Map<String, String> row = item.either();
    return item.entity() == Entity.TAG
        ? "tag " + slug(c, row.get("id"))
        : "link " + slug(c, row.get("cause_id")) + " → " + slug(c, row.get("treatment_id"));
  }

  private static String slug(Connection c, String tagId) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(TAG_SLUG)) {
      st.setLong(1, Long.parseLong(tagId));
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? rs.getString(1) : "#" + tagId;
      }
    }
  }

  private static List<Item> items(Connection c, long id) throws SQLException {
    List<Item> items = new ArrayList<>();
    try (PreparedStatement st = c.prepareStatement(ITEMS)) {
      st.setLong(1, id);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          String before = rs.getString(4);
          String after = rs.getString(5);
          items.add(
              new Item(
                  Entity.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT)),
                  rs.getObject(2, Long.class),
                  rs.getObject(3, Integer.class),
                  before == null ? null : read(before, COLUMNS),
                  after == null ? null : read(after, COLUMNS)));
        }
      }
    }
    return items;
  }

  /** The covered rows now, by {@link #key}. */
  private static Map<String, Row> snapshot(Connection c, List<Long> passages, List<Long> tags)
      throws SQLException {
    Map<String, Row> rows = new HashMap<>();
    read(c, Entity.PASSAGE_TAG, passages, rows);
    read(c, Entity.TAG, tags, rows);
    read(c, Entity.TAG_LINK, tags, rows);
    return rows;
  }

  private static void read(Connection c, Entity entity, List<Long> ids, Map<String, Row> into)
      throws SQLException {
    for (List<Long> chunk : chunks(ids)) {
      String sql = inList(entity.select, chunk.size());
      try (PreparedStatement st = c.prepareStatement(sql)) {
        int bound = entity == Entity.TAG_LINK ? 2 : 1;
        for (int round = 0; round < bound; round++) {
          for (int i = 0; i < chunk.size(); i++) {
            st.setLong(round * chunk.size() + i + 1, chunk.get(i));
          }
        }
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < entity.columns.size(); i++) {
              values.put(entity.columns.get(i), rs.getString(i + 1));
            }
            Row row = new Row(entity, key(entity, values), values);
            into.put(row.key(), row);
          }
        }
      }
    }
  }

  private static String key(Entity entity, Map<String, String> values) {
    StringBuilder key = new StringBuilder(entity.name());
    for (String column : entity.keys) {
      key.append('/').append(values.get(column));
    }
    return key.toString();
  }

  /**
   * The versions of these passages, locked until the transaction ends; a deleted passage is absent.
   */
  private static Map<Long, Integer> versions(Connection c, Collection<Long> passageIds)
      throws SQLException {
    Map<Long, Integer> versions = new HashMap<>();
    for (List<Long> chunk : chunks(List.copyOf(passageIds))) {
      try (PreparedStatement st = c.prepareStatement(inList(VERSIONS, chunk.size()))) {
        for (int i = 0; i < chunk.size(); i++) {
          st.setLong(i + 1, chunk.get(i));
        }
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            versions.put(rs.getLong(1), rs.getInt(2));
          }
        }
      }
    }
    return versions;
  }

  private static Set<Long> passagesOf(Connection c, Collection<Long> tagIds) throws SQLException {
    Set<Long> passages = new TreeSet<>();
    for (List<Long> chunk : chunks(List.copyOf(tagIds))) {
      try (PreparedStatement st = c.prepareStatement(inList(PASSAGES_OF_TAGS, chunk.size()))) {
        for (int i = 0; i < chunk.size(); i++) {
          st.setLong(i + 1, chunk.get(i));
        }
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            passages.add(rs.getLong(1));
          }
        }
      }
    }
    return passages;
  }

  private static List<List<Long>> chunks(List<Long> ids) {
    List<List<Long>> chunks = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      chunks.add(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
    }
    return chunks;
  }

  /** {@code sql} with each {ids} replaced by {@code n} placeholders. */
  private static String inList(String sql, int n) {
    return sql.replace("{ids}", String.join(", ", Collections.nCopies(n, "?")));
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new DataAccessException(
          "A change set row is not the JSON it was written as: " + json, e);
    }
  }
}
