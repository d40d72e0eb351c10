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
    new ArticleImporter(db.database()).importArticle(ArticleSource.of("a.txt",
        "Title line\n\nFirst passage about alpha pain.\n\nSecond passage about beta pain."), "test");
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
      db.database().inTransaction(fast -> {
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
  void ids_that_step_by_the_cluster_size_as_on_galera_are_applied_at_once_and_their_holes_dropped_after_the_timeout()
      throws Exception {
    long alpha = passageId("%alpha%");
    long beta = passageId("%beta%");
    try (IndexFollower galera = new IndexFollower(index, new IndexSource(db.database()), TimeUnit.MILLISECONDS.toNanos(300))) {
      galera.catchUp();
      long start = galera.safePosition();
      try (Connection node = db.database().dataSource().getConnection()) {
        // What wsrep_auto_increment_control sets on a three-node cluster: this node hands out every third id.
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
      assertThat(galera.safePosition()).as("the holes may still be transactions in flight").isLessThan(galera.highWater());

      Thread.sleep(400);
      galera.pollOnce();
      assertThat(galera.safePosition()).as("holes that never filled are dropped").isEqualTo(galera.highWater()).isGreaterThan(start);
    }
  }

  @Test
  void a_hole_older_than_the_gap_timeout_by_the_database_clock_does_not_hold_a_fresh_follower_back_but_a_young_one_does() {
    long start = leaveAnOldAndAYoungHole();

    // A fresh follower on the same index is what a restart (after a SIGKILL, say) starts with.
    try (IndexFollower restarted = Indexing.follower(index, db.database())) {
      restarted.catchUp();
      assertThat(restarted.highWater()).isEqualTo(start + 4);
      assertThat(restarted.safePosition()).as("past the old hole, held at the young one").isEqualTo(start + 2);
    }
  }

  @Test
  void a_rebuild_drops_holes_older_than_the_gap_timeout_at_once_and_keeps_young_ones() {
    long start = leaveAnOldAndAYoungHole();

    follower.rebuild(count -> {});

    assertThat(follower.safePosition()).isEqualTo(start + 2);
    assertThat(index.committedPosition()).isEqualTo(start + 2);
  }

  /**
   * Leaves the log with a hole whose next change was written ten minutes ago by the database's clock (as a
   * transaction killed long before a restart leaves it) and a hole whose next change was written just now; returns
   * the id before the first hole.
   */
  private long leaveAnOldAndAYoungHole() {
    long alpha = passageId("%alpha%");
    long start = follower.highWater();
    db.database().inTransaction(c -> {
      try (var st = c.prepareStatement("INSERT INTO index_changes (id, passage_id, changed_at) VALUES "
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
    return db.database().read(c -> {
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
