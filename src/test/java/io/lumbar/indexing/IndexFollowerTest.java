package io.lumbar.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import io.lumbar.importing.ArticleImporter;
import io.lumbar.importing.ArticleSource;
import io.lumbar.search.Analysis;
import io.lumbar.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
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
