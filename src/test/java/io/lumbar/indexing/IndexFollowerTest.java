package io.lumbar.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.importing.ArticleImporter;
import io.lumbar.importing.ArticleSource;
import io.lumbar.search.Analysis;
import io.lumbar.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The follower never loses a change whose transaction commits after a later one. */
class IndexFollowerTest {
  TestDatabase db;
  PassageIndex index;
  IndexFollower follower;
  Path dir;

  @BeforeEach
  void setUp() throws Exception {
    db = TestDatabase.create();
    dir = Files.createTempDirectory("lumbar-follower");
    index = PassageIndex.open(dir, Analysis.bundled().indexAnalyzer());
    follower = Indexing.follower(index, db.database());
    new ArticleImporter(db.database())
        .importArticle(
            ArticleSource.of(
                "a.txt",
                "Title line\n\nFirst passage about alpha pain.\n\nSecond passage about beta pain."),
            "test");
    follower.catchUp();
  }

  @AfterEach
  void tearDown() throws Exception {
    follower.close();
    index.close();
    db.close();
  }

  @Test
  void a_change_committed_late_with_a_lower_id_is_still_applied() throws Exception {
    long alpha = passageId("%alpha%");
    long beta = passageId("%beta%");
    assertThat(hits("alpha")).isEqualTo(1);
    long positionBefore = follower.safePosition();

    try (Connection slow = db.database().dataSource().getConnection()) {
      slow.setAutoCommit(false);
      // The slow transaction takes the lower change id first but commits last.
      reject(slow, alpha);
      db.database()
          .inTransaction(
              fast -> {
                reject(fast, beta);
                return null;
              });

      follower.pollOnce();
      assertThat(hits("beta")).isZero();
      assertThat(hits("alpha")).isEqualTo(1);
      assertThat(follower.safePosition()).isEqualTo(positionBefore);

      slow.commit();
    }
    follower.pollOnce();

    assertThat(hits("alpha")).isZero();
    assertThat(follower.safePosition()).isEqualTo(positionBefore + 2);
  }

  @Test
  void rebuild_indexes_every_published_passage_and_records_the_position() {
    int indexed = follower.rebuild(count -> {});
    assertThat(indexed).isEqualTo(2);
    assertThat(index.size()).isEqualTo(2);
    assertThat(index.committedPosition()).isEqualTo(follower.safePosition()).isPositive();
  }

  @Test
  void
      ids_that_step_by_the_cluster_size_as_on_galera_are_applied_at_once_and_their_holes_dropped_after_the_timeout()
          throws Exception {
    long alpha = passageId("%alpha%");
    long beta = passageId("%beta%");
    try (IndexFollower galera =
        new IndexFollower(
            index, new IndexSource(db.database()), TimeUnit.MILLISECONDS.toNanos(300))) {
      galera.catchUp();
      long start = galera.safePosition();
      try (Connection node = db.database().dataSource().getConnection()) {
        // What wsrep_auto_increment_control sets on a three-node cluster: this node hands out every
        // third id.
        try (var st = node.createStatement()) {
          st.execute("SET SESSION auto_increment_increment = 3");
        }
        node.setAutoCommit(false);
        reject(node, alpha);
        node.commit();
        reject(node, beta);
        node.commit();
        try (var st = node.createStatement()) {
          st.execute("SET SESSION auto_increment_increment = 1");
        }
      }

      galera.pollOnce();
      assertThat(hits("alpha")).as("applied at once, holes or not").isZero();
      assertThat(hits("beta")).isZero();
      assertThat(galera.safePosition())
          .as("the holes may still be transactions in flight")
          .isLessThan(galera.highWater());

      Thread.sleep(400);
      galera.pollOnce();
      assertThat(galera.safePosition())
          .as("holes that never filled are dropped")
          .isEqualTo(galera.highWater())
          .isGreaterThan(start);
    }
  }

  @Test
  void
      a_hole_older_than_the_gap_timeout_by_the_database_clock_does_not_hold_a_fresh_follower_back_but_a_young_one_does() {
    long start = leaveAnOldAndAYoungHole();

    // A fresh follower on the same index is what a restart (after a SIGKILL, say) starts with.
    try (IndexFollower restarted = Indexing.follower(index, db.database())) {
      restarted.catchUp();
      assertThat(restarted.highWater()).isEqualTo(start + 4);
      assertThat(restarted.safePosition())
          .as("past the old hole, held at the young one")
          .isEqualTo(start + 2);
    }
  }

  @Test
  void a_rebuild_drops_holes_older_than_the_gap_timeout_at_once_and_keeps_young_ones() {
    long start = leaveAnOldAndAYoungHole();

    follower.rebuild(count -> {});

    assertThat(follower.safePosition()).isEqualTo(start + 2);
    assertThat(index.committedPosition()).isEqualTo(start + 2);
  }

  @Test
  void
      interleaved_ids_committed_out_of_order_are_all_applied_and_a_restart_replays_nothing_and_forgets_no_hole()
          throws Exception {
    long alpha = passageId("%alpha%");
    long beta = passageId("%beta%");
    long start = follower.highWater();
    try (Connection memberOne = db.database().dataSource().getConnection();
        Connection memberTwo = db.database().dataSource().getConnection()) {
      // As on a three-member Galera cluster: one member hands out start+1, another start+5 (ids
      // step by 3 per
      // member); the later id commits first, the earlier one only after the index node restarted.
      memberOne.setAutoCommit(false);
      memberTwo.setAutoCommit(false);
      rejectWithChangeId(memberOne, alpha, start + 1);
      rejectWithChangeId(memberTwo, beta, start + 5);
      memberTwo.commit();

      follower.pollOnce();
      assertThat(hits("beta")).as("applied at once").isZero();
      assertThat(hits("alpha")).isEqualTo(1);
      assertThat(follower.safePosition()).isEqualTo(start);
      follower.close();
      assertThat(index.committedPosition()).as("held at the open hole").isEqualTo(start);

      memberOne.commit();
    }
    try (IndexFollower restarted = Indexing.follower(index, db.database())) {
      assertThat(restarted.highWater())
          .as("goes on from where it was, not from the position")
          .isEqualTo(start + 5);
      assertThat(restarted.catchUp()).as("only the late change, nothing replayed").isEqualTo(1);
      assertThat(hits("alpha")).isZero();
      assertThat(restarted.safePosition())
          .as("start+2..4 may still be in flight")
          .isEqualTo(start + 1);
    }
  }

  @Test
  void a_late_change_among_thousands_of_open_holes_is_applied_within_a_few_polls()
      throws Exception {
    long alpha = passageId("%alpha%");
    long beta = passageId("%beta%");
    long start = follower.highWater();
    try (Connection slow = db.database().dataSource().getConnection()) {
      slow.setAutoCommit(false);
      rejectWithChangeId(slow, alpha, start + 1_500);
      db.database()
          .inTransaction(
              c -> {
                rejectWithChangeId(c, beta, start + 3_001);
                return null;
              });
      follower.pollOnce();
      slow.commit();
    }
    // 3,000 holes: neither among the newest thousand looked up each poll nor the lowest thousand.
    int polls = 0;
    while (hits("alpha") > 0 && polls < 3) {
      follower.pollOnce();
      polls++;
    }
    assertThat(hits("alpha")).as("applied after %d polls", polls).isZero();
  }

  private static void rejectWithChangeId(Connection c, long passageId, long changeId)
      throws java.sql.SQLException {
    try (var st = c.prepareStatement("UPDATE passages SET status = 'rejected' WHERE id = ?")) {
      st.setLong(1, passageId);
      st.executeUpdate();
    }
    try (var st = c.prepareStatement("INSERT INTO index_changes (id, passage_id) VALUES (?, ?)")) {
      st.setLong(1, changeId);
      st.setLong(2, passageId);
      st.executeUpdate();
    }
  }

  /**
   * Leaves the log with a hole whose next change was written ten minutes ago by the database's
   * clock (as a transaction killed long before a restart leaves it) and a hole whose next change
   * was written just now; returns the id before the first hole.
   */
  private long leaveAnOldAndAYoungHole() {
    long alpha = passageId("%alpha%");
    long start = follower.highWater();
    db.database()
        .inTransaction(
            c -> {
              try (var st =
                  c.prepareStatement(
                      "INSERT INTO index_changes (id, passage_id, changed_at) VALUES "
                          + "(?, ?, NOW(3) - INTERVAL 10 MINUTE), (?, ?, NOW(3))")) {
                st.setLong(1, start + 2);
                st.setLong(2, alpha);
                st.setLong(3, start + 4);
                st.setLong(4, alpha);
                st.executeUpdate();
              }
              return null;
            });
    return start;
  }

  private static void reject(Connection c, long id) throws java.sql.SQLException {
    try (var st = c.prepareStatement("UPDATE passages SET status = 'rejected' WHERE id = ?")) {
      st.setLong(1, id);
      st.executeUpdate();
    }
    ChangeLog.append(c, id);
  }

  private long passageId(String like) {
    return db.database()
        .read(
            c -> {
              try (var st = c.prepareStatement("SELECT id FROM passages WHERE text LIKE ?")) {
                st.setString(1, like);
                try (var rs = st.executeQuery()) {
                  rs.next();
                  return rs.getLong(1);
                }
              }
            });
  }

  private int hits(String word) throws Exception {
    IndexSearcher searcher = index.acquire();
    try {
      return searcher.count(new TermQuery(new Term(PassageFields.TEXT, word)));
    } finally {
      index.release(searcher);
    }
  }
}
